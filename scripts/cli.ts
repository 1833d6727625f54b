/**
 * Zooscope's command line, for backups that run unattended (cron) and for scripts:
 *
 *   npm run cli -- export PATH --out backup.zkexport.gz --connect zk1:2181
 *   npm run cli -- import backup.zkexport.gz --to /app --on-conflict skip --connection prod
 *   npm run cli -- copy /app /app-copy --to-connection staging --connection prod
 *   npm run cli -- compare /app --with-connection staging --connection prod
 *
 * The same services as the REST API (lib/services/bulk), audited as operator `cli:<user>`.
 * A subcommand is one entry of COMMANDS.
 */
import { parseArgs } from 'node:util';
import { EXIT, UsageError, closeAll, type CliCommand } from './cli/command';
import { compareCommand } from './cli/compare';
import { copyCommand } from './cli/copy';
import { exportCommand } from './cli/export';
import { importCommand } from './cli/import';

const COMMANDS: Record<string, CliCommand> = {
  export: exportCommand,
  import: importCommand,
  copy: copyCommand,
  compare: compareCommand,
};

const USAGE = `Usage: npm run cli -- COMMAND [options]   (npm run cli -- COMMAND --help for one)
${Object.values(COMMANDS)
  .map((c) => `  ${c.summary}`)
  .join('\n')}
Exit codes: 0 done; 1 done with nodes skipped, refused or unreadable; 2 bad usage; 3 refused or stopped.`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(USAGE);
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = COMMANDS[name];
  if (!command) throw new UsageError(`Unknown command "${name}"`);
  const { values, positionals } = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
  if (values.help) {
    console.log(command.help);
    return EXIT.ok;
  }
  return command.run({ values: values as Record<string, string | boolean | undefined>, positionals });
}

main(process.argv.slice(2)).then(
  (code) => {
    closeAll();
    process.exitCode = code;
  },
  (e: unknown) => {
    closeAll();
    const usage = e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    console.error(usage ? `${(e as Error).message}\n\n${USAGE}` : `${(e as { code?: string }).code ?? 'ERROR'}: ${(e as Error).message}`);
    process.exitCode = usage ? EXIT.usage : EXIT.failed;
  },
);
