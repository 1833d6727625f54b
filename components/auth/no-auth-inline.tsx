import { Lock } from 'lucide-react';

/** One-line NO_AUTH explanation for places with no room for the full notice (a tree row). */
export function NoAuthInline({ operation }: { operation: string }) {
  const explanation = `This node's ACL does not allow ${operation} for your identity; add credentials with the key button in the header.`;
  return (
    <span className="flex min-w-0 items-center gap-1 text-warn" title={explanation}>
      <Lock aria-hidden className="size-3.5 shrink-0" />
      <span className="truncate">
        Not allowed for your identity<span className="sr-only">: {explanation}</span>
      </span>
    </span>
  );
}
