import { describe, expect, it } from 'vitest';
import { parseDumpEphemerals } from '@/lib/ops/own-sessions';

const DUMP = `SessionTracker dump:
Session Sets (2)/(2):
ephemeral nodes dump:
Sessions with Ephemerals (2):
0x100000a1b2c0000:
\t/brokers/ids/1
\t/apps/lock-0000000001
0x100000a1b2c0001:
\t/brokers/ids/2
Connections dump:
Connections Sets (1)/(1):
`;

describe('parseDumpEphemerals', () => {
  it('lists the ephemeral nodes of each session, keyed by hex id without 0x', () => {
    const m = parseDumpEphemerals(DUMP);
    expect([...m.keys()]).toEqual(['100000a1b2c0000', '100000a1b2c0001']);
    expect(m.get('100000a1b2c0000')).toEqual(['/brokers/ids/1', '/apps/lock-0000000001']);
    expect(m.get('100000a1b2c0001')).toEqual(['/brokers/ids/2']);
  });

  it('answers an empty map when there are none or the text is not a dump', () => {
    expect(parseDumpEphemerals('Sessions with Ephemerals (0):\nConnections dump:\n').size).toBe(0);
    expect(parseDumpEphemerals('dump is not executed because it is not in the whitelist.').size).toBe(0);
  });
});
