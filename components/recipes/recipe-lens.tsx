'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { useNow } from '@/components/ensemble/use-now';
import { Panel } from '@/components/ui/panel';
import { isEphemeral, sessionIdHex } from '@/lib/client/node-kind';
import { browseHref } from '@/lib/client/urls';
import { hasHolder, recipeTitle } from '@/lib/shared/recipes';
import { formatElapsed } from '@/lib/shared/units';
import type { NodeResponse } from '@/lib/shared/wire';
import { MembershipLog } from './membership-log';
import { useRecipe, type LensMember, type RecipeLensModel } from './use-recipe';

function Field({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="flex gap-2 py-0.5">
      <dt className="w-20 shrink-0 text-muted">{term}</dt>
      <dd className="min-w-0 flex-1 break-all">{children}</dd>
    </div>
  );
}

function MemberLink({ connection, member }: { connection: string; member: LensMember }) {
  return (
    <Link href={browseHref(connection, member.path)} className="font-mono text-xs text-accent hover:underline" title={member.path}>
      {member.member?.sequence != null ? `#${member.member.sequence}` : member.name}
    </Link>
  );
}

/** What a member says about itself: a Curator instance's address, else its value (kazoo's identifier). */
function memberLabel(m: LensMember): string | null {
  if (m.instance) return `${m.instance.address ?? '?'}${m.instance.port != null ? `:${m.instance.port}` : ''}`;
  return m.text ? m.text : null;
}

function owner(m: LensMember): string | null {
  return m.node && isEphemeral(m.node.stat) ? sessionIdHex(m.node.stat.ephemeralOwner) : null;
}

function MemberList({ connection, label, members, more }: { connection: string; label: string; members: LensMember[]; more: number }) {
  return (
    <>
      <ol aria-label={label} className="mt-1 flex flex-col gap-1">
        {members.map((m) => (
          <li key={m.name} className="flex flex-col rounded bg-subtle px-2 py-1">
            <span className="flex items-baseline gap-2">
              <MemberLink connection={connection} member={m} />
              {memberLabel(m) && <span className="truncate">{memberLabel(m)}</span>}
            </span>
            {owner(m) && <span className="font-mono text-xs text-muted">session {owner(m)}</span>}
            {m.instance?.payload != null && <span className="font-mono text-xs break-all text-muted">{JSON.stringify(m.instance.payload)}</span>}
          </li>
        ))}
      </ol>
      {more > 0 && <p className="mt-1 text-xs text-muted">and {more.toLocaleString()} more.</p>}
    </>
  );
}

function HolderView({ connection, model, now }: { connection: string; model: RecipeLensModel; now: number }) {
  const [holder, ...waiting] = model.members;
  const election = model.kind === 'election';
  if (!holder) return <p>{election ? 'No candidates: there is no leader.' : 'Free: nobody holds it.'}</p>;
  const session = owner(holder);
  return (
    <>
      <dl>
        <Field term={election ? 'Leader' : 'Held by'}>
          <MemberLink connection={connection} member={holder} /> {memberLabel(holder)}
        </Field>
        {session && <Field term="Session">{<span className="font-mono">{session}</span>}</Field>}
        {holder.node && <Field term={election ? 'Leading for' : 'Held for'}>{formatElapsed(now - holder.node.stat.ctime)}</Field>}
        <Field term={election ? 'Candidates' : 'Waiting'}>{(model.total - 1).toLocaleString()}</Field>
      </dl>
      {waiting.length > 0 && <MemberList connection={connection} label={election ? 'Candidates in order' : 'Waiting in order'} members={waiting} more={model.total - model.members.length} />}
    </>
  );
}

function QueueView({ connection, model, now }: { connection: string; model: RecipeLensModel; now: number }) {
  return (
    <dl>
      <Field term="Depth">{model.total.toLocaleString()}</Field>
      {model.oldest?.node && (
        <Field term="Oldest">
          <MemberLink connection={connection} member={model.oldest} /> waiting {formatElapsed(now - model.oldest.node.stat.ctime)}
        </Field>
      )}
    </dl>
  );
}

function GroupView({ connection, model, now }: { connection: string; model: RecipeLensModel; now: number }) {
  const max = model.kind === 'semaphore' && model.family === 'kazoo' && model.parentText ? Number(model.parentText) : null;
  return (
    <>
      <dl>
        <Field term={model.kind === 'semaphore' ? 'Leases held' : 'Members'}>
          {max === null ? model.total.toLocaleString() : `${model.total.toLocaleString()} of ${max.toLocaleString()}`}
        </Field>
      </dl>
      <MemberList connection={connection} label={model.kind === 'semaphore' ? 'Lease holders' : 'Members'} members={model.members} more={model.total - model.members.length} />
      <MembershipLog names={model.members.map((m) => m.name)} total={model.total} now={now} />
    </>
  );
}

/** The node's children read as the coordination recipe that wrote them (lock, election, party, queue, service). */
export function RecipeLens({ connection, node }: { connection: string; node: NodeResponse }) {
  const model = useRecipe(connection, node);
  const now = useNow();
  if (!model) return null;
  return (
    <Panel id="recipe-lens" title={recipeTitle(model.kind, model.family)}>
      <div className="px-3 py-2 text-sm">
        {hasHolder(model.kind) ? (
          <HolderView connection={connection} model={model} now={now} />
        ) : model.kind === 'queue' ? (
          <QueueView connection={connection} model={model} now={now} />
        ) : (
          <GroupView connection={connection} model={model} now={now} />
        )}
        {model.others > 0 && <p className="mt-1 text-xs text-muted">{model.others.toLocaleString()} other children are not part of it.</p>}
      </div>
    </Panel>
  );
}
