/** What the quick-open palette offers for what was typed: the typed path, bookmarks, recent nodes, completions, actions. */

/** The palette's groups and hints, as catalog keys: the palette names them in the current language. */
export type PaletteGroup = 'goTo' | 'bookmarks' | 'recent' | 'children' | 'actions';
export type PaletteHint = { key: 'open' } | { key: 'missing' } | { key: 'more'; count: number };

export interface PaletteOption {
  id: string;
  group: PaletteGroup;
  label: string;
  hint?: PaletteHint;
  /** A node path (opened on Enter, completed on Tab), or an action. */
  path?: string;
  run?(): void;
}

export interface PaletteSources {
  typed: string;
  bookmarks: Array<{ path: string; missing: boolean }>;
  recent: string[];
  completions: string[];
  completionsTotal: number | undefined;
  actions: Array<{ label: string; run(): void }>;
}

const matches = (typed: string, path: string) => (typed.startsWith('/') ? path.startsWith(typed) : path.toLowerCase().includes(typed.toLowerCase()));

export function paletteOptions(s: PaletteSources): PaletteOption[] {
  const typed = s.typed.trim();
  const isPath = typed.startsWith('/');
  const out: PaletteOption[] = [];
  const seen = new Set<string>();
  const node = (group: PaletteGroup, path: string, hint?: PaletteHint) => {
    if (seen.has(path)) return;
    seen.add(path);
    out.push({ id: `${group}:${path}`, group, label: path, path, hint });
  };
  if (isPath && typed.length > 1 && !typed.endsWith('/')) node('goTo', typed, { key: 'open' });
  for (const b of s.bookmarks) if (!typed || matches(typed, b.path)) node('bookmarks', b.path, b.missing ? { key: 'missing' } : undefined);
  for (const p of s.recent) if (!typed || matches(typed, p)) node('recent', p);
  if (isPath) {
    const more: PaletteHint | undefined = s.completionsTotal !== undefined && s.completionsTotal > s.completions.length ? { key: 'more', count: s.completionsTotal } : undefined;
    s.completions.forEach((p, i) => node('children', p, i === 0 ? more : undefined));
  }
  const lower = typed.toLowerCase();
  for (const a of s.actions) if (!isPath && (!typed || a.label.toLowerCase().includes(lower))) out.push({ id: `action:${a.label}`, group: 'actions', label: a.label, run: a.run });
  return out;
}
