/** An event stream opened through the real route handler, read as a browser would (tests of the live API). */
import * as eventsRoute from '@/app/api/v1/connections/[id]/events/route';
import * as subscriptionsRoute from '@/app/api/v1/connections/[id]/events/subscriptions/route';
import { createSseParser, type SseMessage } from '@/lib/client/live-sse';
import type { LiveEvent } from '@/lib/shared/events';
import { addRoute, api } from './api';
import { sleep, waitFor } from './live';

addRoute(/^\/api\/v1\/connections\/([^/]+)\/events\/subscriptions$/, subscriptionsRoute as unknown as Parameters<typeof addRoute>[1]);

export interface OpenStream {
  /**
   * Held for the stream's life: undici's Request follows the caller's signal through a weak
   * reference, so once a request is collected its abort would no longer reach the route.
   */
  request: Request;
  response: Response;
  messages: SseMessage[];
  comments: string[];
  raw(): string;
  events<T extends LiveEvent['type']>(type: T): Array<Extract<LiveEvent, { type: T }> & { id: string | null }>;
  hello(): Promise<Extract<LiveEvent, { type: 'hello' }>>;
  /** Stops and resumes reading, as a browser that falls behind would. */
  pause(): void;
  resume(): void;
  abort(): void;
  cancel(): Promise<void>;
}

export async function openStream(options: { lastEventId?: string } = {}): Promise<OpenStream> {
  const controller = new AbortController();
  const headers: Record<string, string> = { accept: 'text/event-stream' };
  if (options.lastEventId) headers['last-event-id'] = options.lastEventId;
  const request = new Request('http://127.0.0.1:3000/api/v1/connections/default/events', { headers, signal: controller.signal });
  const response = await eventsRoute.GET(request, { params: Promise.resolve({ id: 'default' }) });
  const reader = response.body!.getReader();
  const messages: SseMessage[] = [];
  const comments: string[] = [];
  let raw = '';
  const parser = createSseParser(
    (m) => messages.push(m),
    (c) => comments.push(c),
  );
  let paused = false;
  void (async () => {
    const decoder = new TextDecoder();
    try {
      for (;;) {
        while (paused) await sleep(10);
        const { done, value } = await reader.read();
        if (done) break;
        const text = decoder.decode(value, { stream: true });
        raw += text;
        parser.push(text);
      }
    } catch {
      // Aborted or cancelled.
    }
  })();
  const events = <T extends LiveEvent['type']>(type: T) =>
    messages.filter((m) => m.event === type).map((m) => ({ ...JSON.parse(m.data), id: m.id })) as never;
  return {
    request,
    response,
    messages,
    comments,
    raw: () => raw,
    events,
    hello: () => waitFor('hello', () => events('hello')[0]),
    pause: () => void (paused = true),
    resume: () => void (paused = false),
    abort: () => controller.abort(),
    cancel: () => reader.cancel(),
  };
}

export function subscribe(stream: string, add: Array<{ path: string; kind: string }>, remove: Array<{ path: string; kind: string }> = []) {
  return api('POST', '/api/v1/connections/default/events/subscriptions', { stream, add, remove });
}
