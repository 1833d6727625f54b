'use client';

import { DiffView } from '@/components/node/diff-view';
import { ErrorAlert } from '@/components/ui/error-alert';
import { Skeleton } from '@/components/ui/skeleton';
import { renderValue } from '@/lib/client/node-value';
import { syntaxOf } from '@/lib/client/syntax';
import { useCompareSide, type CompareTarget, type SideValue } from '@/lib/client/compare-values';
import { decodeUtf8, detectTextFormat } from '@/lib/shared/format';

const aclText = (v: SideValue) => v.acl.map((e) => `${e.scheme}:${e.id} ${e.perms}`).sort().join('\n');

/** Both values as text when both are UTF-8, otherwise both in hex, so that the diff compares like with like. */
function texts(left: SideValue, right: SideValue) {
  const [l, r] = [decodeUtf8(left.bytes), decodeUtf8(right.bytes)];
  if (l === null || r === null) return { rep: 'hex' as const, syntax: 'text' as const, left: renderValue(left.bytes, 'hex', 'text', false), right: renderValue(right.bytes, 'hex', 'text', false) };
  return { rep: 'utf-8' as const, syntax: syntaxOf(detectTextFormat(l || r)), left: l, right: r };
}

/** A changed node of a comparison side by side (the merge view of the editor's conflicts): value, then ACL. */
export function CompareValueDiff({ path, left, right, names, data, acl }: { path: string; left: CompareTarget; right: CompareTarget; names: [string, string]; data: boolean; acl: boolean }) {
  const a = useCompareSide(left, path);
  const b = useCompareSide(right, path);
  const error = a.error ?? b.error;
  if (error) return <ErrorAlert error={error} />;
  if (a.value === undefined || b.value === undefined) return <Skeleton className="h-24 w-full" />;
  if (a.value === null || b.value === null) return <p className="text-sm text-muted">The node is no longer on both sides.</p>;
  const value = texts(a.value, b.value);
  return (
    <div className="space-y-3">
      <section aria-label={`Value of ${path || 'the root'}`} className="space-y-1">
        <div className="grid grid-cols-2 text-xs font-semibold text-muted">
          <span>Value in {names[0]}</span>
          <span>Value in {names[1]}</span>
        </div>
        {data ? (
          <div className="h-56">
            <DiffView theirs={value.left} mine={value.right} rep={value.rep} syntax={value.syntax} names={[`Value in ${names[0]}`, `Value in ${names[1]}`]} />
          </div>
        ) : (
          <p className="text-xs text-muted">The values are the same.</p>
        )}
      </section>
      {acl && (
        <section aria-label={`ACL of ${path || 'the root'}`} className="space-y-1">
          <div className="grid grid-cols-2 text-xs font-semibold text-muted">
            <span>ACL in {names[0]}</span>
            <span>ACL in {names[1]}</span>
          </div>
          <div className="h-28">
            <DiffView theirs={aclText(a.value)} mine={aclText(b.value)} rep="utf-8" syntax="text" names={[`ACL in ${names[0]}`, `ACL in ${names[1]}`]} />
          </div>
        </section>
      )}
    </div>
  );
}
