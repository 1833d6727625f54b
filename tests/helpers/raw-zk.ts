/**
 * A bare `zookeeper` client, independent of the app's lib/zk: the "someone else" in tests that
 * need a second party (another client changes a node), and a check on the servers we start.
 * Promise API of the package: create/get/set/delete_/get_children/exists, errors "rc message".
 * Never touch a client after close(): the native binding crashes.
 */
import ZooKeeper from 'zookeeper';

export type RawZk = InstanceType<typeof ZooKeeper>;
export const ZK = ZooKeeper.constants;

export function connectRaw(connectString: string, timeoutMs = 10_000): Promise<RawZk> {
  const client = new ZooKeeper({
    connect: connectString,
    timeout: timeoutMs,
    debug_level: ZooKeeper.constants.ZOO_LOG_LEVEL_ERROR,
    host_order_deterministic: false,
    data_as_buffer: true,
    response_counter_limit: 1_000_000,
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      client.close();
      reject(new Error(`Could not connect to ZooKeeper at ${connectString} within ${timeoutMs} ms`));
    }, timeoutMs);
    client.once('connect', () => {
      clearTimeout(timer);
      resolve(client);
    });
    client.init({});
  });
}
