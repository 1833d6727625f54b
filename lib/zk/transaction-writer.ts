import 'server-only';
import { ZkError } from './errors';
import { MAX_REQUEST_BYTES, multi, type MultiOp, type MultiResult } from './multi';
import type { ZkSession } from './session';

/**
 * Gathers ops into transactions as large as the server reads (its 1 MiB request limit) and sends
 * each when the next op would not fit: a run whose ops all fit is one all-or-nothing transaction.
 * A refused transaction throws (lib/zk/multi.ts names the op); what the earlier ones wrote stays,
 * and `committed` says what that was.
 */

// Room for the chroot prefix the C client adds to every path, and the request header.
const MARGIN_BYTES = 16 * 1024;

/** An op's share of the transaction's request (jute), as lib/zk/multi.ts measures it. */
function opBytes(op: MultiOp): number {
  const str = (s: string) => 4 + Buffer.byteLength(s);
  const header = 9 + str(op.path) + 4;
  if (op.op === 'create') return header + 4 + (op.data?.length ?? 0) + (op.acl ?? [{ scheme: 'world', id: 'anyone' }]).reduce((n, e) => n + 4 + str(e.scheme) + str(e.id), 4);
  if (op.op === 'set') return header + 4 + op.data.length;
  return header;
}

export interface WriterOptions {
  /** At most this many ops per transaction (tests use small ones to see several). */
  maxOps?: number;
  /** Called before each transaction is sent (awaited). */
  beforeSend?: (ops: readonly MultiOp[]) => Promise<void> | void;
  /** Called after each transaction with its ops and results (awaited: it may report progress). */
  onCommit?: (ops: readonly MultiOp[], results: readonly MultiResult[]) => Promise<void> | void;
}

export class TransactionWriter {
  private ops: MultiOp[] = [];
  private bytes = 0;
  private refused: readonly MultiOp[] = [];
  /** Transactions sent and applied. */
  transactions = 0;
  private readonly limit = MAX_REQUEST_BYTES - MARGIN_BYTES;

  constructor(
    private readonly session: ZkSession,
    private readonly options: WriterOptions = {},
  ) {}

  async add(op: MultiOp): Promise<void> {
    const size = opBytes(op);
    if (this.ops.length > 0 && (this.bytes + size > this.limit || this.ops.length >= (this.options.maxOps ?? Infinity))) await this.flush();
    this.ops.push(op);
    this.bytes += size;
  }

  /** Sends what is gathered, as one transaction. */
  async flush(): Promise<void> {
    if (this.ops.length === 0) return;
    const ops = this.ops;
    this.ops = [];
    this.bytes = 0;
    await this.options.beforeSend?.(ops);
    let results: MultiResult[];
    try {
      results = await multi(this.session, ops);
    } catch (e) {
      this.refused = ops;
      throw e;
    }
    this.transactions++;
    await this.options.onCommit?.(ops, results);
  }

  /** The op that made the last transaction fail, given its error (lib/zk/multi.ts `details.failedOp`). */
  failedOp(e: unknown): MultiOp | undefined {
    const index = e instanceof ZkError ? e.details?.failedOp : undefined;
    return typeof index === 'number' ? this.refused[index] : undefined;
  }
}
