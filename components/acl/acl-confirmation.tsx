'use client';

import { ShieldAlert } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/error-alert';
import { Input } from '@/components/ui/input';
import type { ConsequenceLine } from '@/lib/client/acl';
import { byCode, type LooseTranslator } from '@/lib/client/coded-messages';

/**
 * The server refused a dangerous ACL change until the operator types the node's path: what
 * would happen, the field to type it in, and the button that sends the change again with it.
 */
export function AclConfirmation({ confirm, consequence, busy, onConfirm, onCancel }: { confirm: string; consequence: ConsequenceLine[]; busy: boolean; onConfirm(typed: string): void; onCancel(): void }) {
  const t = useTranslations('acl.confirmation');
  const tc = useTranslations('common');
  const [typed, setTyped] = useState('');
  return (
    <div className="flex flex-col gap-2" role="group" aria-label={t('group')}>
      <Alert title={t('title')} tone="warn">
        {/* What would happen: the server's lines by their code, its English for a code not known here. */}
        <ul className="list-disc pl-4">
          {consequence.map((c) => (
            <li key={c.message}>{byCode(t as unknown as LooseTranslator, 'consequences', c.code, c.params, c.message)}</li>
          ))}
        </ul>
      </Alert>
      <label className="flex flex-col gap-1 text-sm font-medium">
        <span>{t.rich('type', { confirm, code: (c) => <code className="font-mono">{c}</code> })}</span>
        <Input className="font-mono" autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} />
      </label>
      <div className="flex justify-end gap-2">
        <Button onClick={onCancel}>{tc('cancel')}</Button>
        <Button variant="primary" disabled={busy || typed !== confirm} onClick={() => onConfirm(typed)}>
          <ShieldAlert aria-hidden />
          {t('button')}
        </Button>
      </div>
    </div>
  );
}
