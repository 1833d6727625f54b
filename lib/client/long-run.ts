/**
 * A long operation of a dialog (import, copy, move, compare, undo): its progress, its result or
 * error, and Cancel, which aborts the request (the server stops when the client goes away).
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export type LongRunState<P, R> =
  | { status: 'idle' }
  | { status: 'running'; progress: P | null }
  | { status: 'done'; result: R }
  | { status: 'failed'; error: unknown }
  | { status: 'cancelled' };

export type LongRunTask<P, R> = (signal: AbortSignal, onProgress: (progress: P) => void) => Promise<R>;

export function useLongRun<P, R>(): {
  state: LongRunState<P, R>;
  start(task: LongRunTask<P, R>): Promise<R | undefined>;
  cancel(): void;
  reset(): void;
} {
  const [state, setState] = useState<LongRunState<P, R>>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);
  // A dialog closed mid-run stops the run: nothing keeps working for a screen nobody sees.
  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(async (task: LongRunTask<P, R>) => {
    controller.current?.abort();
    const own = new AbortController();
    controller.current = own;
    setState({ status: 'running', progress: null });
    try {
      const result = await task(own.signal, (progress) => {
        if (!own.signal.aborted) setState({ status: 'running', progress });
      });
      if (own.signal.aborted) return undefined;
      setState({ status: 'done', result });
      return result;
    } catch (error) {
      // Aborted: cancel() or reset() has said so already.
      if (!own.signal.aborted) setState({ status: 'failed', error });
      return undefined;
    } finally {
      if (controller.current === own) controller.current = null;
    }
  }, []);

  const cancel = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
    setState({ status: 'cancelled' });
  }, []);

  const reset = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
    setState({ status: 'idle' });
  }, []);

  return { state, start, cancel, reset };
}
