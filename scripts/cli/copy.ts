import { prepareCopy } from '../../lib/services/bulk/copy';
import { COMMON_HELP, COMMON_OPTIONS, UsageError, connectionOf, progressToStderr, reportResult, type CliCommand } from './command';
import { onConflictOf } from './import';

export const copyCommand: CliCommand = {
  summary: 'copy FROM TO [--to-connection ID] [--move]   copy or move a subtree',
  help: `npm run cli -- copy FROM TO [--to-connection ID] [--move] [--on-conflict fail|skip|overwrite] [--dry-run] (--connect … | --connection ID)
  Copies the subtree FROM to TO, on the same connection or on --to-connection (a configured id).
  --move   then delete each source node at the version copied (a node changed meanwhile stops it)
${COMMON_HELP}
Prints the result as JSON. Exit: 0 done; 1 done with nodes skipped or refused; 2 bad usage; 3 refused or stopped.`,
  options: { ...COMMON_OPTIONS, 'to-connection': { type: 'string' }, move: { type: 'boolean' }, 'on-conflict': { type: 'string' }, 'dry-run': { type: 'boolean' } },
  async run({ values, positionals }) {
    const [from, to] = positionals;
    if (!from || !to) throw new UsageError('copy needs FROM and TO');
    const move = Boolean(values.move);
    const source = connectionOf(values, move ? 'write' : 'read');
    const targetId = values['to-connection'] as string | undefined;
    const target = targetId ? connectionOf(values, 'write', targetId) : connectionOf(values, 'write');
    const job = await prepareCopy(source, target, { from, to, move, onConflict: onConflictOf(values['on-conflict']), dryRun: Boolean(values['dry-run']) });
    return reportResult(await job.run(progressToStderr));
  },
};
