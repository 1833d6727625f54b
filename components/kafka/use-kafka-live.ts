'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
import { useLiveClient, useLiveLog, useLiveWatches } from '@/components/live/use-live';
import { kafkaKeys } from '@/lib/client/query-keys';
import type { KafkaModel } from '@/lib/shared/kafka';
import { joinPath } from '@/lib/shared/path';

/** Partition state znodes watched at most; a larger cluster still refreshes by polling. */
const MAX_PARTITION_WATCHES = 2000;

/**
 * Keeps the Kafka view current through the watch hub: the controller, the broker registrations,
 * the topic list, deletions in progress and each partition's leader/ISR state. Any change under
 * the root re-reads the model (coalesced by TanStack Query while a read is in flight).
 */
export function useKafkaLive(connection: string, root: string, model: KafkaModel | null | undefined): void {
  const dataPaths = useMemo(() => {
    const at = (rel: string) => joinPath(root, rel);
    const paths = [at('controller'), at('controller_epoch')];
    for (const topic of model?.topics ?? []) {
      for (const p of topic.partitions) {
        if (paths.length >= MAX_PARTITION_WATCHES) break;
        paths.push(at(`brokers/topics/${topic.name}/partitions/${p.id}/state`));
      }
    }
    return paths;
  }, [root, model]);
  const childPaths = useMemo(
    () => ['brokers/ids', 'brokers/topics', 'admin/delete_topics', 'config/topics'].map((rel) => joinPath(root, rel)),
    [root],
  );
  useLiveWatches(dataPaths, ['data']);
  useLiveWatches(childPaths, ['children']);

  const log = useLiveLog();
  const queryClient = useQueryClient();
  // A broker that left between the first read and the watches being armed would otherwise wait for the poll.
  const live = useLiveClient();
  useEffect(() => live?.onArmed(() => void queryClient.invalidateQueries({ queryKey: kafkaKeys.model(connection, root) })), [live, queryClient, connection, root]);
  const seen = useRef(0);
  useEffect(() => {
    const prefix = root === '/' ? '/' : `${root}/`;
    let relevant = false;
    for (const entry of log) {
      if (entry.seq <= seen.current) continue;
      const e = entry.event;
      if (e.type === 'resync' || ('path' in e && (e.path === root || e.path.startsWith(prefix)))) relevant = true;
    }
    seen.current = log.at(-1)?.seq ?? seen.current;
    if (relevant) void queryClient.invalidateQueries({ queryKey: kafkaKeys.model(connection, root) });
  }, [log, root, connection, queryClient]);
}
