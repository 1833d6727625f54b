/**
 * An export fetched by the page itself rather than left to the browser's download bar, so that
 * the dialog shows its progress (nodes so far of the subtree's count) and Cancel stops the
 * server's walk. The file is compressed here when asked (CompressionStream), then saved.
 */
import { ApiError, connectionUrl, sendRequest } from './api-client';

export interface ExportedFile {
  blob: Blob;
  filename: string;
  nodes: number;
}

/** The name the server gives the file (Content-Disposition), `.gz` added when compressed here. */
function filenameOf(response: Response, gzip: boolean): string {
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'export.zkexport';
  return gzip && !name.endsWith('.gz') ? `${name}.gz` : name;
}

export async function downloadExport(connection: string, path: string, options: { gzip: boolean; signal: AbortSignal; onNodes(nodes: number): void }): Promise<ExportedFile> {
  const response = await sendRequest(connectionUrl(connection, 'export', { path }), { signal: options.signal, headers: { Accept: 'application/x-ndjson' } });
  const [counted, kept] = response.body!.tee();
  // Lines after the header are nodes, then one summary line.
  let lines = 0;
  let last = '';
  const counting = counted.pipeThrough(new TextDecoderStream()).pipeTo(
    new WritableStream({
      write(chunk) {
        for (const c of chunk) if (c === '\n') lines++;
        last = (last + chunk).slice(-4096);
        options.onNodes(Math.max(0, lines - 1));
      },
    }),
  );
  const body = options.gzip ? kept.pipeThrough(new CompressionStream('gzip')) : kept;
  const [blob] = await Promise.all([new Response(body).blob(), counting]);
  // A failure after the first line ends the file with the error envelope instead of the summary.
  const tail = last.trimEnd().split('\n').pop() ?? '';
  if (tail.startsWith('{"error"')) {
    const { error } = JSON.parse(tail) as { error: { code: string; message: string } };
    throw new ApiError(error.code as never, error.message, response.status);
  }
  return { blob, filename: filenameOf(response, options.gzip), nodes: Math.max(0, lines - 2) };
}

/** Hands a file to the browser's save (a click on a link to it). */
export function saveFile(file: { blob: Blob; filename: string }): void {
  const url = URL.createObjectURL(file.blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
