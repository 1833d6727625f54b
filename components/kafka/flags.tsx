import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';

export interface Flag {
  /** Shown only when true. */
  when: boolean;
  tone: 'neutral' | 'warn' | 'danger';
  text: ReactNode;
  title?: string;
}

/** The conditions that hold, as badges; "ok" when none does. */
export function Flags({ flags }: { flags: Flag[] }) {
  const t = useTranslations('kafka.flags');
  const shown = flags.filter((f) => f.when);
  if (shown.length === 0) return <span className="text-ok">{t('ok')}</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {shown.map((f, i) => (
        <Badge key={i} tone={f.tone} title={f.title}>
          {f.text}
        </Badge>
      ))}
    </span>
  );
}
