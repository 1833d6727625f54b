import { describe, expect, it } from 'vitest';
import { baselineOf, initialBuffer, reduceBuffer, type BufferState } from '@/components/node/value-buffer';
import type { ZkStat } from '@/lib/shared/types';
import type { NodeResponse } from '@/lib/shared/wire';

const stat = (mzxid: number, version = mzxid): ZkStat => ({
  czxid: 1, mzxid, pzxid: 1, ctime: 1, mtime: 1, version, cversion: 0, aversion: 0, ephemeralOwner: '0', dataLength: 1, numChildren: 0,
});
const node = (text: string, mzxid: number): NodeResponse => ({
  path: '/n',
  stat: stat(mzxid),
  data: { base64: Buffer.from(text).toString('base64'), text, format: 'text', size: text.length },
});

const dirty = (s: BufferState) => s.text !== baselineOf(s) && s.text !== s.savedText;

describe('the value buffer', () => {
  it('takes a newer server copy while unmodified', () => {
    const s = initialBuffer(node('a', 1));
    const next = node('b', 2);
    const after = reduceBuffer(s, { type: 'server-copy', node: next, pending: false, dirty: dirty(s) });
    expect(after.text).toBe('b');
    expect(after.snapshot).toBe(next);
    expect(after.checked).toEqual({ node: next, savedText: null, pending: false });
  });

  it('keeps a modified buffer and says the node changed elsewhere', () => {
    const s = reduceBuffer(initialBuffer(node('a', 1)), { type: 'edit', text: 'mine' });
    const after = reduceBuffer(s, { type: 'server-copy', node: node('b', 2), pending: false, dirty: dirty(s) });
    expect(after.text).toBe('mine');
    expect(after.changedElsewhere).toBe(true);
  });

  it('does not call our own save a change elsewhere while it is under way', () => {
    const s = reduceBuffer(initialBuffer(node('a', 1)), { type: 'edit', text: 'mine' });
    const after = reduceBuffer(s, { type: 'server-copy', node: node('mine', 2), pending: true, dirty: dirty(s) });
    expect(after.changedElsewhere).toBe(false);
  });

  it('counts the saved text as unmodified until its copy arrives, then adopts that copy', () => {
    let s = reduceBuffer(initialBuffer(node('a', 1)), { type: 'edit', text: 'mine' });
    s = reduceBuffer(s, { type: 'saved', stat: stat(2), text: 'mine' });
    expect(dirty(s)).toBe(false);
    expect(s.snapshot.stat.version).toBe(2);
    const copy = node('mine', 2);
    s = reduceBuffer(s, { type: 'server-copy', node: copy, pending: false, dirty: dirty(s) });
    expect(s.adoptedFrom).toBe(copy);
    expect(s.savedText).toBeNull();
    expect(dirty(s)).toBe(false);
  });

  it('switches representation through the bytes of a modified buffer, and refuses while they do not parse', () => {
    let s = reduceBuffer(initialBuffer(node('a', 1)), { type: 'edit', text: 'hi' });
    s = reduceBuffer(s, { type: 'representation', next: 'hex', dirty: dirty(s) });
    expect(s.rep).toBe('hex');
    expect(s.text.replace(/\s/g, '')).toBe('6869');
    s = reduceBuffer(s, { type: 'edit', text: 'zz' });
    const refused = reduceBuffer(s, { type: 'representation', next: 'utf-8', dirty: dirty(s) });
    expect(refused.rep).toBe('hex');
    expect(refused.problem).toEqual({ kind: 'bytes', problem: { code: 'hexDigit', char: 'z' }, switching: true });
  });

  it('drops a refused save\'s reason once the text is edited again, and keeps a server error', () => {
    let s = reduceBuffer(initialBuffer(node('a', 1)), { type: 'problem', problem: { kind: 'invalid', message: 'Invalid JSON' } });
    s = reduceBuffer(s, { type: 'edit', text: '{}' });
    expect(s.problem).toBeNull();
    const error = { kind: 'error', error: new Error('refused') } as const;
    s = reduceBuffer(reduceBuffer(s, { type: 'problem', problem: error }), { type: 'edit', text: '{"a": 1}' });
    expect(s.problem).toBe(error);
  });

  it('reverts to the baseline', () => {
    const s = reduceBuffer(initialBuffer(node('a', 1)), { type: 'edit', text: 'mine' });
    expect(reduceBuffer(s, { type: 'revert', baseline: baselineOf(s) }).text).toBe('a');
  });

  it('restores a draft made on the version shown as the edit, with its representation', () => {
    const s = initialBuffer(node('a', 1));
    const after = reduceBuffer(s, { type: 'restore', draft: { version: 1, text: '6d696e65', rep: 'hex', syntax: 'text', pretty: false, savedAt: 0 } });
    expect({ text: after.text, rep: after.rep, conflict: after.conflict }).toEqual({ text: '6d696e65', rep: 'hex', conflict: null });
    expect(dirty(after)).toBe(true);
    expect(after.snapshot.stat.version).toBe(1);
  });

  it('restores a draft of an older version against the current value: based on its version, shown as a conflict', () => {
    const current = node('theirs', 3);
    const after = reduceBuffer(initialBuffer(current), { type: 'restore', draft: { version: 1, text: 'mine', rep: 'utf-8', syntax: 'text', pretty: false, savedAt: 0 } });
    expect(after.text).toBe('mine');
    // A save would be sent with version 1 and refused: nothing is written over "theirs" unseen.
    expect(after.snapshot.stat.version).toBe(1);
    expect(after.conflict).toEqual({ current: { stat: current.stat, data: current.data }, mine: 'mine' });
  });

  it('opens one-line JSON formatted but unmodified, and a multi-line value as it is', () => {
    const json = (text: string): NodeResponse => ({ ...node(text, 1), data: { ...node(text, 1).data, format: 'json' } });
    const s = initialBuffer(json('{"a":1,"b":[2]}'));
    expect(s.pretty).toBe(true);
    expect(s.text).toBe('{\n  "a": 1,\n  "b": [\n    2\n  ]\n}');
    expect(dirty(s)).toBe(false);
    expect(initialBuffer(json('{\n"a":1}')).pretty).toBe(false);
  });

  it('takes an uploaded file in a representation that holds its bytes exactly', () => {
    const s = initialBuffer(node('a', 1));
    const text = reduceBuffer(s, { type: 'upload', bytes: new TextEncoder().encode('from a file') });
    expect(text).toMatchObject({ rep: 'utf-8', text: 'from a file', asIs: true });
    const binary = reduceBuffer(s, { type: 'upload', bytes: new Uint8Array([0, 0xff, 0xc3, 0x28]) });
    expect(binary).toMatchObject({ rep: 'base64', text: 'AP/DKA==', asIs: true });
    expect(reduceBuffer(binary, { type: 'revert', baseline: 'a' }).asIs).toBe(false);
  });
});
