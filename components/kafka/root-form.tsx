'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { normalizeKafkaRoot } from '@/lib/client/kafka';

/** Where Kafka keeps its znodes ("/", or a chroot such as /kafka); kept in the URL as ?root=. */
export function RootForm({ root, onChoose }: { root: string; onChoose(root: string): void }) {
  const t = useTranslations('kafka.root');
  return (
    <form
      role="search"
      aria-label={t('form')}
      className="flex items-center gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        onChoose(normalizeKafkaRoot(String(new FormData(e.currentTarget).get('root') ?? '')));
      }}
    >
      <label htmlFor="kafka-root" className="text-sm text-muted">
        {t('label')}
      </label>
      {/* Keyed by root: going back in history shows that root again instead of what was typed. */}
      <Input key={root} id="kafka-root" name="root" defaultValue={root} placeholder={t('placeholder')} className="w-48 font-mono" spellCheck={false} autoComplete="off" />
      <Button type="submit" size="md">
        {t('load')}
      </Button>
    </form>
  );
}
