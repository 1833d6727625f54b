import { CircleCheck, CircleX, Info, TriangleAlert } from 'lucide-react';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { cn } from '@/components/ui/cn';

export type Traffic = 'green' | 'amber' | 'red';
export type Severity = 'error' | 'warning' | 'info';

export interface BannerProblem {
  key: string;
  severity: Severity;
  message: ReactNode;
}

const LOOK: Record<Traffic, { icon: typeof CircleCheck; box: string; tint: string }> = {
  green: { icon: CircleCheck, box: 'border-ok/50 bg-ok/10', tint: 'text-ok' },
  amber: { icon: TriangleAlert, box: 'border-warn/50 bg-warn-soft', tint: 'text-warn' },
  red: { icon: CircleX, box: 'border-danger/50 bg-danger-soft', tint: 'text-danger' },
};

const SEVERITY: Record<Severity, { icon: typeof CircleCheck; tint: string }> = {
  error: { icon: CircleX, tint: 'text-danger' },
  warning: { icon: TriangleAlert, tint: 'text-warn' },
  info: { icon: Info, tint: 'text-muted' },
};

/**
 * A red/amber/green verdict said three ways (word, color, icon) so it reads without color, with
 * the key facts and every problem listed. A live region: screen readers hear when it changes.
 */
export function StatusBanner({ status, label, facts, problems }: { status: Traffic; label: string; facts: ReactNode; problems: BannerProblem[] }) {
  const t = useTranslations('ensemble.banner');
  const look = LOOK[status];
  const Icon = look.icon;
  return (
    <section role="status" aria-label={label} data-status={status} className={cn('rounded-lg border p-4', look.box)}>
      <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
        <p className="flex items-center gap-2 text-lg font-semibold">
          <Icon aria-hidden className={cn('size-6', look.tint)} />
          {t(`status.${status}`)}
        </p>
        <div className="flex flex-wrap gap-x-6 gap-y-1 text-sm">{facts}</div>
      </div>
      {problems.length > 0 && (
        <ul aria-label={t('problems')} className="mt-3 space-y-1 border-t border-current/10 pt-3 text-sm">
          {problems.map((p) => {
            const s = SEVERITY[p.severity];
            const PIcon = s.icon;
            return (
              <li key={p.key} className="flex items-start gap-2">
                <PIcon aria-hidden className={cn('mt-0.5 size-4 shrink-0', s.tint)} />
                <span className="sr-only">{t('severityPrefix', { severity: t(`severity.${p.severity}`) })}</span>
                <span className="min-w-0 break-words">{p.message}</span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** One "label value" pair in a banner's facts line. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <span>
      <span className="text-muted">{label}</span> <span className="font-medium">{children}</span>
    </span>
  );
}
