/**
 * Moving between nodes of the explorer without asking the server for the page: the browse view
 * is one client page that reads its node from the URL, so the history API is enough (Next keeps
 * usePathname/useSearchParams in step with it). A server round trip that fails (the dashboard
 * gone) would make Next fall back to a full page load, and the browser show its error page.
 */
type Router = { push(href: string): void; replace(href: string, options?: { scroll?: boolean }): void };

const BROWSE = /^\/c\/[^/?#]+\/browse(?=$|[/?#])/;

/** True when `href` is in the same connection's browse view as the current page. */
export function isShallowHref(href: string): boolean {
  const here = BROWSE.exec(window.location.pathname)?.[0];
  return here !== undefined && BROWSE.exec(href)?.[0] === here;
}

export function navigate(router: Router, href: string, replace = false): void {
  if (!isShallowHref(href)) {
    if (replace) router.replace(href, { scroll: false });
    else router.push(href);
  } else if (replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
}
