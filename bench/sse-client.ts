/** An event stream of the app read as a browser would, for the benchmarks: resolves to its id once `hello` arrives. */
import { createSseParser, type SseMessage } from '@/lib/client/live-sse';

export async function openEventStream(baseURL: string, onMessage: (m: SseMessage) => void, signal?: AbortSignal): Promise<string> {
  const response = await fetch(`${baseURL}/api/v1/connections/default/events`, { signal });
  if (!response.ok || !response.body) throw new Error(`events stream answered HTTP ${response.status}: ${await response.text()}`);
  let resolveHello!: (stream: string) => void;
  const hello = new Promise<string>((r) => (resolveHello = r));
  const parser = createSseParser((m) => {
    if (m.event === 'hello') resolveHello((JSON.parse(m.data) as { stream: string }).stream);
    onMessage(m);
  });
  void (async () => {
    const decoder = new TextDecoder();
    const reader = response.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.push(decoder.decode(value, { stream: true }));
    }
  })().catch(() => undefined);
  return hello;
}
