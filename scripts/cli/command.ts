/**
 * What every CLI command shares: the connection (`--connect host:port[/chroot]` or a configured
 * id), the operator it acts as in the audit log, and the exit codes.
 */
import { userInfo } from 'node:os';
import type { ParseArgsConfig } from 'node:util';
import { openConnection, type ConnectionContext } from '../../lib/services/connections';
import { closeAllSessions } from '../../lib/zk/registry';
import type { BulkResult } from '../../lib/shared/export-format';

/** 0 done; 1 done with nodes skipped, refused or unreadable; 2 bad usage; 3 refused or stopped (see the message). */
export const EXIT = { ok: 0, partial: 1, usage: 2, failed: 3 } as const;

export class UsageError extends Error {}

/** One subcommand of `npm run cli` (scripts/cli.ts lists them). */
export interface CliCommand {
  /** One line for the overview. */
  summary: string;
  /** Its own --help. */
  help: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Answers the exit code. */
  run(args: { values: Record<string, string | boolean | undefined>; positionals: string[] }): Promise<number>;
}

export const COMMON_OPTIONS = {
  connect: { type: 'string' },
  connection: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const COMMON_HELP = `  --connect host:port[,host:port…][/chroot]   the ZooKeeper to use (as ZK_CONNECT)
  --connection ID                             a configured connection (ZK_CONNECT is "default", ZOOSCOPE_CONFIG the others)`;

/** The operator the CLI acts as: recorded in the audit log as `cli:<user>`. */
const operator = () => ({ name: `cli:${userInfo().username}`, role: 'admin' as const, sessionId: null });

/** Opens the connection given by `--connect` (as the "default" connection) or `--connection`. */
export function connectionOf(values: { connect?: string; connection?: string }, access: 'read' | 'write', id?: string): ConnectionContext {
  if (values.connect) process.env.ZK_CONNECT = values.connect;
  const chosen = id ?? values.connection ?? 'default';
  if (!values.connect && !process.env.ZK_CONNECT && !process.env.ZOOSCOPE_CONFIG) throw new UsageError('Give --connect host:port or --connection ID (with ZOOSCOPE_CONFIG)');
  return openConnection(operator(), chosen, access);
}

/** Prints a bulk result as JSON on stdout and answers its exit code. */
export function reportResult(result: BulkResult): number {
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  const stopped = result.failed > 0 && result.errors.some((e) => e.code !== 'NODE_EXISTS' || result.transactions === 0);
  if (stopped && result.created + result.updated === 0 && !result.dryRun) return EXIT.failed;
  return result.failed > 0 || result.skipped > 0 ? EXIT.partial : EXIT.ok;
}

export function progressToStderr(p: { done: number; total: number }): void {
  if (process.stderr.isTTY) process.stderr.write(`\r${p.done}/${p.total} nodes`);
  else process.stderr.write(`${p.done}/${p.total} nodes\n`);
}

export function closeAll(): void {
  closeAllSessions();
}
