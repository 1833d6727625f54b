'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { DialogClose, DialogContent } from '@/components/ui/dialog';
import { ErrorAlert } from '@/components/ui/error-alert';
import { runCompare, type CompareWith } from '@/lib/client/bulk-compare';
import { addDifferences, emptyDiffTree, totalCounts, type DiffNode } from '@/lib/client/compare-tree';
import type { CompareTarget } from '@/lib/client/compare-values';
import { useLongRun } from '@/lib/client/long-run';
import type { CompareProgressLine, CompareSide, CompareSummary } from '@/lib/shared/compare';
import { CompareTreeView, useDescribeCounts } from './compare-tree-view';
import { CompareValueDiff } from './compare-value-diff';
import { Choices, ConnectionField, FileField, PathField } from './fields';
import { RunProgress } from './run-progress';

type Progress = CompareProgressLine['progress'];
type Mode = 'path' | 'file';

const MODES = ['path', 'file'] as const satisfies readonly Mode[];

interface Ran {
  root: DiffNode;
  left: CompareTarget;
  right: CompareTarget;
  names: [string, string];
  /** The side added and removed read from. */
  base: CompareSide;
}

/** Compare a subtree with another one or with an export file, and browse the differences. */
export function CompareDialog({ connection, path }: { connection: string; path: string }) {
  const t = useTranslations('bulk');
  const tc = useTranslations('common');
  const describeCounts = useDescribeCounts();
  const [mode, setMode] = useState<Mode>('path');
  const [other, setOther] = useState(path);
  const [otherConnection, setOtherConnection] = useState(connection);
  const [file, setFile] = useState<File | null>(null);
  const [ran, setRan] = useState<Ran | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [, setVersion] = useState(0);
  const run = useLongRun<Progress, CompareSummary>();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const withSide: CompareWith = mode === 'file' ? { file: file! } : { path: other.trim(), connection: otherConnection === connection ? undefined : otherConnection };
    const root = emptyDiffTree();
    setSelected(null);
    const otherName = mode === 'file' ? file!.name : `${otherConnection === connection ? '' : `${otherConnection}:`}${other.trim()}`;
    // From a backup, what was added is what is here now and not in the file.
    const base = mode === 'file' ? 'right' : 'left';
    setRan({
      base,
      root,
      left: { connection, root: path },
      right: mode === 'file' ? { file: file! } : { connection: otherConnection, root: other.trim() },
      names: [path, otherName],
    });
    void run.start((signal, onProgress) =>
      runCompare(connection, path, withSide, {
        signal,
        onProgress,
        onDifferences: (batch) => {
          addDifferences(root, batch, base);
          setVersion((v) => v + 1);
        },
      }),
    );
  };

  const { state } = run;
  const running = state.status === 'running';
  const changed = selected !== null && ran ? findNode(ran.root, selected) : null;
  const ready = mode === 'file' ? file !== null : other.trim() !== '';
  return (
    <DialogContent title={t('compare.title', { path })} description={t('compare.description')} width="w-[min(980px,96vw)]">
      <form onSubmit={submit} className="space-y-3">
        <Choices<Mode> legend={t('compare.with')} name="compare-with" value={mode} options={MODES.map((m) => ({ value: m, label: t(`compare.${m}`), hint: t(`compare.${m}Hint`) }))} onChange={setMode} />
        {mode === 'path' ? (
          <div className="grid gap-3 sm:grid-cols-[2fr_1fr]">
            <PathField label={t('compare.otherPath')} value={other} onChange={setOther} />
            <ConnectionField label={t('onConnection')} value={otherConnection} onChange={setOtherConnection} />
          </div>
        ) : (
          <FileField label={t('exportFile')} onChange={setFile} hint={t('compare.fileFieldHint')} />
        )}
        <div className="flex justify-end gap-2">
          <DialogClose asChild>
            <Button>{tc('close')}</Button>
          </DialogClose>
          <Button type="submit" variant="primary" disabled={!ready || running}>
            {t('compare.button')}
          </Button>
        </div>
      </form>

      <div className="mt-4 space-y-3">
        {running && (
          <RunProgress
            label={t('compare.progress')}
            value={state.progress?.compared ?? 0}
            max={(state.progress?.compared ?? 0) + (state.progress?.pending ?? 1)}
            status={t('compare.status', { count: state.progress?.compared ?? 0 })}
            onCancel={run.cancel}
          />
        )}
        {state.status === 'cancelled' && <p role="status" className="text-sm text-muted">{t('compare.cancelled')}</p>}
        {state.status === 'failed' && <ErrorAlert error={state.error} />}
        {state.status === 'done' && ran && <SummaryLine summary={state.result} base={ran.base} />}
        {ran && describeCounts(totalCounts(ran.root)) !== '' && (
          <div className="grid gap-3 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.2fr)]">
            <div className="max-h-[50vh] overflow-auto rounded-md border border-border p-1">
              <CompareTreeView root={ran.root} rootLabel={path} selected={selected} onSelect={setSelected} />
            </div>
            <div className="min-w-0">
              {changed ? (
                <CompareValueDiff path={changed.path} left={ran.left} right={ran.right} names={ran.names} data={changed.data} acl={changed.acl} />
              ) : (
                <p className="text-sm text-muted">{t('compare.choose')}</p>
              )}
            </div>
          </div>
        )}
      </div>
    </DialogContent>
  );
}

function SummaryLine({ summary, base }: { summary: CompareSummary; base: CompareSide }) {
  const t = useTranslations('bulk.compare');
  const describeCounts = useDescribeCounts();
  const differences = summary.changed + summary.onlyLeft + summary.onlyRight + summary.noAuth;
  const [added, removed] = base === 'left' ? [summary.onlyRight, summary.onlyLeft] : [summary.onlyLeft, summary.onlyRight];
  const counts = describeCounts({ added, removed, changed: summary.changed, unreadable: summary.noAuth });
  return (
    <p role="status" className="text-sm">
      {differences === 0 ? <strong>{t('none')}</strong> : <strong>{counts}</strong>}
      <span className="text-muted"> {t('same', { same: summary.same, compared: summary.compared, seconds: summary.ms / 1000 })}</span>
    </p>
  );
}

function findNode(root: DiffNode, path: string): DiffNode | null {
  let at: DiffNode | undefined = root;
  for (const name of path === '' ? [] : path.split('/')) at = at?.children.get(name);
  return at ?? null;
}
