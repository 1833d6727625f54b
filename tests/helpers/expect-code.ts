/** Awaits a promise that must reject with a ZkError of `code`; answers the error. */
import { expect } from 'vitest';
import { ZkError } from '@/lib/zk/errors';

export async function expectCode(p: Promise<unknown>, code: string): Promise<ZkError> {
  const e = await p.then(
    () => {
      throw new Error(`expected ${code}, the call succeeded`);
    },
    (err) => err,
  );
  expect(e).toBeInstanceOf(ZkError);
  expect((e as ZkError).code).toBe(code);
  return e as ZkError;
}
