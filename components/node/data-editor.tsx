'use client';

import { useQueryClient } from '@tanstack/react-query';
import { RotateCcw, Save } from 'lucide-react';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { Alert, ErrorAlert } from '@/components/ui/error-alert';
import { Panel } from '@/components/ui/panel';
import { isModKey } from '@/components/ui/keys';
import { isApiError } from '@/lib/client/api-client';
import { bytesToBase64, bytesToText, isLossless, REPRESENTATIONS, textToBytes, type Representation } from '@/lib/client/bytes';
import { defaultRepresentation, editableValue, isTextRepresentation, renderValue } from '@/lib/client/node-value';
import { currentFromConflict, nodeQuery, useSaveNode } from '@/lib/client/nodes';
import type { CurrentNode, NodeResponse } from '@/lib/shared/wire';
import { syntaxOf, validateSyntax, type Syntax } from '@/lib/client/syntax';
import { EditingBanner } from '@/components/live/editing-banner';
import { CodeEditor } from './code-editor';
import { ConflictPanel } from './conflict-panel';
import { ValueToolbar } from './value-toolbar';

type Problem = { kind: 'invalid'; message: string } | { kind: 'error'; error: unknown };

/**
 * Views and edits a node's value. The edit is based on the version that was loaded: a save
 * sends that version, and a newer value from the server replaces the buffer only while it is
 * unmodified. A conflict shows both sides and waits for the operator's decision.
 */
export function DataEditor({ connection, node }: { connection: string; node: NodeResponse }) {
  const client = useQueryClient();
  const mutation = useSaveNode(connection);
  const [snapshot, setSnapshot] = useState(node);
  const adoptedFrom = useRef(node);
  const value = useMemo(() => editableValue(snapshot.data), [snapshot]);
  const [rep, setRep] = useState<Representation>(() => defaultRepresentation(value));
  const [syntax, setSyntax] = useState<Syntax>(() => syntaxOf(value.format));
  const [pretty, setPretty] = useState(false);
  const baseline = useMemo(() => renderValue(value.bytes, rep, syntax, pretty), [value, rep, syntax, pretty]);
  const [text, setText] = useState(baseline);
  // What was just saved counts as unmodified until the server's copy of it arrives.
  const [savedText, setSavedText] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [conflict, setConflict] = useState<{ current?: CurrentNode; mine: string } | null>(null);
  const [changedElsewhere, setChangedElsewhere] = useState(false);
  const dirty = text !== baseline && text !== savedText;

  const adopt = (next: NodeResponse) => {
    adoptedFrom.current = next;
    const v = editableValue(next.data);
    const nextRep = isTextRepresentation(rep) && !isLossless(v.bytes, rep) ? defaultRepresentation(v) : rep;
    setSnapshot(next);
    setRep(nextRep);
    setText(renderValue(v.bytes, nextRep, syntax, pretty));
    setSavedText(null);
    setChangedElsewhere(false);
    setConflict(null);
    setProblem(null);
  };

  // A newer server copy replaces an unmodified buffer (including one just saved, whose copy may
  // arrive before the save's answer); a modified one is kept and the operator is told.
  useEffect(() => {
    if (node === adoptedFrom.current) return;
    if (!dirty) adopt(node);
    else if (!mutation.isPending && node.stat.mzxid !== snapshot.stat.mzxid) setChangedElsewhere(true);
    // The buffer's state is read as it is when a copy arrives or a save settles.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [node, savedText, mutation.isPending]);

  const save = (version: number) => {
    const parsed = textToBytes(text, rep);
    if (!parsed.ok) return setProblem({ kind: 'invalid', message: parsed.error });
    if (isTextRepresentation(rep)) {
      const check = validateSyntax(text, syntax);
      if (!check.ok) return setProblem({ kind: 'invalid', message: check.message });
    }
    setProblem(null);
    const mine = text;
    mutation.mutate(
      { path: snapshot.path, base64: bytesToBase64(parsed.bytes), compress: value.gzip ? 'gzip' : undefined, version },
      {
        onSuccess: ({ stat }) => {
          setSnapshot((s) => ({ ...s, stat }));
          setSavedText(mine);
          setConflict(null);
          setChangedElsewhere(false);
          toast.success(`Saved ${snapshot.path}`, { description: `Now at version ${stat.version}` });
        },
        onError: (error) => {
          if (isApiError(error, 'BAD_VERSION')) setConflict({ current: currentFromConflict(error), mine });
          else setProblem({ kind: 'error', error });
        },
      },
    );
  };

  // Ctrl/Cmd+S anywhere on the page saves (and never opens the browser's "Save page").
  const shortcut = useRef(() => {});
  useLayoutEffect(() => {
    shortcut.current = () => {
      if (dirty && !mutation.isPending && !conflict) save(snapshot.stat.version);
    };
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isModKey(e, 's')) return;
      e.preventDefault();
      shortcut.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const changeRep = (next: Representation) => {
    if (dirty) {
      const parsed = textToBytes(text, rep);
      if (!parsed.ok) return setProblem({ kind: 'invalid', message: `Cannot switch while the value is invalid: ${parsed.error}` });
      setText(bytesToText(parsed.bytes, next));
    } else {
      setText(renderValue(value.bytes, next, syntax, false));
    }
    setProblem(null);
    setPretty(false);
    setRep(next);
  };
  const changeSyntax = (next: Syntax) => {
    if (!dirty) setText(renderValue(value.bytes, rep, next, false));
    setPretty(false);
    setSyntax(next);
    setProblem(null);
  };
  const togglePretty = () => {
    setText(renderValue(value.bytes, rep, syntax, !pretty));
    setPretty(!pretty);
  };
  const reload = async (current?: CurrentNode) => {
    const next = current ? { path: snapshot.path, ...current } : await client.fetchQuery({ ...nodeQuery(connection, snapshot.path), staleTime: 0 });
    adopt(next);
    client.setQueryData(nodeQuery(connection, snapshot.path).queryKey, next);
  };
  const revert = () => {
    setText(baseline);
    setProblem(null);
  };

  const repLabel = REPRESENTATIONS.find((r) => r.value === rep)!.label;
  return (
    <Panel
      id="value-heading"
      title="Value"
      className="flex min-h-0 min-w-0 flex-1 flex-col overflow-hidden"
      actions={
        <>
          {dirty && (
            <span role="status" className="flex items-center gap-1.5 text-xs font-medium text-warn">
              <span aria-hidden className="size-2 rounded-full bg-warn" />
              Unsaved changes
            </span>
          )}
          <div className="ml-auto flex items-center gap-1.5">
            <CopyButton value={text} label="Copy value" />
            <Button size="sm" onClick={revert} disabled={!dirty || mutation.isPending}>
              <RotateCcw aria-hidden />
              Revert
            </Button>
            <Button size="sm" variant="primary" onClick={() => save(snapshot.stat.version)} disabled={!dirty || mutation.isPending || conflict !== null} title="Save (Ctrl+S)">
              <Save aria-hidden />
              {mutation.isPending ? 'Saving…' : 'Save'}
            </Button>
          </div>
        </>
      }
    >
      <ValueToolbar value={value} rep={rep} syntax={syntax} pretty={pretty} dirty={dirty} onRep={changeRep} onSyntax={changeSyntax} onPretty={togglePretty} />
      <div className="flex min-h-0 flex-1 flex-col gap-2 p-2">
      {problem?.kind === 'invalid' && <Alert title="Not saved: the value is not valid">{problem.message}</Alert>}
      {problem?.kind === 'error' && <ErrorAlert error={problem.error} />}
      {changedElsewhere && !conflict && (
        <EditingBanner
          current={node}
          baseVersion={snapshot.stat.version}
          mine={text}
          rep={rep}
          syntax={syntax}
          pretty={pretty}
          onLoadTheirs={() => adopt(node)}
        />
      )}
      {!isLossless(value.bytes, rep) && (
        <Alert tone="warn" title={`Not exact as ${repLabel}`}>
          These bytes cannot be shown exactly as {repLabel}; saving from this view would change them. Choose Hex or Base64 to edit them byte for byte.
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
          busy={mutation.isPending}
          onReload={reload}
          onOverwrite={(current) => save(current.stat.version)}
        />
      ) : (
        <div className="min-h-0 flex-1">
          <CodeEditor value={text} onChange={setText} rep={rep} syntax={syntax} />
        </div>
      )}
      </div>
    </Panel>
  );
}
