'use client';

import { useTranslations } from 'next-intl';
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
  const t = useTranslations('bulk.compare');
  const a = useCompareSide(left, path);
  const b = useCompareSide(right, path);
  const error = a.error ?? b.error;
  if (error) return <ErrorAlert error={error} />;
  if (a.value === undefined || b.value === undefined) return <Skeleton className="h-24 w-full" />;
  if (a.value === null || b.value === null) return <p className="text-sm text-muted">{t('gone')}</p>;
  const value = texts(a.value, b.value);
  const valueIn = names.map((name) => t('valueIn', { name })) as [string, string];
  const aclIn = names.map((name) => t('aclIn', { name })) as [string, string];
  return (
    <div className="space-y-3">
      <section aria-label={path ? t('valueOf', { path }) : t('valueOfRoot')} className="space-y-1">
        <div className="grid grid-cols-2 text-xs font-semibold text-muted">
          <span>{valueIn[0]}</span>
          <span>{valueIn[1]}</span>
        </div>
        {data ? (
          <div className="h-56">
            <DiffView theirs={value.left} mine={value.right} rep={value.rep} syntax={value.syntax} names={valueIn} />
          </div>
        ) : (
          <p className="text-xs text-muted">{t('sameValues')}</p>
        )}
      </section>
      {acl && (
        <section aria-label={path ? t('aclOf', { path }) : t('aclOfRoot')} className="space-y-1">
          <div className="grid grid-cols-2 text-xs font-semibold text-muted">
            <span>{aclIn[0]}</span>
            <span>{aclIn[1]}</span>
          </div>
          <div className="h-28">
            <DiffView theirs={aclText(a.value)} mine={aclText(b.value)} rep="utf-8" syntax="text" names={aclIn} />
          </div>
        </section>
      )}
    </div>
  );
}
