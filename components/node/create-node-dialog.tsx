'use client';

import { useQuery } from '@tanstack/react-query';
import { Plus } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { toast } from '@/components/ui/toast';
import { Button } from '@/components/ui/button';
import { DialogClose, DialogContent, DialogRoot } from '@/components/ui/dialog';
import { Alert, ErrorAlert } from '@/components/ui/error-alert';
import { Input, Select } from '@/components/ui/input';
import { SHORTCUT_EVENTS } from '@/components/ui/keys';
import { aclQuery } from '@/lib/client/acl';
import { useSavedAcls } from '@/lib/client/saved-acls';
import { isApiError } from '@/lib/client/api-client';
import { bytesToBase64 } from '@/lib/client/bytes';
import { capabilitiesQuery } from '@/lib/client/connections';
import { useCreateNode } from '@/lib/client/nodes';
import { navigate } from '@/lib/client/navigate';
import { browseHref } from '@/lib/client/urls';
import { usePathProblem } from '@/lib/client/path-check';
import { byCode, type LooseTranslator } from '@/lib/client/coded-messages';
import { checkPath, joinPath } from '@/lib/shared/path';
import { EPHEMERAL_MODES, SEQUENTIAL_MODES, TTL_MODES, type CreateMode } from '@/lib/shared/types';
import { CreateAclChoice, aclFor, type AclChoice } from './create-acl-choice';
import { CreateModeChoice } from './create-mode-choice';

const TTL_UNITS = [
  { value: 1000, unit: 'seconds' },
  { value: 60_000, unit: 'minutes' },
  { value: 3_600_000, unit: 'hours' },
  { value: 86_400_000, unit: 'days' },
] as const;


/** Create a node under `parent` (or anywhere, with a full path), in any mode. */
export function CreateNodeDialog({ connection, parent, parentIsEphemeral }: { connection: string; parent: string; parentIsEphemeral: boolean }) {
  const t = useTranslations('node.create');
  const pathProblem = usePathProblem();
  const tc = useTranslations('common');
  const router = useRouter();
  const mutation = useCreateNode(connection);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [mode, setMode] = useState<CreateMode>('persistent');
  const [ttl, setTtl] = useState('60');
  const [ttlUnit, setTtlUnit] = useState<number>(1000);
  const [data, setData] = useState('');
  const [parents, setParents] = useState(false);
  const [aclChoice, setAclChoice] = useState<AclChoice>('open');
  const ttlSupport = useQuery({ ...capabilitiesQuery(connection), enabled: open }).data?.ttl;
  const ttlUnavailable =
    ttlSupport && !ttlSupport.available ? byCode(t as unknown as LooseTranslator, 'ttlReasons', ttlSupport.reasonCode, undefined, ttlSupport.reason ?? '') : undefined;
  const savedAcls = useSavedAcls(connection);
  const parentAcl = useQuery({ ...aclQuery(connection, parent), enabled: open && aclChoice === 'parent' }).data?.acl;
  const [problem, setProblem] = useState<string | null>(null);
  const ids = { name: useId(), data: useId(), ttl: useId(), parents: useId(), hint: useId() };

  useEffect(() => {
    const openDialog = () => setOpen(true);
    window.addEventListener(SHORTCUT_EVENTS.createNode, openDialog);
    return () => window.removeEventListener(SHORTCUT_EVENTS.createNode, openDialog);
  }, []);

  const trimmed = name.trim();
  const target = trimmed.startsWith('/') ? trimmed : joinPath(parent, trimmed);
  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (!next) {
      setProblem(null);
      mutation.reset();
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const sequential = SEQUENTIAL_MODES.has(mode);
    if (!trimmed && !sequential) return setProblem(t('needName'));
    // A sequential name may be empty or end in "/": the server appends the counter.
    const path = trimmed ? target : joinPath(parent, '');
    const check = checkPath(path, sequential);
    if (!check.ok) return setProblem(t('invalidPath', { reason: pathProblem(check) }));
    let ttlMs: number | undefined;
    if (TTL_MODES.has(mode)) {
      const amount = Number(ttl);
      if (!Number.isFinite(amount) || amount <= 0) return setProblem(t('badTtl'));
      ttlMs = Math.round(amount * ttlUnit);
    }
    const acl = aclFor(aclChoice, parentAcl, savedAcls);
    if (aclChoice === 'parent' && !acl) return setProblem(t('parentAclLoading'));
    // Never "open" by accident: a saved ACL removed meanwhile (in another tab) is a choice to make again.
    if (aclChoice.startsWith('saved:') && !acl) return setProblem(t('savedAclGone'));
    setProblem(null);
    mutation.mutate(
      { path, mode, ttlMs, parents, acl, base64: data ? bytesToBase64(new TextEncoder().encode(data)) : undefined },
      {
        onSuccess: (created) => {
          toast.success(t('created', { path: created.path }));
          onOpenChange(false);
          setName('');
          setData('');
          navigate(router, browseHref(connection, created.path));
        },
      },
    );
  };

  const error = mutation.error;
  return (
    <DialogRoot open={open} onOpenChange={onOpenChange}>
      <Button size="sm" onClick={() => setOpen(true)} title={t('buttonTitle')}>
        <Plus aria-hidden />
        {t('button')}
      </Button>
      <DialogContent title={t('title')} description={t.rich('description', { path: () => <span className="font-mono">{parent}</span> })} width="w-[min(640px,92vw)]">
        <form onSubmit={submit} className="space-y-4">
          <div className="space-y-1">
            <label htmlFor={ids.name} className="text-sm font-medium">
              {t('name')}
            </label>
            <Input id={ids.name} value={name} onChange={(e) => setName(e.target.value)} className="w-full font-mono" placeholder={t('namePlaceholder')} aria-describedby={ids.hint} autoFocus spellCheck={false} />
            <p id={ids.hint} className="text-xs text-muted">
              {t.rich(SEQUENTIAL_MODES.has(mode) ? 'createsSequential' : 'creates', { path: () => <span className="font-mono text-fg">{trimmed || SEQUENTIAL_MODES.has(mode) ? target : '…'}</span> })}
            </p>
          </div>

          <CreateModeChoice mode={mode} onChange={setMode} ttlUnavailable={ttlUnavailable} />

          {EPHEMERAL_MODES.has(mode) && (
            <p className="rounded-md border border-warn/40 bg-warn-soft p-2 text-xs">
              {t('ephemeralNote')}
            </p>
          )}
          {parentIsEphemeral && !trimmed.startsWith('/') && (
            <Alert tone="warn" title={t('parentEphemeralTitle')}>
              {t('parentEphemeral')}
            </Alert>
          )}

          {TTL_MODES.has(mode) && (
            <div className="space-y-1">
              <label htmlFor={ids.ttl} className="text-sm font-medium">
                {t('ttl')}
              </label>
              <div className="flex items-center gap-2">
                <Input id={ids.ttl} type="number" min={1} step="any" value={ttl} onChange={(e) => setTtl(e.target.value)} className="w-28" />
                <Select aria-label={t('ttlUnit')} value={ttlUnit} onChange={(e) => setTtlUnit(Number(e.target.value))}>
                  {TTL_UNITS.map((u) => (
                    <option key={u.value} value={u.value}>
                      {t(`units.${u.unit}`)}
                    </option>
                  ))}
                </Select>

              </div>
            </div>
          )}

          <div className="space-y-1">
            <label htmlFor={ids.data} className="text-sm font-medium">
              {t.rich('data', { hint: (c) => <span className="font-normal text-muted">{c}</span> })}
            </label>
            <textarea id={ids.data} value={data} onChange={(e) => setData(e.target.value)} rows={4} spellCheck={false} className="w-full rounded-md border border-border bg-panel p-2 font-mono text-sm" />
          </div>

          <div className="flex items-center gap-2">
            <input id={ids.parents} type="checkbox" checked={parents} onChange={(e) => setParents(e.target.checked)} />
            <label htmlFor={ids.parents} className="text-sm">
              {t('parents')}
            </label>
          </div>

          <CreateAclChoice connection={connection} parent={parent} choice={aclChoice} onChange={setAclChoice} />

          {/* Stays in view at the bottom of the dialog (with what went wrong) however far it scrolls. */}
          <div className="sticky -bottom-5 -mx-5 -mb-5 space-y-2 border-t border-border bg-panel px-5 py-3">
            {problem && <Alert title={t('problemTitle')}>{problem}</Alert>}
            {error && (
              <ErrorAlert error={error}>
                {isApiError(error, 'NO_NODE') && !parents && <p className="mt-1">{t('noParent')}</p>}
              </ErrorAlert>
            )}

            <div className="flex justify-end gap-2">
              <DialogClose asChild>
                <Button>{tc('cancel')}</Button>
              </DialogClose>
              <Button type="submit" variant="primary" disabled={mutation.isPending}>
                {mutation.isPending ? t('creating') : t('create')}
              </Button>
            </div>
          </div>
        </form>
      </DialogContent>
    </DialogRoot>
  );
}
