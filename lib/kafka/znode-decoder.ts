import 'server-only';
import { int, intArray, isObject, type Json } from './json-values';
import { joinPath } from '@/lib/shared/path';
import type { SnapshotNode } from './snapshot';
import type {
  KafkaBroker,
  KafkaController,
  KafkaEndpoint,
  KafkaPartition,
  KafkaProblem,
  KafkaProblemCode,
  KafkaReassignment,
} from '@/lib/shared/kafka';

/**
 * Decodes one kind of Kafka znode at a time, recording what it cannot decode as a problem with
 * the znode's path instead of throwing.
 */
export class Decoder {
  readonly problems: KafkaProblem[] = [];
  constructor(readonly root: string) {}

  path(rel: string): string {
    return joinPath(this.root, rel);
  }

  /** `code` and `params` say `message` again for the browser's catalogs (messages/<locale>/kafka.json, problems.*). */
  problem(path: string, code: KafkaProblemCode, message: string, params?: KafkaProblem['params']): void {
    this.problems.push(params ? { path, code, params, message } : { path, code, message });
  }

  /** Parses a node's JSON; undefined (and a problem) when it is not JSON. */
  json(node: SnapshotNode, path: string): Json | undefined {
    try {
      return JSON.parse(node.data) as Json;
    } catch (e) {
      const text = JSON.stringify(node.data.length > 60 ? `${node.data.slice(0, 60)}…` : node.data);
      const error = (e as Error).message;
      this.problem(path, 'notJson', `Not valid JSON (${error}): ${text}`, { error, text });
      return undefined;
    }
  }

  /** Parses a node that must hold a JSON object. */
  object(node: SnapshotNode, path: string): Record<string, Json> | undefined {
    const v = this.json(node, path);
    if (v === undefined) return undefined;
    if (!isObject(v)) {
      const found = Array.isArray(v) ? 'array' : typeof v === 'object' ? 'null' : typeof v;
      this.problem(path, 'notObject', `Expected a JSON object, found ${found === 'array' ? 'an array' : found}`, { found });
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
      this.problem(path, 'noClusterId', 'No "id" string in the cluster id');
      return null;
    }
    return v.id;
  }

  controller(node: SnapshotNode | null | undefined, epochNode: SnapshotNode | null | undefined): KafkaController {
    const path = this.path('controller');
    let epoch: number | null = null;
    if (epochNode) {
      epoch = int(epochNode.data);
      if (epoch === null) {
        const text = JSON.stringify(epochNode.data.slice(0, 60));
        this.problem(this.path('controller_epoch'), 'notInteger', `Not an integer: ${text}`, { text });
      }
    }
    const out: KafkaController = { brokerId: null, epoch, since: null, path };
    if (!node) return out;
    const v = this.object(node, path);
    if (!v) return out;
    out.brokerId = int(v.brokerid);
    if (out.brokerId === null) this.problem(path, 'noControllerBroker', 'No integer "brokerid" in the controller registration');
    out.since = int(v.timestamp) ?? node.stat?.ctime ?? null;
    return out;
  }

  endpoints(v: Json, protocolMap: Json, path: string): KafkaEndpoint[] {
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) {
      this.problem(path, 'endpointsNotArray', '"endpoints" is not an array');
      return [];
    }
    const protocols = isObject(protocolMap) ? protocolMap : {};
    const out: KafkaEndpoint[] = [];
    for (const e of v) {
      const m = typeof e === 'string' ? /^([A-Za-z0-9_-]+):\/\/(\[[^\]]*\]|[^:/]*):(\d+)$/.exec(e) : null;
      if (!m) {
        const endpoint = JSON.stringify(e);
        this.problem(path, 'badEndpoint', `Unrecognised endpoint ${endpoint}`, { endpoint });
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
      this.problem(path, 'brokerIdNotInteger', 'Broker id is not an integer');
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
      this.problem(path, 'noPartitions', 'No "partitions" object in the topic assignment');
      return null;
    }
    const out = new Map<number, number[]>();
    let malformed = false;
    for (const [p, replicas] of Object.entries(v.partitions)) {
      const id = int(p);
      const list = intArray(replicas);
      if (id === null || id < 0 || !list) {
        const params = { partition: JSON.stringify(p), replicas: JSON.stringify(replicas) };
        this.problem(path, 'badReplicaList', `Partition ${params.partition} has an invalid replica list ${params.replicas}`, params);
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
      this.problem(path, 'configNotObject', '"config" is not an object');
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
      if (v && l === null) this.problem(path, 'stateLacksLeader', 'Partition state lacks an integer "leader"');
      else if (v && !i) this.problem(path, 'stateLacksIsr', 'Partition state lacks an integer "isr" list');
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
      this.problem(path, 'noReassignments', 'No "partitions" array in the reassignment');
      return [];
    }
    const out: KafkaReassignment[] = [];
    for (const p of v.partitions) {
      const partition = isObject(p) ? int(p.partition) : null;
      const replicas = isObject(p) ? intArray(p.replicas) : null;
      if (!isObject(p) || typeof p.topic !== 'string' || partition === null || !replicas) {
        const entry = JSON.stringify(p);
        this.problem(path, 'badReassignment', `Invalid reassignment entry ${entry}`, { entry });
        continue;
      }
      out.push({ topic: p.topic, partition, replicas });
    }
    return out;
  }
}
