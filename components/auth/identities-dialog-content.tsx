'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { KeyRound, Trash2 } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/toast';
import { DialogContent, DialogRoot } from '@/components/ui/dialog';
import { ErrorAlert } from '@/components/ui/error-alert';
import { Input } from '@/components/ui/input';
import { isApiError } from '@/lib/client/api-client';
import { identitiesQuery, useAddIdentity, useDropIdentities } from '@/lib/client/identities';
import { nodeQuery } from '@/lib/client/nodes';
import { localTime } from '@/lib/shared/units';

type Refusal = { user: string; path: string };

/** Adds digest credentials; with `verifyPath`, reads that node with them and says whether they help. */
function AddDigestForm({ connection, verifyPath, onGranted }: { connection: string; verifyPath?: string; onGranted(): void }) {
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
      toast.success(`The credentials of ${added} grant reading ${verifyPath}`);
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
      {refusal && (
        <p role="alert" className="text-xs text-danger">
          Added, but the credentials of {refusal.user} do not grant reading {refusal.path}: check the password (a wrong one is simply another identity) or the
          user name, then drop them and try again.
        </p>
      )}
      {user.includes(':') && (
        <p role="alert" className="text-xs text-danger">
          A digest user name cannot contain &quot;:&quot;.
        </p>
      )}
    </form>
  );
}

/** The identities dialog itself, a chunk of its own (with Radix's dialog), fetched when first opened. */
export function IdentitiesDialogContent({ connection, open, onOpenChange, verifyPath }: { connection: string; open: boolean; onOpenChange(open: boolean): void; verifyPath?: string }) {
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
          <AddDigestForm connection={connection} verifyPath={verifyPath} onGranted={() => onOpenChange(false)} />
        </section>
      </DialogContent>
    </DialogRoot>
  );
}
