/** What the quick-open palette offers for what was typed: the typed path, bookmarks, recent nodes, completions, actions. */

export interface PaletteOption {
  id: string;
  group: string;
  label: string;
  hint?: string;
  /** A node path (opened on Enter, completed on Tab), or an action. */
  path?: string;
  run?(): void;
}

export interface PaletteSources {
  typed: string;
  bookmarks: Array<{ path: string; missing: boolean }>;
  recent: string[];
  completions: string[];
  completionsParent: string;
  completionsTotal: number | undefined;
  actions: Array<{ label: string; run(): void }>;
}

const matches = (typed: string, path: string) => (typed.startsWith('/') ? path.startsWith(typed) : path.toLowerCase().includes(typed.toLowerCase()));

export function paletteOptions(s: PaletteSources): PaletteOption[] {
  const typed = s.typed.trim();
  const isPath = typed.startsWith('/');
  const out: PaletteOption[] = [];
  const seen = new Set<string>();
  const node = (group: string, path: string, hint?: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    out.push({ id: `${group}:${path}`, group, label: path, path, hint });
  };
  if (isPath && typed.length > 1 && !typed.endsWith('/')) node('Go to', typed, 'Open this path');
  for (const b of s.bookmarks) if (!typed || matches(typed, b.path)) node('Bookmarks', b.path, b.missing ? 'missing' : undefined);
  for (const p of s.recent) if (!typed || matches(typed, p)) node('Recent', p);
  if (isPath) {
    const more = s.completionsTotal !== undefined && s.completionsTotal > s.completions.length ? `${s.completionsTotal.toLocaleString()} match` : undefined;
    s.completions.forEach((p, i) => node(`Children of ${s.completionsParent}`, p, i === 0 ? more : undefined));
  }
  const lower = typed.toLowerCase();
  for (const a of s.actions) if (!isPath && (!typed || a.label.toLowerCase().includes(lower))) out.push({ id: `action:${a.label}`, group: 'Actions', label: a.label, run: a.run });
  return out;
}
