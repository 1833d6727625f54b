import { downloadExport, saveFile, type ExportedFile } from './export-download';
import { useLongRun, type LongRunState } from './long-run';

/** An export of `path` as a long run (nodes so far as progress, Cancel stopping the server), saved once complete. */
export function useExport(connection: string, path: string): { state: LongRunState<number, ExportedFile>; start(gzip: boolean): Promise<void>; cancel(): void } {
  const run = useLongRun<number, ExportedFile>();
  const start = async (gzip: boolean) => {
    const file = await run.start((signal, onProgress) => downloadExport(connection, path, { gzip, signal, onNodes: onProgress }));
    if (file) saveFile(file);
  };
  return { state: run.state, start, cancel: run.cancel };
}
