/**
 * The value editor's state as one reducer: the server copy the edit is based on, how it is
 * shown (representation, syntax, pretty-printing), the text being edited, and what the last
 * save or check found. Pure: the hook (use-value-buffer.ts) feeds it the server's copies.
 */
import { bytesToText, isLossless, textToBytes, type BytesProblem, type Representation } from '@/lib/client/bytes';
import { defaultRepresentation, editableValue, isTextRepresentation, renderValue, type EditableValue } from '@/lib/client/node-value';
import type { Draft } from '@/lib/client/drafts';
import { syntaxOf, type Syntax } from '@/lib/client/syntax';
import type { ZkStat } from '@/lib/shared/types';
import type { CurrentNode, NodeResponse } from '@/lib/shared/wire';

/** `invalid`: a syntax parser's own message; `bytes`: the text is not bytes in its representation (while switching it, or saving). */
export type Problem = { kind: 'invalid'; message: string } | { kind: 'bytes'; problem: BytesProblem; switching: boolean } | { kind: 'error'; error: unknown };

export interface Conflict {
  current?: CurrentNode;
  mine: string;
}

export interface BufferState {
  /** The copy the edit is based on; its stat moves on with our own saves. */
  snapshot: NodeResponse;
  value: EditableValue;
  rep: Representation;
  syntax: Syntax;
  pretty: boolean;
  text: string;
  /** The edit is a file's bytes (upload): saved as they are, never recompressed. */
  asIs: boolean;
  /** What was just saved counts as unmodified until the server's copy of it arrives. */
  savedText: string | null;
  problem: Problem | null;
  conflict: Conflict | null;
  /** The server has a newer copy than the modified buffer. */
  changedElsewhere: boolean;
  /** The server copy last adopted into the buffer. */
  adoptedFrom: NodeResponse;
  /** What the last look at the server's copy saw (see 'server-copy'). */
  checked: { node: NodeResponse; savedText: string | null; pending: boolean };
}

export type BufferAction =
  /** Show this copy, dropping the edit. */
  | { type: 'adopt'; node: NodeResponse }
  /** The server's copy as the page has it now, while the buffer is `dirty` and a save maybe `pending`. */
  | { type: 'server-copy'; node: NodeResponse; pending: boolean; dirty: boolean }
  | { type: 'edit'; text: string }
  | { type: 'representation'; next: Representation; dirty: boolean }
  | { type: 'syntax'; next: Syntax; dirty: boolean }
  | { type: 'toggle-pretty' }
  | { type: 'revert'; baseline: string }
  /** A file's bytes become the edit, shown in a representation that holds them exactly. */
  | { type: 'upload'; bytes: Uint8Array }
  | { type: 'problem'; problem: Problem | null }
  | { type: 'saved'; stat: ZkStat; text: string }
  | { type: 'conflict'; conflict: Conflict }
  /** Puts back an edit kept as a draft (see lib/client/drafts.ts). */
  | { type: 'restore'; draft: Draft };

/** JSON kept on one line opens formatted (for reading only: an unchanged value is never saved). */
function opensPretty(bytes: Uint8Array, rep: Representation, syntax: Syntax): boolean {
  if (rep !== 'utf-8' || syntax !== 'json') return false;
  const raw = renderValue(bytes, rep, syntax, false);
  return !raw.includes('\n') && renderValue(bytes, rep, syntax, true) !== raw;
}

export function initialBuffer(node: NodeResponse): BufferState {
  const value = editableValue(node.data);
  const rep = defaultRepresentation(value);
  const syntax = syntaxOf(value.format);
  const pretty = opensPretty(value.bytes, rep, syntax);
  return {
    snapshot: node,
    value,
    rep,
    syntax,
    pretty,
    text: renderValue(value.bytes, rep, syntax, pretty),
    asIs: false,
    savedText: null,
    problem: null,
    conflict: null,
    changedElsewhere: false,
    adoptedFrom: node,
    checked: { node, savedText: null, pending: false },
  };
}

/** The text of the unmodified buffer. */
export function baselineOf(s: Pick<BufferState, 'value' | 'rep' | 'syntax' | 'pretty'>): string {
  return renderValue(s.value.bytes, s.rep, s.syntax, s.pretty);
}

function adopt(s: BufferState, node: NodeResponse): BufferState {
  const value = editableValue(node.data);
  // Keep the chosen representation unless it cannot show the new bytes exactly.
  const rep = isTextRepresentation(s.rep) && !isLossless(value.bytes, s.rep) ? defaultRepresentation(value) : s.rep;
  return {
    ...s,
    snapshot: node,
    value,
    rep,
    text: renderValue(value.bytes, rep, s.syntax, s.pretty),
    asIs: false,
    savedText: null,
    changedElsewhere: false,
    conflict: null,
    problem: null,
    adoptedFrom: node,
  };
}

/**
 * A draft made on the version shown comes back as the edit. One made on an older version is based
 * on that version, so that a save is refused, and is shown against the current value at once.
 */
function restore(s: BufferState, draft: Draft): BufferState {
  const restored = { ...s, rep: draft.rep, syntax: draft.syntax, pretty: draft.pretty, text: draft.text, problem: null };
  if (draft.version === s.snapshot.stat.version) return restored;
  return {
    ...restored,
    snapshot: { ...s.snapshot, stat: { ...s.snapshot.stat, version: draft.version } },
    conflict: { current: { stat: s.snapshot.stat, data: s.snapshot.data }, mine: draft.text },
  };
}

/**
 * A newer server copy replaces an unmodified buffer (including one just saved, whose copy may
 * arrive before the save's answer); a modified one is kept and the operator is told.
 */
function serverCopy(s: BufferState, node: NodeResponse, pending: boolean, dirty: boolean): BufferState {
  let next = s;
  if (node !== s.adoptedFrom) {
    if (!dirty) next = adopt(s, node);
    else if (!pending && node.stat.mzxid !== s.snapshot.stat.mzxid) next = { ...s, changedElsewhere: true };
  }
  return { ...next, checked: { node, savedText: next.savedText, pending } };
}

export function reduceBuffer(s: BufferState, action: BufferAction): BufferState {
  switch (action.type) {
    case 'adopt':
      return adopt(s, action.node);
    case 'server-copy':
      return serverCopy(s, action.node, action.pending, action.dirty);
    case 'edit':
      // A refused save's reason was about the text before this edit; the live check speaks for this one.
      return { ...s, text: action.text, problem: s.problem?.kind === 'invalid' ? null : s.problem };
    case 'representation': {
      let text: string;
      if (action.dirty) {
        const parsed = textToBytes(s.text, s.rep);
        if (!parsed.ok) return { ...s, problem: { kind: 'bytes', problem: parsed.problem, switching: true } };
        text = bytesToText(parsed.bytes, action.next);
      } else {
        text = renderValue(s.value.bytes, action.next, s.syntax, false);
      }
      return { ...s, text, problem: null, pretty: false, rep: action.next };
    }
    case 'syntax':
      return { ...s, text: action.dirty ? s.text : renderValue(s.value.bytes, s.rep, action.next, false), pretty: false, syntax: action.next, problem: null };
    case 'toggle-pretty':
      return { ...s, text: renderValue(s.value.bytes, s.rep, s.syntax, !s.pretty), pretty: !s.pretty };
    case 'revert':
      return { ...s, text: action.baseline, asIs: false, problem: null };
    case 'upload': {
      const rep = isTextRepresentation(s.rep) && isLossless(action.bytes, s.rep) ? s.rep : s.rep === 'hex' ? 'hex' : 'base64';
      return { ...s, rep, pretty: false, text: bytesToText(action.bytes, rep), asIs: true, problem: null };
    }
    case 'problem':
      return { ...s, problem: action.problem };
    case 'saved':
      return { ...s, snapshot: { ...s.snapshot, stat: action.stat }, savedText: action.text, conflict: null, changedElsewhere: false };
    case 'conflict':
      return { ...s, conflict: action.conflict };
    case 'restore':
      return restore(s, action.draft);
  }
}
