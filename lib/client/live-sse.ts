/**
 * An incremental text/event-stream parser (the WHATWG rules EventSource follows), for readers
 * that are not an EventSource: the benchmark's many clients and the integration tests.
 */

export interface SseMessage {
  id: string | null;
  event: string;
  data: string;
}

export interface SseParser {
  /** Feeds decoded text; complete messages go to onMessage, comments to onComment. */
  push(text: string): void;
}

export function createSseParser(onMessage: (m: SseMessage) => void, onComment?: (text: string) => void): SseParser {
  let buffer = '';
  let id: string | null = null;
  let event = '';
  let data: string[] = [];
  const line = (l: string) => {
    if (l === '') {
      if (data.length > 0) onMessage({ id, event: event || 'message', data: data.join('\n') });
      event = '';
      data = [];
      return;
    }
    if (l.startsWith(':')) {
      onComment?.(l.slice(1).trim());
      return;
    }
    const colon = l.indexOf(':');
    const field = colon < 0 ? l : l.slice(0, colon);
    const value = colon < 0 ? '' : l.slice(colon + (l[colon + 1] === ' ' ? 2 : 1));
    if (field === 'data') data.push(value);
    else if (field === 'event') event = value;
    else if (field === 'id') id = value;
  };
  return {
    push(text) {
      buffer += text;
      let start = 0;
      for (;;) {
        const nl = buffer.indexOf('\n', start);
        if (nl < 0) break;
        line(buffer.slice(start, nl).replace(/\r$/, ''));
        start = nl + 1;
      }
      buffer = buffer.slice(start);
    },
  };
}
