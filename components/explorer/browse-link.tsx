'use client';

import { useRouter } from 'next/navigation';
import type { ComponentProps, MouseEvent } from 'react';
import { navigate } from '@/lib/client/navigate';

/**
 * A link to a node: a plain click moves within the explorer on the client (lib/client/navigate),
 * a modified one (new tab, window) is left to the browser. The leave guard has asked already.
 */
export function BrowseLink({ href, onClick, ...props }: ComponentProps<'a'> & { href: string }) {
  const router = useRouter();
  const click = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(router, href);
  };
  return <a href={href} data-client-nav="" onClick={click} {...props} />;
}
