import { createReadStream } from 'node:fs';
import { prepareImport } from '../../lib/services/bulk/import';
import { ON_CONFLICT, type OnConflict } from '../../lib/shared/export-format';
import { COMMON_HELP, COMMON_OPTIONS, UsageError, connectionOf, progressToStderr, reportResult, type CliCommand } from './command';

export function onConflictOf(value: unknown): OnConflict {
  const v = (value ?? 'fail') as OnConflict;
  if (!ON_CONFLICT.includes(v)) throw new UsageError(`--on-conflict must be one of ${ON_CONFLICT.join(', ')}`);
  return v;
}

export const importCommand: CliCommand = {
  summary: 'import FILE --to PATH [--on-conflict …] [--dry-run]   restore an export file (ours or ZooNavigator’s)',
  help: `npm run cli -- import FILE|- --to PATH [--on-conflict fail|skip|overwrite] [--dry-run] [--keep-acl] [--ephemeral-persistent] (--connect … | --connection ID)
  Imports an export file (gzip'd or not; "-" reads stdin) at PATH. The whole file is checked first.
  --on-conflict   fail (default: nothing is written if any node exists), skip, or overwrite (at the version read)
  --dry-run       write nothing; print the plan
  --keep-acl      overwritten nodes keep their ACL
  --ephemeral-persistent   create the file's ephemeral nodes as persistent (default: skip them)
${COMMON_HELP}
Prints the result as JSON. Exit: 0 done; 1 done with nodes skipped or refused; 2 bad usage; 3 refused or stopped.`,
  options: {
    ...COMMON_OPTIONS,
    to: { type: 'string' },
    'on-conflict': { type: 'string' },
    'dry-run': { type: 'boolean' },
    'keep-acl': { type: 'boolean' },
    'ephemeral-persistent': { type: 'boolean' },
  },
  async run({ values, positionals }) {
    const [file] = positionals;
    if (!file) throw new UsageError('import needs a FILE (or - for stdin)');
    if (typeof values.to !== 'string') throw new UsageError('import needs --to PATH');
    const context = connectionOf(values, 'write');
    const body = file === '-' ? process.stdin : createReadStream(file);
    const job = await prepareImport(context, body, {
      target: values.to,
      onConflict: onConflictOf(values['on-conflict']),
      dryRun: Boolean(values['dry-run']),
      acl: values['keep-acl'] ? 'keep' : 'file',
      ephemeral: values['ephemeral-persistent'] ? 'persistent' : 'skip',
    });
    return reportResult(await job.run(progressToStderr));
  },
};
