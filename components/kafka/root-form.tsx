'use client';

import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { normalizeKafkaRoot } from '@/lib/client/kafka';

/** Where Kafka keeps its znodes ("/", or a chroot such as /kafka); kept in the URL as ?root=. */
export function RootForm({ root, onChoose }: { root: string; onChoose(root: string): void }) {
  return (
    <form
      role="search"
      aria-label="Choose the Kafka root"
      className="flex items-center gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        onChoose(normalizeKafkaRoot(String(new FormData(e.currentTarget).get('root') ?? '')));
      }}
    >
      <label htmlFor="kafka-root" className="text-sm text-muted">
        Kafka root
      </label>
      {/* Keyed by root: going back in history shows that root again instead of what was typed. */}
      <Input key={root} id="kafka-root" name="root" defaultValue={root} placeholder="/ or /kafka" className="w-48 font-mono" spellCheck={false} autoComplete="off" />
      <Button type="submit" size="md">
        Load
      </Button>
    </form>
  );
}
