import { createReadStream } from 'node:fs';
import { prepareCompare } from '../../lib/services/bulk/compare';
import { prepareFileCompare } from '../../lib/services/bulk/compare-file';
import type { CompareLine, CompareSummary } from '../../lib/shared/compare';
import { COMMON_HELP, COMMON_OPTIONS, EXIT, UsageError, connectionOf, type CliCommand } from './command';

export const compareCommand: CliCommand = {
  summary: 'compare PATH (--with PATH [--with-connection ID] | --file FILE)   list the differences of two subtrees',
  help: `npm run cli -- compare PATH (--with PATH [--with-connection ID] | --file FILE|-) (--connect … | --connection ID)
  Compares the subtree of PATH with another subtree (of this or another configured connection) or
  with an export file (gzip'd or not; "-" reads stdin). Prints one JSON line per difference
  ({"only":"left"|"right",path}, {"changed":path,data,acl}, {"noAuth":side,path}), then the summary.
  --with PATH             the other subtree (default PATH, with --with-connection)
  --with-connection ID    the other subtree's connection
  --file FILE             an export file instead ("what changed since this backup")
${COMMON_HELP}
Exit: 0 no differences; 1 differences (or unreadable nodes) found; 2 bad usage; 3 failed.`,
  options: { ...COMMON_OPTIONS, with: { type: 'string' }, 'with-connection': { type: 'string' }, file: { type: 'string' } },
  async run({ values, positionals }) {
    const [path] = positionals;
    if (!path) throw new UsageError('compare needs a PATH');
    const { file } = values as { file?: string };
    const other = values.with as string | undefined;
    const otherConnection = values['with-connection'] as string | undefined;
    if (file && (other || otherConnection)) throw new UsageError('compare takes --file or --with/--with-connection, not both');
    if (!file && !other && !otherConnection) throw new UsageError('compare needs --with PATH, --with-connection ID or --file FILE');
    const context = connectionOf(values, 'read');
    const run = file
      ? await prepareFileCompare(context, path, file === '-' ? process.stdin : createReadStream(file))
      : await prepareCompare(context, { path, with: other ?? path, withConnection: otherConnection });
    let summary: CompareSummary | null = null;
    const send = (line: CompareLine) => {
      if ('progress' in line) return;
      if ('summary' in line) summary = line.summary;
      process.stdout.write(`${JSON.stringify(line)}\n`);
    };
    await run(send, new AbortController().signal);
    const s = summary as CompareSummary | null;
    if (!s) return EXIT.failed;
    return s.changed + s.onlyLeft + s.onlyRight + s.noAuth > 0 ? EXIT.partial : EXIT.ok;
  },
};
