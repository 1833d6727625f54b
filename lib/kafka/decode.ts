import { joinPath } from '@/lib/shared/path';
import type {
  KafkaBroker,
  KafkaController,
  KafkaEndpoint,
  KafkaModel,
  KafkaPartition,
  KafkaProblem,
  KafkaReassignment,
  KafkaResult,
  KafkaTopic,
  TopicPartitionRef,
} from '@/lib/shared/kafka';

/**
 * Decodes ZooKeeper-mode Kafka metadata (the layout Kafka 0.10–3.x writes; tested on 1.0's) from a
 * snapshot of its znodes. Pure: no I/O and no throws — whatever cannot be decoded is recorded in
 * `problems` with its znode path, and the rest of the model is still built.
 */

/** The parts of a znode's stat the decoder uses. */
export interface SnapshotStat {
  ctime?: number;
}

export interface SnapshotNode {
  /** The znode's data as UTF-8 text. */
  data: string;
  stat?: SnapshotStat;
}

/** Everything read under a Kafka root. A null node was listed but gone (or unreadable) when read. */
export interface KafkaSnapshot {
  /** "/" or the chroot, e.g. "/kafka". */
  root: string;
  /** `<root>/brokers` exists; without it there is no Kafka here. */
  hasBrokers: boolean;
  clusterId?: SnapshotNode | null;
  controller?: SnapshotNode | null;
  controllerEpoch?: SnapshotNode | null;
  /** Children of /brokers/ids. */
  brokers: Array<{ name: string; node: SnapshotNode | null }>;
  /** Children of /brokers/topics, each with its partitions/N/state nodes. */
  topics: Array<{ name: string; assignment: SnapshotNode | null; partitions: Array<{ name: string; state: SnapshotNode | null }> }>;
  /** Children of /config/topics. */
  topicConfigs: Array<{ name: string; node: SnapshotNode | null }>;
  /** Children of /admin/delete_topics. */
  pendingDeletion: string[];
  reassignPartitions?: SnapshotNode | null;
  /** Problems met while reading (e.g. a znode the ACL hides). */
  problems?: KafkaProblem[];
}

type Json = unknown;

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An integer, also from a numeric string (Kafka writes some numbers as strings). */
function int(v: Json): number | null {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) {
    const n = Number(v.trim());
    return Number.isSafeInteger(n) ? n : null;
  }
  return null;
}

function intArray(v: Json): number[] | null {
  if (!Array.isArray(v)) return null;
  const out = v.map(int);
  return out.every((n): n is number => n !== null) ? out : null;
}

function byName<T extends { name: string }>(a: T, b: T): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

class Decoder {
  readonly problems: KafkaProblem[] = [];
  constructor(readonly root: string) {}

  path(rel: string): string {
    return joinPath(this.root, rel);
  }

  problem(path: string, message: string): void {
    this.problems.push({ path, message });
  }

  /** Parses a node's JSON; undefined (and a problem) when it is not JSON. */
  json(node: SnapshotNode, path: string): Json | undefined {
    try {
      return JSON.parse(node.data) as Json;
    } catch (e) {
      const text = node.data.length > 60 ? `${node.data.slice(0, 60)}…` : node.data;
      this.problem(path, `Not valid JSON (${(e as Error).message}): ${JSON.stringify(text)}`);
      return undefined;
    }
  }

  /** Parses a node that must hold a JSON object. */
  object(node: SnapshotNode, path: string): Record<string, Json> | undefined {
    const v = this.json(node, path);
    if (v === undefined) return undefined;
    if (!isObject(v)) {
      this.problem(path, `Expected a JSON object, found ${Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'null' : typeof v}`);
      return undefined;
    }
    return v;
  }

  clusterId(node: SnapshotNode | null | undefined): string | null {
    if (!node) return null;
    const path = this.path('cluster/id');
    const v = this.object(node, path);
    if (!v) return null;
    if (typeof v.id !== 'string' || !v.id) {
      this.problem(path, 'No "id" string in the cluster id');
      return null;
    }
    return v.id;
  }

  controller(node: SnapshotNode | null | undefined, epochNode: SnapshotNode | null | undefined): KafkaController {
    const path = this.path('controller');
    let epoch: number | null = null;
    if (epochNode) {
      epoch = int(epochNode.data);
      if (epoch === null) this.problem(this.path('controller_epoch'), `Not an integer: ${JSON.stringify(epochNode.data.slice(0, 60))}`);
    }
    const out: KafkaController = { brokerId: null, epoch, since: null, path };
    if (!node) return out;
    const v = this.object(node, path);
    if (!v) return out;
    out.brokerId = int(v.brokerid);
    if (out.brokerId === null) this.problem(path, 'No integer "brokerid" in the controller registration');
    out.since = int(v.timestamp) ?? node.stat?.ctime ?? null;
    return out;
  }

  endpoints(v: Json, protocolMap: Json, path: string): KafkaEndpoint[] {
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) {
      this.problem(path, '"endpoints" is not an array');
      return [];
    }
    const protocols = isObject(protocolMap) ? protocolMap : {};
    const out: KafkaEndpoint[] = [];
    for (const e of v) {
      const m = typeof e === 'string' ? /^([A-Za-z0-9_-]+):\/\/(\[[^\]]*\]|[^:/]*):(\d+)$/.exec(e) : null;
      if (!m) {
        this.problem(path, `Unrecognised endpoint ${JSON.stringify(e)}`);
        continue;
      }
      const protocol = protocols[m[1]];
      out.push({
        listener: m[1],
        securityProtocol: typeof protocol === 'string' ? protocol : m[1],
        host: m[2].replace(/^\[|\]$/g, ''),
        port: Number(m[3]),
      });
    }
    return out;
  }

  broker(name: string, node: SnapshotNode): KafkaBroker | null {
    const path = this.path(`brokers/ids/${name}`);
    const id = int(name);
    if (id === null) {
      this.problem(path, 'Broker id is not an integer');
      return null;
    }
    const broker: KafkaBroker = { id, host: null, port: null, endpoints: [], rack: null, since: node.stat?.ctime ?? null, jmxPort: null, version: null, path };
    const v = this.object(node, path);
    if (!v) return { ...broker, malformed: true };
    broker.version = int(v.version);
    broker.endpoints = this.endpoints(v.endpoints, v.listener_security_protocol_map, path);
    const host = typeof v.host === 'string' && v.host ? v.host : null;
    const port = int(v.port);
    // Brokers without a PLAINTEXT listener register host null and port -1; the endpoints tell.
    broker.host = host ?? broker.endpoints[0]?.host ?? null;
    broker.port = port !== null && port >= 0 ? port : (broker.endpoints[0]?.port ?? null);
    broker.rack = typeof v.rack === 'string' ? v.rack : null;
    broker.since = int(v.timestamp) ?? broker.since;
    const jmx = int(v.jmx_port);
    broker.jmxPort = jmx !== null && jmx >= 0 ? jmx : null;
    return broker;
  }

  /** /brokers/topics/T: {"version":1,"partitions":{"0":[1,2,3]}}. */
  assignment(name: string, node: SnapshotNode): Map<number, number[]> | null {
    const path = this.path(`brokers/topics/${name}`);
    const v = this.object(node, path);
    if (!v) return null;
    if (!isObject(v.partitions)) {
      this.problem(path, 'No "partitions" object in the topic assignment');
      return null;
    }
    const out = new Map<number, number[]>();
    let malformed = false;
    for (const [p, replicas] of Object.entries(v.partitions)) {
      const id = int(p);
      const list = intArray(replicas);
      if (id === null || id < 0 || !list) {
        this.problem(path, `Partition ${JSON.stringify(p)} has an invalid replica list ${JSON.stringify(replicas)}`);
        malformed = true;
        continue;
      }
      out.set(id, list);
    }
    return malformed && out.size === 0 ? null : out;
  }

  config(name: string, node: SnapshotNode): Record<string, string> | null {
    const path = this.path(`config/topics/${name}`);
    const v = this.object(node, path);
    if (!v) return null;
    if (v.config === undefined) return {};
    if (!isObject(v.config)) {
      this.problem(path, '"config" is not an object');
      return null;
    }
    const out: Record<string, string> = {};
    for (const [k, val] of Object.entries(v.config)) out[k] = typeof val === 'string' ? val : JSON.stringify(val);
    return out;
  }

  partition(topic: string, id: number, replicas: number[], state: SnapshotNode | null | undefined, live: ReadonlySet<number>): KafkaPartition {
    const path = this.path(`brokers/topics/${topic}/partitions/${id}/state`);
    let leader: number | null = null;
    let isr: number[] = [];
    let leaderEpoch: number | null = null;
    let controllerEpoch: number | null = null;
    let malformed = false;
    if (state) {
      const v = this.object(state, path);
      const l = v ? int(v.leader) : null;
      const i = v ? intArray(v.isr) : null;
      if (v && (l === null || !i)) this.problem(path, `Partition state lacks ${l === null ? 'an integer "leader"' : 'an integer "isr" list'}`);
      if (l === null || !i) malformed = true;
      else {
        leader = l;
        isr = i;
        leaderEpoch = int(v!.leader_epoch);
        controllerEpoch = int(v!.controller_epoch);
      }
    }
    const known = state != null && !malformed;
    const offline = leader === null || leader < 0 || !live.has(leader);
    const preferredLeader = replicas[0] ?? null;
    const partition: KafkaPartition = {
      id,
      replicas,
      leader,
      isr,
      leaderEpoch,
      controllerEpoch,
      offline,
      underReplicated: known && isr.length < replicas.length,
      preferredLeader,
      preferredLeaderImbalance: !offline && preferredLeader !== null && leader !== preferredLeader,
      replicasDown: replicas.filter((r) => !live.has(r)),
      path,
    };
    if (malformed) partition.malformed = true;
    return partition;
  }

  reassignments(node: SnapshotNode | null | undefined): KafkaReassignment[] {
    if (!node) return [];
    const path = this.path('admin/reassign_partitions');
    const v = this.object(node, path);
    if (!v) return [];
    if (!Array.isArray(v.partitions)) {
      this.problem(path, 'No "partitions" array in the reassignment');
      return [];
    }
    const out: KafkaReassignment[] = [];
    for (const p of v.partitions) {
      const partition = isObject(p) ? int(p.partition) : null;
      const replicas = isObject(p) ? intArray(p.replicas) : null;
      if (!isObject(p) || typeof p.topic !== 'string' || partition === null || !replicas) {
        this.problem(path, `Invalid reassignment entry ${JSON.stringify(p)}`);
        continue;
      }
      out.push({ topic: p.topic, partition, replicas });
    }
    return out;
  }
}

export function decodeKafka(snapshot: KafkaSnapshot): KafkaResult {
  if (!snapshot.hasBrokers) return { kafka: null };
  const d = new Decoder(snapshot.root);

  const brokers: KafkaBroker[] = [];
  for (const { name, node } of snapshot.brokers) {
    // A broker listed but gone by the time it was read has just deregistered: it is down.
    const b = node ? d.broker(name, node) : null;
    if (b) brokers.push(b);
  }
  brokers.sort((a, b) => a.id - b.id);
  const live = new Set(brokers.map((b) => b.id));

  const configs = new Map<string, Record<string, string> | null>();
  for (const { name, node } of snapshot.topicConfigs) if (node) configs.set(name, d.config(name, node));
  const deleting = new Set(snapshot.pendingDeletion);

  const topics: KafkaTopic[] = [];
  for (const t of [...snapshot.topics].sort(byName)) {
    if (!t.assignment) continue;
    const assignment = d.assignment(t.name, t.assignment);
    const states = new Map<number, SnapshotNode | null>();
    for (const p of t.partitions) {
      const id = int(p.name);
      if (id === null) d.problem(d.path(`brokers/topics/${t.name}/partitions/${p.name}`), 'Partition id is not an integer');
      else states.set(id, p.state);
    }
    const ids = [...new Set([...(assignment?.keys() ?? []), ...states.keys()])].sort((a, b) => a - b);
    const partitions = ids.map((id) => d.partition(t.name, id, assignment?.get(id) ?? [], states.get(id), live));
    const config = configs.get(t.name);
    const topic: KafkaTopic = {
      name: t.name,
      partitionCount: partitions.length,
      replicationFactor: partitions[0]?.replicas.length ?? 0,
      partitions,
      config: config ?? {},
      pendingDeletion: deleting.has(t.name),
      path: d.path(`brokers/topics/${t.name}`),
    };
    if (!assignment || config === null) topic.malformed = true;
    topics.push(topic);
  }

  const refs = (pred: (p: KafkaPartition) => boolean): TopicPartitionRef[] =>
    topics.flatMap((t) => t.partitions.filter(pred).map((p) => ({ topic: t.name, partition: p.id })));
  const assigned = new Set(topics.flatMap((t) => t.partitions.flatMap((p) => p.replicas)));
  const controller = d.controller(snapshot.controller, snapshot.controllerEpoch);

  const model: KafkaModel = {
    root: snapshot.root,
    clusterId: d.clusterId(snapshot.clusterId),
    controller,
    brokers,
    topics,
    health: {
      offlinePartitions: refs((p) => p.offline),
      underReplicatedPartitions: refs((p) => p.underReplicated),
      pendingDeletion: [...deleting].sort(),
      preferredReplicaImbalance: refs((p) => p.preferredLeaderImbalance),
      brokersDown: [...assigned].filter((id) => !live.has(id)).sort((a, b) => a - b),
      noController: controller.brokerId === null || controller.brokerId < 0,
      reassignmentsInProgress: d.reassignments(snapshot.reassignPartitions),
    },
    problems: [...(snapshot.problems ?? []), ...d.problems],
  };
  return { kafka: model };
}
