/**
 * Recognises ZooKeeper coordination recipes from the names of a node's children (and, for
 * Curator service discovery, from a child's JSON value). Pure: the node panel's lenses use it.
 *
 * Formats, as the libraries write them:
 * - Curator: protected names `_c_<uuid>-<base><sequence>` (ZKPaths.PROTECTED_PREFIX "_c_"):
 *   InterProcessMutex and LeaderSelector `lock-`, LeaderLatch `latch-`, InterProcessSemaphoreV2
 *   leases `lease-`, InterProcessReadWriteLock `__READ__`/`__WRIT__`; DistributedQueue `queue-`;
 *   service discovery `<base>/<service>/<id>` holding a JSON ServiceInstance.
 * - kazoo (kazoo/recipe/*.py): Lock and Election `<uuid4 hex>__lock__<seq>`, ReadLock `__rlock__`,
 *   Party `<uuid4 hex>__party__` (not sequential), Semaphore leases `<uuid4 hex>` under a node
 *   whose value is the lease count, Queue and LockingQueue `entry-<priority:03d>-<seq>`.
 * - Plain ZooKeeper recipes: `lock-<seq>`, and the leader election recipe's `n_<seq>`.
 * Sequence numbers are the server's 10 digits (kazoo also accepts a negative one after overflow).
 */

export type RecipeKind = 'lock' | 'read-write-lock' | 'semaphore' | 'election' | 'party' | 'queue' | 'service';
export type RecipeFamily = 'curator' | 'kazoo' | 'plain';

/** One child as a recipe participant. */
export interface RecipeMember {
  name: string;
  kind: RecipeKind;
  family: RecipeFamily;
  /** What the member is inside its recipe: 'lock', 'read', 'write', 'latch', 'lease', 'party', 'entry'. */
  role: string;
  /** The server-assigned sequence; null for non-sequential members (a kazoo party member). */
  sequence: number | null;
  /** The client-chosen prefix identifying the contender (Curator's UUID, kazoo's hex), when present. */
  contender: string | null;
  /** A queue entry's priority (kazoo). */
  priority?: number;
}

export interface RecipeReading {
  kind: RecipeKind;
  family: RecipeFamily;
  /** In recipe order: by sequence (priority first for a kazoo queue), names for unordered members. */
  members: RecipeMember[];
  /** Children that are not members (a kazoo LockingQueue's `taken`, stray nodes). */
  others: number;
}

const SEQ = '(-?\\d{10})';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

interface Pattern {
  re: RegExp;
  kind: RecipeKind;
  family: RecipeFamily;
  role: string;
}

// Order matters only where a name could match two patterns (none do today).
const PATTERNS: Pattern[] = [
  { re: new RegExp(`^_c_(${UUID})-lock-${SEQ}$`, 'i'), kind: 'lock', family: 'curator', role: 'lock' },
  { re: new RegExp(`^_c_(${UUID})-latch-${SEQ}$`, 'i'), kind: 'election', family: 'curator', role: 'latch' },
  { re: new RegExp(`^_c_(${UUID})-lease-${SEQ}$`, 'i'), kind: 'semaphore', family: 'curator', role: 'lease' },
  { re: new RegExp(`^_c_(${UUID})-__READ__${SEQ}$`, 'i'), kind: 'read-write-lock', family: 'curator', role: 'read' },
  { re: new RegExp(`^_c_(${UUID})-__WRIT__${SEQ}$`, 'i'), kind: 'read-write-lock', family: 'curator', role: 'write' },
  { re: new RegExp(`^()queue-${SEQ}$`), kind: 'queue', family: 'curator', role: 'entry' },
  { re: new RegExp(`^([0-9a-f]{32})__lock__${SEQ}$`), kind: 'lock', family: 'kazoo', role: 'lock' },
  { re: new RegExp(`^([0-9a-f]{32})__rlock__${SEQ}$`), kind: 'read-write-lock', family: 'kazoo', role: 'read' },
  { re: /^([0-9a-f]{32})__party__()$/, kind: 'party', family: 'kazoo', role: 'party' },
  { re: new RegExp(`^()entry-(\\d{3})-${SEQ}$`), kind: 'queue', family: 'kazoo', role: 'entry' },
  { re: new RegExp(`^()lock-${SEQ}$`), kind: 'lock', family: 'plain', role: 'lock' },
  { re: new RegExp(`^()n_${SEQ}$`), kind: 'election', family: 'plain', role: 'candidate' },
];

/** The child `name` as a recipe member, or null when no known recipe writes such a name. */
export function parseMemberName(name: string): RecipeMember | null {
  for (const p of PATTERNS) {
    const m = p.re.exec(name);
    if (!m) continue;
    const groups = m.slice(1);
    const seq = groups[groups.length - 1];
    const member: RecipeMember = { name, kind: p.kind, family: p.family, role: p.role, sequence: seq ? Number(seq) : null, contender: groups[0] || null };
    if (p.family === 'kazoo' && p.kind === 'queue') member.priority = Number(groups[1]);
    return member;
  }
  return null;
}

/** A kazoo Semaphore's lease pool: 32-hex names under a node whose value is the lease count. */
const KAZOO_LEASE = /^[0-9a-f]{32}$/;

function byRecipeOrder(a: RecipeMember, b: RecipeMember): number {
  const pa = a.priority ?? 0;
  const pb = b.priority ?? 0;
  if (pa !== pb) return pa - pb;
  if (a.sequence !== null && b.sequence !== null && a.sequence !== b.sequence) return a.sequence - b.sequence;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * The recipe `children` (names) belong to: the kind most of the recognised members share, with
 * its members in recipe order. `parentValue` (text) lets a kazoo semaphore's lease pool be told
 * from anything else of random hex names. Null when nothing is recognised.
 */
export function recogniseRecipe(children: readonly string[], parentValue?: string | null): RecipeReading | null {
  const groups = new Map<string, RecipeMember[]>();
  for (const name of children) {
    const member = parseMemberName(name);
    if (!member) continue;
    const key = `${member.kind}\u0000${member.family}`;
    const group = groups.get(key);
    if (group) group.push(member);
    else groups.set(key, [member]);
  }
  let best: RecipeMember[] | null = null;
  for (const members of groups.values()) if (!best || members.length > best.length) best = members;
  if (best) return { kind: best[0].kind, family: best[0].family, members: best.slice().sort(byRecipeOrder), others: children.length - best.length };
  if (children.length > 0 && parentValue != null && /^\d+$/.test(parentValue.trim()) && children.every((c) => KAZOO_LEASE.test(c))) {
    const members = children.map((name): RecipeMember => ({ name, kind: 'semaphore', family: 'kazoo', role: 'lease', sequence: null, contender: name }));
    return { kind: 'semaphore', family: 'kazoo', members: members.sort(byRecipeOrder), others: 0 };
  }
  return null;
}

/** The lock-like recipes whose first member holds (or leads), the rest waiting in order. */
export function hasHolder(kind: RecipeKind): boolean {
  return kind === 'lock' || kind === 'election' || kind === 'read-write-lock';
}

/** A Curator service discovery instance (org.apache.curator.x.discovery.ServiceInstance as JSON). */
export interface ServiceInstance {
  name: string;
  id: string;
  address: string | null;
  port: number | null;
  sslPort: number | null;
  payload: unknown;
  registrationTimeUTC: number;
  serviceType: string | null;
}

/** Decodes a service instance's JSON value; null when the text is not one. */
export function parseServiceInstance(text: string): ServiceInstance | null {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  if (typeof o.name !== 'string' || typeof o.id !== 'string' || typeof o.registrationTimeUTC !== 'number') return null;
  const num = (x: unknown) => (typeof x === 'number' ? x : null);
  return {
    name: o.name,
    id: o.id,
    address: typeof o.address === 'string' ? o.address : null,
    port: num(o.port),
    sslPort: num(o.sslPort),
    payload: o.payload ?? null,
    registrationTimeUTC: o.registrationTimeUTC,
    serviceType: typeof o.serviceType === 'string' ? o.serviceType : null,
  };
}

