/**
 * The one place the browser talks HTTP to the REST API v1. Every failure becomes an ApiError
 * carrying the envelope's stable `code`, so components switch on codes and never parse text.
 */
import { isTransient, type ErrorCode } from '@/lib/shared/errors';
import { reportAnswered, reportUnreachable } from './reachability';

/**
 * Codes from the server envelope, plus NETWORK when the dashboard server cannot be reached and
 * NO_ANSWER when a write got no answer within its bound (it may or may not have been made).
 */
export type ApiErrorCode = ErrorCode | 'NETWORK' | 'NO_ANSWER';

/** How long a write waits for the server's answer before it is reported as unanswered. */
export const WRITE_TIMEOUT_MS = 15_000;

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly status: number;
  readonly path?: string;
  /** Any other fields of the error envelope (e.g. `current` on BAD_VERSION). */
  readonly details: Record<string, unknown>;

  constructor(code: ApiErrorCode, message: string, status: number, path?: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.path = path;
    this.details = details;
  }
}

export function isApiError(e: unknown, code?: ApiErrorCode): e is ApiError {
  return e instanceof ApiError && (code === undefined || e.code === code);
}

type Params = Record<string, string | number | boolean | undefined>;

/** `/api/v1/connections/{id}/{resource}?…`; undefined parameters are left out. */
export function connectionUrl(connection: string, resource: string, params: Params = {}): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) search.set(k, String(v));
  const query = search.toString();
  return `/api/v1/connections/${encodeURIComponent(connection)}/${resource}${query ? `?${query}` : ''}`;
}

/** Turns an error envelope (already parsed) into an ApiError. */
export function errorFromEnvelope(body: unknown, status: number): ApiError {
  const error = (body as { error?: Record<string, unknown> } | null)?.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    const { code, message, path, ...details } = error;
    return new ApiError(code as ApiErrorCode, message, status, typeof path === 'string' ? path : undefined, details);
  }
  return new ApiError('INTERNAL', `The server answered with HTTP ${status}`, status);
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  /** A file sent as the body, as it is (an export file to import or to compare with). */
  file?: Blob;
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** Fail with NO_ANSWER when the answer's headers have not come within this many ms. */
  timeoutMs?: number;
}

/** Sends a request; throws ApiError for any non-2xx answer or network failure. */
export async function sendRequest(url: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.file) headers['Content-Type'] = 'application/octet-stream';
  let response: Response;
  // The bound covers the wait for the answer only: a progress stream may then run as long as it needs.
  const timeout = options.timeoutMs === undefined ? undefined : new AbortController();
  const timer = timeout && setTimeout(() => timeout.abort(), options.timeoutMs);
  try {
    response = await fetch(url, {
      method: options.method ?? 'GET',
      headers,
      body: options.file ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      signal: timeout ? AbortSignal.any([timeout.signal, ...(options.signal ? [options.signal] : [])]) : options.signal,
      cache: 'no-store',
    });
  } catch (e) {
    if (options.signal?.aborted) throw e;
    reportUnreachable();
    if (timeout?.signal.aborted) {
      const seconds = Math.round((options.timeoutMs ?? 0) / 1000);
      throw new ApiError('NO_ANSWER', `The Zooscope server did not answer within ${seconds} s. The change may or may not have been made: reload before trying again.`, 0);
    }
    throw new ApiError('NETWORK', 'The Zooscope server could not be reached', 0);
  } finally {
    clearTimeout(timer);
  }
  reportAnswered();
  if (!response.ok) {
    const body = await response.json().catch(() => null);
    throw errorFromEnvelope(body, response.status);
  }
  return response;
}

/** A JSON request; a 204 answer resolves to undefined. */
export async function requestJson<T>(url: string, options: RequestOptions = {}): Promise<T> {
  const response = await sendRequest(url, options);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** Retry transient failures (the session reconnecting) a couple of times, never user errors. */
export function retryTransient(failureCount: number, error: unknown): boolean {
  if (!isApiError(error)) return failureCount < 2;
  if (error.code === 'NO_ANSWER') return false;
  const transient = error.code === 'NETWORK' || isTransient(error.code);
  return transient && failureCount < 2;
}
