/**
 * The server's coded messages (ensemble health, server errors, zoo.cfg hints, Kafka problems):
 * the English catalog renders each code with its params to exactly the server's English sentence,
 * and the Korean catalog renders every one of them without a missing argument.
 */
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { decodeKafka } from '@/lib/kafka/decode';
import type { KafkaSnapshot, SnapshotNode } from '@/lib/kafka/snapshot';
import { computeHealth } from '@/lib/ops/ensemble-health';
import { sourceHint } from '@/lib/ops/source-hint';
import type { Probe } from '@/lib/ops/server-probe';
import { healthProblemText, kafkaProblemText, serverErrorText, sourceHintText, type LooseTranslator } from '@/lib/client/coded-messages';
import type { EnsembleServer, HealthProblem } from '@/lib/shared/ensemble';
import { ensembleServer } from '../helpers/ensemble-server';
import ensembleEn from '@/messages/en/ensemble.json';
import ensembleKo from '@/messages/ko/ensemble.json';
import kafkaEn from '@/messages/en/kafka.json';
import kafkaKo from '@/messages/ko/kafka.json';

const translator = (locale: 'en' | 'ko', namespace: 'ensemble' | 'kafka', messages: object) =>
  createTranslator({
    locale,
    messages: { [namespace]: messages },
    namespace,
    onError: (e) => {
      throw e;
    },
  }) as unknown as LooseTranslator;

const ensemble = { en: translator('en', 'ensemble', ensembleEn), ko: translator('ko', 'ensemble', ensembleKo) };
const kafka = { en: translator('en', 'kafka', kafkaEn), ko: translator('ko', 'kafka', kafkaKo) };

const server = (address: string, extra: Partial<EnsembleServer> = {}) => ensembleServer(address, 'follower', extra);

/** Ensembles that between them raise every health problem the server knows. */
function everyProblem(): HealthProblem[] {
  const down = { reachable: false, serving: false };
  return [
    ...computeHealth([]).problems,
    ...computeHealth([server('a:1', down), server('b:1', down)]).problems,
    ...computeHealth([
      server('a:1', { mode: 'leader', syncedFollowers: 0 }),
      server('b:1', { mode: 'leader' }),
      server('c:1', { ...down, error: 'c:1 refused the connection', errorCode: 'unreachable' }),
      server('d:1', down),
      server('e:1', { serving: false, mode: 'unknown' }),
      server('f:1', { serving: false, mode: 'unknown', error: 'Not currently serving requests (leader election in progress or no quorum)', errorCode: 'notServing' }),
      server('g:1', { mode: 'read-only', latency: { min: 1, avg: 250, max: 900 }, disabledCommands: ['mntr', 'conf'] }),
      server('h:1', {
        queried: false,
        reachable: false,
        serving: false,
        error: 'The dynamic config gives no client address for this server; add it to the connection string to monitor it',
        errorCode: 'noClientAddress',
      }),
      server('i:1', { queried: false, reachable: false, serving: false }),
    ], { ensembleSize: 9 }).problems,
    ...computeHealth([server('a:1', { mode: 'unknown', serving: false }), server('b:1', { mode: 'unknown', serving: false })], { ensembleSize: 3 }).problems,
  ];
}

describe('health problems by code', () => {
  const problems = everyProblem();

  it('cover every code of the catalog', () => {
    expect(new Set(problems.map((p) => p.code))).toEqual(new Set(Object.keys(ensembleEn.problems)));
  });

  it('read in English exactly as the server wrote them, and in Korean without a missing value', () => {
    for (const p of problems) {
      expect(healthProblemText(ensemble.en, p)).toBe(p.message);
      const ko = healthProblemText(ensemble.ko, p);
      expect(ko).not.toBe(p.message);
      expect(ko).not.toMatch(/[{}]/);
    }
  });

  it('translate the server’s own reason when its code is known, and keep an unknown code’s English', () => {
    const noAddress = problems.find((p) => p.params?.reasonCode === 'noClientAddress')!;
    expect(healthProblemText(ensemble.ko, noAddress)).toBe(ensembleKo.serverErrors.noClientAddress);
    expect(healthProblemText(ensemble.ko, { severity: 'info', code: 'fromANewerServer' as HealthProblem['code'], message: 'Something new' })).toBe('Something new');
    expect(serverErrorText(ensemble.ko, 'timeout', 'h:1 did not answer "srvr" within 2000 ms')).toBe('응답 시간 초과 (h:1 did not answer "srvr" within 2000 ms)');
  });
});

describe('zoo.cfg hints by code', () => {
  const probe = (disabled: Probe['disabled'], adminError: string | null): Probe => ({
    reachable: true,
    serving: true,
    srvr: null,
    metrics: null,
    mode: null,
    zxid: null,
    nodeCount: null,
    metricsSource: 'srvr',
    serverId: null,
    membership: null,
    disabled,
    adminError,
    queryMs: 1,
  });

  it('read in English exactly as the server wrote them, in every variant', () => {
    const hints = [
      sourceHint(probe(['mntr'], null), null),
      sourceHint(probe(['mntr', 'conf'], 'AdminServer http://h:8080: connection refused'), 'http://{host}:9090/commands'),
      sourceHint(probe([], null), null, true),
      sourceHint(probe([], 'timed out'), 'https://{host}/commands', true),
    ];
    for (const h of hints) {
      expect(sourceHintText(ensemble.en, h)).toBe(h.hint);
      expect(sourceHintText(ensemble.ko, h)).not.toMatch(/[{}]|not whitelisted|plain text/);
    }
  });
});

describe('Kafka problems by code', () => {
  const node = (v: unknown): SnapshotNode => ({ data: typeof v === 'string' ? v : JSON.stringify(v), stat: { ctime: 1 } });
  const snapshot: KafkaSnapshot = {
    root: '/kafka',
    hasBrokers: true,
    clusterId: node({ version: '1' }),
    controller: node({ version: 1 }),
    controllerEpoch: node('abc'),
    brokers: [
      { name: '1', node: node({ endpoints: 'PLAINTEXT://a:1' }) },
      { name: '2', node: node({ endpoints: ['bogus'] }) },
      { name: 'x', node: node({}) },
      { name: '3', node: node([1]) },
      { name: '4', node: node('{oops') },
    ],
    topics: [
      { name: 'a', assignment: node({ version: 1 }), partitions: [] },
      { name: 'b', assignment: node({ partitions: { '0': 'one' } }), partitions: [] },
      {
        name: 'c',
        assignment: node({ partitions: { '0': [1], '1': [1] } }),
        partitions: [
          { name: '0', state: node({ isr: [1] }) },
          { name: '1', state: node({ leader: 1 }) },
          { name: 'p', state: null },
        ],
      },
    ],
    topicConfigs: [{ name: 'c', node: node({ config: 'x' }) }],
    pendingDeletion: [],
    reassignPartitions: node({ version: 1 }),
    problems: [{ path: '/kafka/brokers/ids/9', code: 'cannotRead', params: { reason: 'Not authenticated' }, message: 'Cannot read: Not authenticated' }],
  };
  const second: KafkaSnapshot = { ...snapshot, problems: [], reassignPartitions: node({ partitions: [{ topic: 7 }] }) };
  const problems = [...decodeKafka(snapshot).kafka!.problems, ...decodeKafka(second).kafka!.problems];

  it('cover every code of the catalog', () => {
    const codes = Object.keys(kafkaEn.problems).filter((k) => k !== 'title' && k !== 'columns');
    expect(new Set(problems.map((p) => p.code))).toEqual(new Set(codes));
  });

  it('read in English exactly as the server wrote them, and in Korean without a missing value', () => {
    for (const p of problems) {
      expect(kafkaProblemText(kafka.en, p)).toBe(p.message);
      expect(kafkaProblemText(kafka.ko, p)).not.toBe(p.message);
    }
  });
});
