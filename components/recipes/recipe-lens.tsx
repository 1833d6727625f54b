'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { useNow } from '@/components/ensemble/use-now';
import { Panel } from '@/components/ui/panel';
import { useFormat } from '@/lib/client/format';
import { isEphemeral, sessionIdHex } from '@/lib/client/node-kind';
import { browseHref } from '@/lib/client/urls';
import { hasHolder } from '@/lib/shared/recipes';
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
  const t = useTranslations('recipes');
  const format = useFormat();
  return (
    <>
      <ol aria-label={label} className="mt-1 flex flex-col gap-1">
        {members.map((m) => (
          <li key={m.name} className="flex flex-col rounded bg-subtle px-2 py-1">
            <span className="flex items-baseline gap-2">
              <MemberLink connection={connection} member={m} />
              {memberLabel(m) && <span className="truncate">{memberLabel(m)}</span>}
            </span>
            {owner(m) && <span className="font-mono text-xs text-muted">{t('session', { id: owner(m)! })}</span>}
            {m.instance?.payload != null && <span className="font-mono text-xs break-all text-muted">{JSON.stringify(m.instance.payload)}</span>}
          </li>
        ))}
      </ol>
      {more > 0 && <p className="mt-1 text-xs text-muted">{t('more', { count: format.number(more) })}</p>}
    </>
  );
}

function HolderView({ connection, model, now }: { connection: string; model: RecipeLensModel; now: number }) {
  const t = useTranslations('recipes');
  const format = useFormat();
  const [holder, ...waiting] = model.members;
  const election = model.kind === 'election';
  if (!holder) return <p>{election ? t('noLeader') : t('free')}</p>;
  const session = owner(holder);
  return (
    <>
      <dl>
        <Field term={election ? t('leader') : t('heldBy')}>
          <MemberLink connection={connection} member={holder} /> {memberLabel(holder)}
        </Field>
        {session && <Field term={t('sessionTerm')}>{<span className="font-mono">{session}</span>}</Field>}
        {holder.node && <Field term={election ? t('leadingFor') : t('heldFor')}>{format.elapsed(now - holder.node.stat.ctime)}</Field>}
        <Field term={election ? t('candidates') : t('waiting')}>{format.number(model.total - 1)}</Field>
      </dl>
      {waiting.length > 0 && <MemberList connection={connection} label={election ? t('candidatesInOrder') : t('waitingInOrder')} members={waiting} more={model.total - model.members.length} />}
    </>
  );
}

function QueueView({ connection, model, now }: { connection: string; model: RecipeLensModel; now: number }) {
  const t = useTranslations('recipes');
  const format = useFormat();
  const oldest = model.oldest;
  return (
    <dl>
      <Field term={t('depth')}>{format.number(model.total)}</Field>
      {oldest?.node && (
        <Field term={t('oldest')}>
          {t.rich('oldestWaiting', { elapsed: format.elapsed(now - oldest.node.stat.ctime), member: () => <MemberLink connection={connection} member={oldest} /> })}
        </Field>
      )}
    </dl>
  );
}

function GroupView({ connection, model, now }: { connection: string; model: RecipeLensModel; now: number }) {
  const t = useTranslations('recipes');
  const format = useFormat();
  const max = model.kind === 'semaphore' && model.family === 'kazoo' && model.parentText ? Number(model.parentText) : null;
  return (
    <>
      <dl>
        <Field term={model.kind === 'semaphore' ? t('leasesHeld') : t('members')}>
          {max === null ? format.number(model.total) : t('ofMax', { count: format.number(model.total), max: format.number(max) })}
        </Field>
      </dl>
      <MemberList connection={connection} label={model.kind === 'semaphore' ? t('leaseHolders') : t('members')} members={model.members} more={model.total - model.members.length} />
      <MembershipLog names={model.members.map((m) => m.name)} total={model.total} now={now} />
    </>
  );
}

/** The node's children read as the coordination recipe that wrote them (lock, election, party, queue, service). */
export function RecipeLens({ connection, node }: { connection: string; node: NodeResponse }) {
  const t = useTranslations('recipes');
  const format = useFormat();
  const model = useRecipe(connection, node);
  const now = useNow();
  if (!model) return null;
  return (
    <Panel id="recipe-lens" title={t('title', { kind: t(`kinds.${model.kind}`), family: t(`families.${model.family}`) })}>
      <div className="px-3 py-2 text-sm">
        {hasHolder(model.kind) ? (
          <HolderView connection={connection} model={model} now={now} />
        ) : model.kind === 'queue' ? (
          <QueueView connection={connection} model={model} now={now} />
        ) : (
          <GroupView connection={connection} model={model} now={now} />
        )}
        {model.others > 0 && <p className="mt-1 text-xs text-muted">{t('others', { count: format.number(model.others) })}</p>}
      </div>
    </Panel>
  );
}
