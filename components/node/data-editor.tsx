'use client';

import { RotateCcw, Save } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { Alert, ErrorAlert } from '@/components/ui/error-alert';
import { Panel } from '@/components/ui/panel';
import { isLossless, REPRESENTATIONS, textToBytes, type BytesProblem } from '@/lib/client/bytes';
import { isTextRepresentation } from '@/lib/client/node-value';
import type { NodeResponse } from '@/lib/shared/wire';
import { EditingBanner } from '@/components/live/editing-banner';
import { CodeEditor } from './code-editor';
import { ConflictPanel } from './conflict-panel';
import { DraftNotice } from './draft-notice';
import { useDraft } from './use-draft';
import { useMatchRange } from './use-match-range';
import { useSaveShortcut } from './use-save-shortcut';
import { useSyntaxCheck } from './use-syntax-check';
import { useValueBuffer } from './use-value-buffer';
import { ValueFileActions } from './value-file-actions';
import { ValueToolbar } from './value-toolbar';

/**
 * Views and edits a node's value (see useValueBuffer for when a newer server copy replaces the
 * edit). A conflict shows both sides and waits for the operator's decision.
 */
export function DataEditor({ connection, node }: { connection: string; node: NodeResponse }) {
  const t = useTranslations('node.editor');
  const bytesProblemText = (p: BytesProblem, switching: boolean) => {
    const reason = t(`bytes.${p.code}`, { char: 'char' in p ? p.char : '' });
    return switching ? t('bytes.switching', { reason }) : reason;
  };
  const buffer = useValueBuffer(connection, node);
  const { snapshot, value, rep, syntax, pretty, text, problem, conflict, changedElsewhere, dirty, saving } = buffer;
  const match = useMatchRange(text, rep === 'utf-8' && !dirty);
  const offer = useDraft(connection, buffer);
  useSaveShortcut(() => {
    if (dirty && !saving && !conflict) buffer.save(snapshot.stat.version);
  });

  // The size badge follows the edit: what a save would write (the stored size while unmodified).
  const edited = dirty ? textToBytes(text, rep) : null;
  const size = edited?.ok ? edited.bytes.length : value.bytes.length;
  const check = useSyntaxCheck(text, syntax, dirty && isTextRepresentation(rep) && !buffer.asIs);
  const repLabel = REPRESENTATIONS.find((r) => r.value === rep)!.label;
  return (
    <Panel
      id="value-heading"
      title={t('value')}
      className="flex min-h-0 min-w-0 flex-1 flex-col overflow-hidden max-lg:min-h-[26rem] max-lg:flex-none"
      actions={
        <>
          {dirty && (
            <span role="status" className="flex items-center gap-1.5 text-xs font-medium text-warn">
              <span aria-hidden className="size-2 rounded-full bg-warn" />
              {t('unsaved')}
            </span>
          )}
          <div className="ml-auto flex items-center gap-1.5">
            <CopyButton value={text} label={t('copyValue')} />
            <ValueFileActions node={node} disabled={saving || conflict !== null} onUpload={buffer.upload} />
            <Button size="sm" onClick={buffer.revert} disabled={!dirty || saving}>
              <RotateCcw aria-hidden />
              {t('revert')}
            </Button>
            <Button size="sm" variant="primary" onClick={() => buffer.save(snapshot.stat.version)} disabled={!dirty || saving || conflict !== null} title={t('saveTitle')}>
              <Save aria-hidden />
              {saving ? t('saving') : t('save')}
            </Button>
          </div>
        </>
      }
    >
      <ValueToolbar value={value} size={size} rep={rep} syntax={syntax} pretty={pretty} dirty={dirty} onRep={buffer.changeRep} onSyntax={buffer.changeSyntax} onPretty={buffer.togglePretty} />
      <div className="flex min-h-0 flex-1 flex-col gap-2 p-2">
      {offer.draft && <DraftNotice draft={offer.draft} version={snapshot.stat.version} onRestore={offer.restore} onDiscard={offer.discard} />}
      {problem?.kind === 'invalid' && <Alert title={t('invalid')}>{problem.message}</Alert>}
      {problem?.kind === 'bytes' && <Alert title={t('invalid')}>{bytesProblemText(problem.problem, problem.switching)}</Alert>}
      {problem?.kind === 'error' && <ErrorAlert error={problem.error} />}
      {changedElsewhere && !conflict && (
        <EditingBanner
          current={node}
          baseVersion={snapshot.stat.version}
          mine={text}
          rep={rep}
          syntax={syntax}
          pretty={pretty}
          onLoadTheirs={() => buffer.adopt(node)}
        />
      )}
      {!isLossless(value.bytes, rep) && (
        <Alert tone="warn" title={t('notExactTitle', { rep: repLabel })}>
          {t('notExact', { rep: repLabel })}
        </Alert>
      )}

      {conflict ? (
        <ConflictPanel
          rep={rep}
          syntax={syntax}
          pretty={pretty}
          current={conflict.current}
          mine={conflict.mine}
          baseVersion={snapshot.stat.version}
          busy={saving}
          onReload={buffer.reload}
          onOverwrite={(current) => buffer.save(current.stat.version)}
        />
      ) : (
        <div className="min-h-0 flex-1">
          <CodeEditor value={text} onChange={buffer.edit} rep={rep} syntax={syntax} match={match} />
        </div>
      )}
      {!conflict && (
        <p role="status" aria-label={t('syntaxCheck')} className="min-h-4 text-xs text-danger">
          {/* Once a save was refused for it, the alert above says it: not twice. */}
          {check && !check.ok && problem?.kind !== 'invalid' ? check.message : ''}
        </p>
      )}
      </div>
    </Panel>
  );
}
