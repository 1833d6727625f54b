/**
 * The message catalogs: every language has the same namespaces, the same keys and, per message,
 * the same ICU arguments (names and kinds, select options, tags), so a translation can neither
 * drop a value nor ask for one the code does not pass.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { NAMESPACES } from '@/i18n/messages';
import { DEFAULT_LOCALE, LOCALES } from '@/lib/shared/locales';

const ROOT = path.resolve(__dirname, '../../messages');

type Tree = { [key: string]: string | Tree };

function load(locale: string, ns: string): Tree {
  return JSON.parse(readFileSync(path.join(ROOT, locale, `${ns}.json`), 'utf8')) as Tree;
}

/** key path → message, for every leaf. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

/**
 * A message's arguments: "name:kind", with select options ("name:select[a|b|other]") and tags.
 * Plural options are left out: each language has its own categories (Korean needs only "other").
 */
function argumentsOf(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const e of elements) {
      switch (e.type) {
        case TYPE.argument:
          found.add(`${e.value}:argument`);
          break;
        case TYPE.number:
        case TYPE.date:
        case TYPE.time:
          found.add(`${e.value}:${TYPE[e.type]}`);
          break;
        case TYPE.select:
          found.add(`${e.value}:select[${Object.keys(e.options).sort().join('|')}]`);
          Object.values(e.options).forEach((o) => walk(o.value));
          break;
        case TYPE.plural:
          found.add(`${e.value}:plural`);
          Object.values(e.options).forEach((o) => walk(o.value));
          break;
        case TYPE.tag:
          found.add(`<${e.value}>`);
          walk(e.children);
          break;
      }
    }
  };
  walk(parse(message));
  return [...found].sort();
}

describe('message catalogs', () => {
  it('every language has exactly the namespaces the loader lists', () => {
    for (const locale of LOCALES) {
      const files = readdirSync(path.join(ROOT, locale)).map((f) => f.replace(/\.json$/, ''));
      expect(files.sort(), locale).toEqual([...NAMESPACES].sort());
    }
  });

  for (const ns of NAMESPACES) {
    const source = flatten(load(DEFAULT_LOCALE, ns));
    for (const locale of LOCALES.filter((l) => l !== DEFAULT_LOCALE)) {
      it(`${locale}/${ns}.json has the keys and ICU arguments of ${DEFAULT_LOCALE}/${ns}.json`, () => {
        const translated = flatten(load(locale, ns));
        expect([...translated.keys()].sort()).toEqual([...source.keys()].sort());
        for (const [key, message] of source) {
          expect(argumentsOf(translated.get(key)!), `${ns}.${key}`).toEqual(argumentsOf(message));
          if (message.includes('plural,')) expect(translated.get(key), `${ns}.${key}: a plural needs "other"`).toMatch(/other\s*\{/);
        }
      });
    }
  }

  it('the comparison sees a dropped argument, a renamed one and a missing select option', () => {
    expect(argumentsOf('{count, plural, one {# child} other {# children}}')).toEqual(argumentsOf('자식 노드 {count, plural, other {#개}}'));
    expect(argumentsOf('Saved {id}')).not.toEqual(argumentsOf('저장됨'));
    expect(argumentsOf('Saved {id}')).not.toEqual(argumentsOf('{name} 저장됨'));
    expect(argumentsOf('{op, select, a {A} other {B}}')).not.toEqual(argumentsOf('{op, select, other {B}}'));
    expect(argumentsOf('<code>x</code> {n, number}')).not.toEqual(argumentsOf('x {n}'));
  });
});
