'use client';

import { useQuery } from '@tanstack/react-query';
import { Button } from '@/components/ui/button';
import { kafkaRootsQuery } from '@/lib/client/kafka';

/** Chroots holding brokers/ids elsewhere on the connection, offered as the root to load. */
export function ChrootChoices({ connection, root, onChoose }: { connection: string; root: string; onChoose(root: string): void }) {
  const { data, isPending, error } = useQuery(kafkaRootsQuery(connection));
  if (isPending) return <p className="text-muted">Looking for Kafka chroots in the first levels of the namespace…</p>;
  if (error) return null;
  const roots = data.roots.filter((r) => r.path !== root);
  if (roots.length === 0) {
    return <p>{data.complete ? 'No Kafka chroot was found in the first three levels of the namespace.' : `No Kafka chroot was found among the first ${data.scanned.toLocaleString()} nodes of the namespace.`}</p>;
  }
  return (
    <div className="space-y-1.5">
      <p id="kafka-chroots">{roots.length === 1 ? 'A Kafka cluster was found under a chroot:' : `Kafka clusters were found under ${roots.length} chroots:`}</p>
      <ul aria-labelledby="kafka-chroots" className="flex flex-wrap gap-2">
        {roots.map((r) => (
          <li key={r.path}>
            <Button size="md" onClick={() => onChoose(r.path)} className="font-mono">
              {r.path}
              <span className="font-sans text-xs text-muted">{r.brokers === 1 ? '1 broker' : `${r.brokers} brokers`}</span>
            </Button>
          </li>
        ))}
      </ul>
      {!data.complete && <p className="text-xs text-muted">The scan stopped at its bounds; a chroot deeper or among many siblings can still be entered above.</p>}
    </div>
  );
}
