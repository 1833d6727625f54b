'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { DialogClose, DialogContent, DialogRoot } from '@/components/ui/dialog';
import { ErrorAlert } from '@/components/ui/error-alert';
import { Input } from '@/components/ui/input';
import { toast } from '@/components/ui/toast';
import { useAddConnection, useEditConnection, useTestConnectionInput } from '@/lib/client/connection-changes';
import type { ConnectionInput, ConnectionSummary } from '@/lib/shared/wire';
import { Field } from './form-field';
import { SecurityFields, securityDraftOf, securityInputOf, type SecurityDraft } from './security-fields';
import { TestResult } from './test-result';

interface Draft {
  id: string;
  name: string;
  connectString: string;
  sessionTimeoutMs: string;
  readOnly: boolean;
  adminUrl: string;
  security: SecurityDraft;
}

const draftOf = (c?: ConnectionSummary): Draft => ({
  id: c?.id ?? '',
  name: c?.name ?? '',
  connectString: c?.connectString ?? '',
  sessionTimeoutMs: String(c?.sessionTimeoutMs ?? 30000),
  readOnly: c?.readOnly ?? false,
  adminUrl: c?.adminUrl ?? '',
  security: securityDraftOf(c),
});

function inputOf(d: Draft): ConnectionInput {
  return {
    id: d.id.trim(),
    name: d.name.trim() || undefined,
    connectString: d.connectString.trim(),
    sessionTimeoutMs: Number(d.sessionTimeoutMs),
    readOnly: d.readOnly,
    adminUrl: d.adminUrl.trim() || null,
    ...securityInputOf(d.security),
  };
}

/**
 * Add a connection, or edit one added here (at the version shown: a change by another admin
 * meanwhile is refused). The server validates; its message is shown as it is. Its own chunk,
 * fetched when first opened (connection-form-dialog.tsx); mounted afresh for each opening.
 */
export function ConnectionForm({ editing, open, onOpenChange }: { editing?: ConnectionSummary; open: boolean; onOpenChange(open: boolean): void }) {
  const t = useTranslations('connections.form');
  const tc = useTranslations('common');
  const [draft, setDraft] = useState<Draft>(draftOf(editing));
  const add = useAddConnection();
  const edit = useEditConnection();
  const mutation = editing ? edit : add;
  // Tests what the form holds now, saved or not.
  const test = useTestConnectionInput();
  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input = inputOf(draft);
    const done = () => {
      toast.success(editing ? t('saved', { id: input.id }) : t('added', { id: input.id }));
      onOpenChange(false);
    };
    if (editing) edit.mutate({ ...input, version: editing.version ?? 0 }, { onSuccess: done });
    else add.mutate(input, { onSuccess: done });
  };

  return (
    <DialogRoot open={open} onOpenChange={onOpenChange}>
      <DialogContent title={editing ? t('editTitle', { id: editing.id }) : t('addTitle')}>
        <form onSubmit={submit} className="space-y-3">
          <Field label={t('id')} hint={t('idHint')}>
            {(ids) => <Input id={ids.input} aria-describedby={ids.hint} value={draft.id} onChange={(e) => set('id')(e.target.value)} disabled={!!editing} required className="w-full font-mono" />}
          </Field>
          <Field label={t('name')}>{(ids) => <Input id={ids.input} value={draft.name} onChange={(e) => set('name')(e.target.value)} className="w-full" />}</Field>
          <Field label={t('connectString')} hint={t('connectStringHint')}>
            {(ids) => <Input id={ids.input} aria-describedby={ids.hint} value={draft.connectString} onChange={(e) => set('connectString')(e.target.value)} required className="w-full font-mono" />}
          </Field>
          <Field label={t('adminUrl')} hint={t('adminUrlHint')}>
            {(ids) => <Input id={ids.input} aria-describedby={ids.hint} value={draft.adminUrl} onChange={(e) => set('adminUrl')(e.target.value)} className="w-full font-mono" placeholder="http://{host}:8080/commands" />}
          </Field>
          <Field label={t('sessionTimeout')}>
            {(ids) => <Input id={ids.input} type="number" min={2000} max={600000} value={draft.sessionTimeoutMs} onChange={(e) => set('sessionTimeoutMs')(e.target.value)} className="w-40" />}
          </Field>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={draft.readOnly} onChange={(e) => set('readOnly')(e.target.checked)} /> {t('readOnly')}
          </label>
          <SecurityFields draft={draft.security} onChange={set('security')} />
          {mutation.error && <ErrorAlert error={mutation.error} />}
          {test.error && <ErrorAlert error={test.error} />}
          {test.data && <TestResult id={draft.id.trim() || t('newConnection')} result={test.data} />}
          <div className="flex justify-end gap-2">
            <Button type="button" variant="ghost" onClick={() => test.mutate(inputOf(draft))} disabled={test.isPending}>
              {test.isPending ? t('testing') : t('testConnection')}
            </Button>
            <DialogClose asChild>
              <Button variant="ghost">{tc('cancel')}</Button>
            </DialogClose>
            <Button type="submit" variant="primary" disabled={mutation.isPending}>
              {editing ? t('submitEdit') : t('submitAdd')}
            </Button>
          </div>
        </form>
      </DialogContent>
    </DialogRoot>
  );
}
