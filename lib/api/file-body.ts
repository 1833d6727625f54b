/**
 * A request whose body is a file (an export file to import or to compare with), streamed, never
 * read whole. A plain HTML form cannot send it: its content types are refused (CSRF).
 */
import 'server-only';
import { ZkError } from '@/lib/zk/errors';

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

export function fileBody(request: Request): AsyncIterable<Uint8Array> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type === '' || FORM_TYPES.includes(type)) {
    throw new ZkError('INVALID_REQUEST', 'Send the export file as the body with Content-Type: application/octet-stream (or application/gzip, application/x-ndjson)');
  }
  if (!request.body) throw new ZkError('INVALID_REQUEST', 'The request has no body: send the export file');
  return request.body as unknown as AsyncIterable<Uint8Array>;
}
