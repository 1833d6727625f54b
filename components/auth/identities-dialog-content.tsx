'use client';

import { useQuery } from '@tanstack/react-query';
import { KeyRound, Trash2 } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { DialogContent, DialogRoot } from '@/components/ui/dialog';
import { ErrorAlert } from '@/components/ui/error-alert';
import { Input } from '@/components/ui/input';
import { useAddIdentity, useDropIdentities } from '@/lib/client/identity-changes';
import { identitiesQuery } from '@/lib/client/identities';
import { localTime } from '@/lib/shared/units';

function AddDigestForm({ connection }: { connection: string }) {
  const add = useAddIdentity(connection);
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // The password leaves the form state as soon as it is sent.
    add.mutate({ user, password }, { onSettled: () => setPassword(''), onSuccess: () => setUser('') });
  };
  return (
    <form onSubmit={submit} aria-label="Add digest credentials" className="flex flex-col gap-2">
      <div className="grid grid-cols-2 gap-2">
        <label className="flex flex-col gap-1 text-xs font-medium">
          User
          <Input value={user} onChange={(e) => setUser(e.target.value)} autoComplete="off" spellCheck={false} required />
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium">
          Password
          <Input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" required />
        </label>
      </div>
      {add.error && <ErrorAlert error={add.error} />}
      <Button type="submit" variant="primary" disabled={add.isPending || !user || !password || user.includes(':')} className="self-start">
        <KeyRound aria-hidden />
        Add credentials
      </Button>
      {user.includes(':') && (
        <p role="alert" className="text-xs text-danger">
          A digest user name cannot contain &quot;:&quot;.
        </p>
      )}
    </form>
  );
}

/** The identities dialog itself, a chunk of its own (with Radix's dialog), fetched when first opened. */
export function IdentitiesDialogContent({ connection, open, onOpenChange }: { connection: string; open: boolean; onOpenChange(open: boolean): void }) {
  const identities = useQuery(identitiesQuery(connection));
  const drop = useDropIdentities(connection);
  const list = identities.data ?? [];
  return (
    <DialogRoot open={open} onOpenChange={onOpenChange}>
      <DialogContent
        title="ZooKeeper identities"
        description="Credentials you add here are sent to ZooKeeper (addauth) by the server, held in its memory for your sign-in session only, and never stored in this browser. Nodes whose ACL names one of these identities become readable or writable for you."
      >
        <section aria-labelledby="active-identities" className="mb-4">
          <h3 id="active-identities" className="mb-1 text-xs font-semibold tracking-wide text-muted uppercase">
            Active identities
          </h3>
          {identities.error && <ErrorAlert error={identities.error} />}
          {list.length === 0 ? (
            <p className="text-sm text-muted">None: requests on this connection are anonymous (the world scheme only).</p>
          ) : (
            <ul className="divide-y divide-border rounded-md border border-border">
              {list.map((i) => (
                <li key={`${i.scheme}:${i.id}`} className="flex items-center gap-2 px-2 py-1.5 text-sm">
                  <span className="font-mono">
                    {i.scheme}:{i.id}
                  </span>
                  <span className="text-xs text-muted">added {localTime(i.addedAt)}</span>
                  <Button size="sm" variant="ghost" className="ml-auto" aria-label={`Drop ${i.scheme}:${i.id}`} disabled={drop.isPending} onClick={() => drop.mutate({ scheme: i.scheme, id: i.id })}>
                    <Trash2 aria-hidden />
                    Drop
                  </Button>
                </li>
              ))}
            </ul>
          )}
          {drop.error && <ErrorAlert error={drop.error} className="mt-2" />}
          {list.length > 1 && (
            <Button size="sm" className="mt-2" disabled={drop.isPending} onClick={() => drop.mutate(undefined)}>
              Drop all
            </Button>
          )}
        </section>
        <section aria-labelledby="add-identity">
          <h3 id="add-identity" className="mb-1 text-xs font-semibold tracking-wide text-muted uppercase">
            Add digest credentials
          </h3>
          <AddDigestForm connection={connection} />
        </section>
      </DialogContent>
    </DialogRoot>
  );
}
