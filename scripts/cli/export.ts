import { createWriteStream } from 'node:fs';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { exportFile } from '../../lib/services/bulk/export';
import { COMMON_HELP, COMMON_OPTIONS, EXIT, UsageError, connectionOf, type CliCommand } from './command';

export const exportCommand: CliCommand = {
  summary: 'export PATH [--out FILE] [--gzip]   write the export file of a subtree',
  help: `npm run cli -- export PATH [--out FILE] [--gzip] (--connect … | --connection ID)
  Writes the subtree of PATH as an export file (docs/export-format.md) to FILE, or to stdout.
  --out FILE   where to write it; a name ending in .gz is gzip'd
  --gzip       gzip it (also on stdout)
${COMMON_HELP}
Exit: 0 written; 1 written, with nodes that could not be read (NO_AUTH, listed in the file); 3 failed.`,
  options: { ...COMMON_OPTIONS, out: { type: 'string', short: 'o' }, gzip: { type: 'boolean' } },
  async run({ values, positionals }) {
    const [path] = positionals;
    if (!path) throw new UsageError('export needs a PATH');
    const out = values.out as string | undefined;
    const gzip = Boolean(values.gzip) || Boolean(out?.endsWith('.gz'));
    const context = connectionOf(values, 'read');
    let unreadable = 0;
    const lines = (async function* () {
      for await (const line of exportFile(context, path)) {
        if (line.includes('"error":"NO_AUTH"')) unreadable++;
        yield line;
      }
    })();
    const sink: Writable = out ? createWriteStream(out) : process.stdout;
    if (gzip) await pipeline(Readable.from(lines), createGzip(), sink);
    else await pipeline(Readable.from(lines), sink);
    if (unreadable > 0) console.error(`${unreadable} node(s) could not be read (NO_AUTH); they are listed in the file without a value`);
    return unreadable > 0 ? EXIT.partial : EXIT.ok;
  },
};
