'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { KeyRound, Trash2 } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/toast';
import { DialogContent, DialogRoot } from '@/components/ui/dialog';
import { ErrorAlert } from '@/components/ui/error-alert';
import { Input } from '@/components/ui/input';
import { isApiError } from '@/lib/client/api-client';
import { useAddIdentity, useDropIdentities } from '@/lib/client/identity-changes';
import { identitiesQuery } from '@/lib/client/identities';
import { nodeQuery } from '@/lib/client/nodes';
import { useFormat } from '@/lib/client/format';

type Refusal = { user: string; path: string };

/** Adds digest credentials; with `verifyPath`, reads that node with them and says whether they help. */
function AddDigestForm({ connection, verifyPath, onGranted }: { connection: string; verifyPath?: string; onGranted(): void }) {
  const t = useTranslations('auth.identities');
  const client = useQueryClient();
  const add = useAddIdentity(connection);
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  // ZooKeeper accepts any digest credential (a wrong password is just another identity): only
  // reading the node it was added for tells whether it helps.
  const verify = async (added: string) => {
    if (!verifyPath) return;
    const grants = await client.fetchQuery(nodeQuery(connection, verifyPath)).then(
      () => true,
      (e: unknown) => (isApiError(e, 'NO_AUTH') ? false : null),
    );
    if (grants === true) {
      toast.success(t('granted', { user: added, path: verifyPath }));
      onGranted();
    } else if (grants === false) setRefusal({ user: added, path: verifyPath });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setRefusal(null);
    // The password leaves the form state as soon as it is sent.
    add.mutate(
      { user, password },
      {
        onSettled: () => setPassword(''),
        onSuccess: () => {
          setUser('');
          void verify(user);
        },
      },
    );
  };
  return (
    <form onSubmit={submit} aria-label={t('addForm')} className="flex flex-col gap-2">
      <div className="grid grid-cols-2 gap-2">
        <label className="flex flex-col gap-1 text-xs font-medium">
          {t('user')}
          <Input value={user} onChange={(e) => setUser(e.target.value)} autoComplete="off" spellCheck={false} required />
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium">
          {t('password')}
          <Input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" required />
        </label>
      </div>
      {add.error && <ErrorAlert error={add.error} />}
      <Button type="submit" variant="primary" disabled={add.isPending || !user || !password || user.includes(':')} className="self-start">
        <KeyRound aria-hidden />
        {t('submit')}
      </Button>
      {refusal && (
        <p role="alert" className="text-xs text-danger">
          {t('refused', { user: refusal.user, path: refusal.path })}
        </p>
      )}
      {user.includes(':') && (
        <p role="alert" className="text-xs text-danger">
          {t('colon')}
        </p>
      )}
    </form>
  );
}

/** The identities dialog itself, a chunk of its own (with Radix's dialog), fetched when first opened. */
export function IdentitiesDialogContent({ connection, open, onOpenChange, verifyPath }: { connection: string; open: boolean; onOpenChange(open: boolean): void; verifyPath?: string }) {
  const t = useTranslations('auth.identities');
  const format = useFormat();
  const identities = useQuery(identitiesQuery(connection));
  const drop = useDropIdentities(connection);
  const list = identities.data ?? [];
  return (
    <DialogRoot open={open} onOpenChange={onOpenChange}>
      <DialogContent
        title={t('title')}
        description={t('description')}
      >
        <section aria-labelledby="active-identities" className="mb-4">
          <h3 id="active-identities" className="mb-1 text-xs font-semibold tracking-wide text-muted uppercase">
            {t('active')}
          </h3>
          {identities.error && <ErrorAlert error={identities.error} />}
          {list.length === 0 ? (
            <p className="text-sm text-muted">{t('none')}</p>
          ) : (
            <ul className="divide-y divide-border rounded-md border border-border">
              {list.map((i) => (
                <li key={`${i.scheme}:${i.id}`} className="flex items-center gap-2 px-2 py-1.5 text-sm">
                  <span className="font-mono">
                    {i.scheme}:{i.id}
                  </span>
                  <span className="text-xs text-muted">{t('added', { time: format.dateTime(i.addedAt) })}</span>
                  <Button size="sm" variant="ghost" className="ml-auto" aria-label={t('dropOne', { identity: `${i.scheme}:${i.id}` })} disabled={drop.isPending} onClick={() => drop.mutate({ scheme: i.scheme, id: i.id })}>
                    <Trash2 aria-hidden />
                    {t('drop')}
                  </Button>
                </li>
              ))}
            </ul>
          )}
          {drop.error && <ErrorAlert error={drop.error} className="mt-2" />}
          {list.length > 1 && (
            <Button size="sm" className="mt-2" disabled={drop.isPending} onClick={() => drop.mutate(undefined)}>
              {t('dropAll')}
            </Button>
          )}
        </section>
        <section aria-labelledby="add-identity">
          <h3 id="add-identity" className="mb-1 text-xs font-semibold tracking-wide text-muted uppercase">
            {t('addHeading')}
          </h3>
          <AddDigestForm connection={connection} verifyPath={verifyPath} onGranted={() => onOpenChange(false)} />
        </section>
      </DialogContent>
    </DialogRoot>
  );
}
