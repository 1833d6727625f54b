import { Badge } from '@/components/ui/badge';
import { isEphemeral, isSequentialName, sessionIdHex } from '@/lib/client/node-kind';
import type { ZkStat } from '@/lib/shared/types';

/** Words for a screen reader: the same facts the badges and the child count show. */
export function describeMarkers(name: string, stat: ZkStat | null): string {
  const facts: string[] = [];
  if (stat && isEphemeral(stat)) facts.push('ephemeral');
  if (isSequentialName(name)) facts.push('sequential');
  if (stat && stat.numChildren > 0) facts.push(`${stat.numChildren} ${stat.numChildren === 1 ? 'child' : 'children'}`);
  return facts.join(', ');
}

export function NodeMarkers({ name, stat }: { name: string; stat?: ZkStat | null }) {
  const ephemeral = stat ? isEphemeral(stat) : false;
  return (
    <>
      {ephemeral && (
        <Badge tone="warn" title={`Ephemeral: owned by session ${sessionIdHex(stat!.ephemeralOwner)}`}>
          eph
        </Badge>
      )}
      {isSequentialName(name) && (
        <Badge tone="accent" title="Sequential: the server appended the 10-digit counter">
          seq
        </Badge>
      )}
    </>
  );
}
