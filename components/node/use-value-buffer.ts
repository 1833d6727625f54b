'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useCallback, useMemo, useReducer } from 'react';
import { toast } from '@/components/ui/toast';
import { isApiError } from '@/lib/client/api-client';
import { bytesToBase64, textToBytes, type Representation } from '@/lib/client/bytes';
import type { Draft } from '@/lib/client/drafts';
import { isTextRepresentation } from '@/lib/client/node-value';
import { currentFromConflict, nodeQuery, useSaveNode } from '@/lib/client/nodes';
import { loadSyntax, validateSyntax, type Syntax } from '@/lib/client/syntax';
import type { CurrentNode, NodeResponse } from '@/lib/shared/wire';
import { baselineOf, initialBuffer, reduceBuffer, type BufferState } from './value-buffer';

export interface ValueBuffer extends BufferState {
  dirty: boolean;
  saving: boolean;
  edit(text: string): void;
  /** Saves the text over `version` (the loaded one, or the current one to overwrite a conflict). */
  save(version: number): Promise<void>;
  revert(): void;
  /** Takes a file's bytes as the edit (saved as they are, over the loaded version). */
  upload(bytes: Uint8Array): void;
  changeRep(next: Representation): void;
  changeSyntax(next: Syntax): void;
  togglePretty(): void;
  /** Shows `node` (the server's copy), dropping the edit. */
  adopt(node: NodeResponse): void;
  /** Shows the current copy: the one a conflict answer carried, or a fresh read. */
  reload(current?: CurrentNode): Promise<void>;
  /** Puts back an edit kept as a draft. */
  restore(draft: Draft): void;
}

/**
 * The edit of a node's value, based on the version that was loaded: a save sends that version,
 * and a newer copy from the server replaces the buffer only while it is unmodified.
 */
export function useValueBuffer(connection: string, node: NodeResponse): ValueBuffer {
  const t = useTranslations('node.editor');
  const client = useQueryClient();
  const mutation = useSaveNode(connection);
  const [state, dispatch] = useReducer(reduceBuffer, node, initialBuffer);
  const { value, rep, syntax, pretty, text, savedText, snapshot } = state;
  const baseline = useMemo(() => baselineOf({ value, rep, syntax, pretty }), [value, rep, syntax, pretty]);
  const dirty = text !== baseline && text !== savedText;
  const pending = mutation.isPending;

  // Looked at whenever the copy, the saved text or the save's progress changes (state from the
  // previous render, adjusted while rendering rather than in an effect).
  const { checked } = state;
  if (checked.node !== node || checked.savedText !== savedText || checked.pending !== pending) {
    dispatch({ type: 'server-copy', node, pending, dirty });
  }

  // Stable, as the editor's change handler should be.
  const edit = useCallback((next: string) => dispatch({ type: 'edit', text: next }), []);

  const save = async (version: number) => {
    const parsed = textToBytes(text, rep);
    if (!parsed.ok) return dispatch({ type: 'problem', problem: { kind: 'bytes', problem: parsed.problem, switching: false } });
    if (isTextRepresentation(rep) && !state.asIs) {
      // The syntax's parser may still have to be fetched (YAML, XML).
      const check = await validateSyntax(text, syntax);
      if (!check.ok) return dispatch({ type: 'problem', problem: { kind: 'invalid', message: check.message } });
    }
    dispatch({ type: 'problem', problem: null });
    const mine = text;
    mutation.mutate(
      { path: snapshot.path, base64: bytesToBase64(parsed.bytes), compress: value.gzip && !state.asIs ? 'gzip' : undefined, version },
      {
        onSuccess: ({ stat }) => {
          dispatch({ type: 'saved', stat, text: mine });
          toast.success(t('saved', { path: snapshot.path }), { description: t('savedVersion', { version: stat.version }) });
        },
        onError: (error) => {
          if (isApiError(error, 'BAD_VERSION')) dispatch({ type: 'conflict', conflict: { current: currentFromConflict(error), mine } });
          else dispatch({ type: 'problem', problem: { kind: 'error', error } });
        },
      },
    );
  };

  return {
    ...state,
    dirty,
    saving: pending,
    edit,
    save,
    revert: () => dispatch({ type: 'revert', baseline }),
    upload: (bytes) => dispatch({ type: 'upload', bytes }),
    changeRep: (next) => dispatch({ type: 'representation', next, dirty }),
    changeSyntax: (next) => dispatch({ type: 'syntax', next, dirty }),
    // The pretty-printer is fetched before the reducer, which is synchronous, uses it.
    togglePretty: () => {
      if (pretty) return dispatch({ type: 'toggle-pretty' });
      loadSyntax(syntax).then(
        () => dispatch({ type: 'toggle-pretty' }),
        (error: unknown) => dispatch({ type: 'problem', problem: { kind: 'error', error } }),
      );
    },
    adopt: (next) => dispatch({ type: 'adopt', node: next }),
    restore: (draft) => dispatch({ type: 'restore', draft }),
    reload: async (current) => {
      const next = current ? { path: snapshot.path, ...current } : await client.fetchQuery({ ...nodeQuery(connection, snapshot.path), staleTime: 0 });
      dispatch({ type: 'adopt', node: next });
      client.setQueryData(nodeQuery(connection, snapshot.path).queryKey, next);
    },
  };
}
