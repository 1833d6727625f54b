/**
 * The server's coded sentences of bulk runs, the audit log, the ACL confirmation and path checks,
 * and the lengths of time of the recipe lens: the English catalog renders each code exactly as
 * the server (or lib/shared) writes it, and the Korean catalog renders every one of them in Korean.
 */
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { byCode, type LooseTranslator } from '@/lib/client/coded-messages';
import { pathProblemText, type PathProblem } from '@/lib/client/path-check';
import { consequence } from '@/lib/services/acl-consequences';
import { hiddenReason } from '@/lib/services/audit-hidden';
import { BULK_REASON_CODES, reasonOf } from '@/lib/services/bulk/reasons';
import type { HiddenReasonCode } from '@/lib/shared/audit';
import type { ConsequenceCode } from '@/lib/shared/errors';
import { checkPath } from '@/lib/shared/path';
import { elapsedParts } from '@/lib/shared/units';
import aclEn from '@/messages/en/acl.json';
import aclKo from '@/messages/ko/acl.json';
import auditEn from '@/messages/en/audit.json';
import auditKo from '@/messages/ko/audit.json';
import bulkEn from '@/messages/en/bulk.json';
import bulkKo from '@/messages/ko/bulk.json';
import commonEn from '@/messages/en/common.json';
import commonKo from '@/messages/ko/common.json';
import errorsEn from '@/messages/en/errors.json';
import errorsKo from '@/messages/ko/errors.json';

const translator = (locale: 'en' | 'ko', messages: object, namespace: string) =>
  createTranslator({
    locale,
    messages: messages as Record<string, never>,
    namespace: namespace as never,
    onError: (e) => {
      throw e;
    },
  }) as unknown as LooseTranslator;

const both = (namespace: string, en: object, ko: object) => {
  const top = namespace.split('.')[0];
  return { en: translator('en', { [top]: en }, namespace), ko: translator('ko', { [top]: ko }, namespace) };
};

const HANGUL = /[\uac00-\ud7a3]/;

/** English and Korean of one coded sentence: the English must be the server's, the Korean Korean and complete. */
function expectBoth(rendered: { en: string; ko: string }, english: string) {
  expect(rendered.en).toBe(english);
  expect(rendered.ko).not.toBe(english);
  expect(rendered.ko).toMatch(HANGUL);
  expect(rendered.ko).not.toMatch(/[{}]/);
}

describe('bulk reasons and per-node errors by code', () => {
  const t = both('bulk', bulkEn, bulkKo);
  const params: Record<string, Record<string, string>> = { systemCreate: { system: '/zookeeper' } };

  it('cover every code of the catalog', () => {
    expect(new Set(BULK_REASON_CODES)).toEqual(new Set(Object.keys(bulkEn.reasons)));
  });

  it('read in English exactly as the server wrote them, and in Korean', () => {
    for (const code of BULK_REASON_CODES) {
      const r = reasonOf(code, params[code]);
      expectBoth({ en: byCode(t.en, 'reasons', r.reasonCode, r.params, r.reason), ko: byCode(t.ko, 'reasons', r.reasonCode, r.params, r.reason) }, r.reason);
    }
    expect(byCode(t.ko, 'reasons', 'exists', undefined, 'exists')).toBe('이미 있음');
    expect(byCode(t.ko, 'reasons', 'systemCreate', { system: '/zookeeper' }, '')).toBe('/zookeeper 아래에는 노드를 만들 수 없음');
  });

  it('keep the server’s English for a code not known here, or none', () => {
    expect(byCode(t.ko, 'reasons', 'fromANewerServer', undefined, 'something new')).toBe('something new');
    expect(byCode(t.ko, 'reasons', undefined, undefined, 'exists')).toBe('exists');
  });
});

describe('audit log: why a value is hidden', () => {
  const t = both('audit.value', auditEn, auditKo);
  const codes = Object.keys(auditEn.value.hiddenReasons) as HiddenReasonCode[];

  it('reads in English exactly as the server wrote it, and in Korean', () => {
    for (const code of codes) {
      const h = hiddenReason(code, code === 'cannotCheck' ? 'TIMEOUT' : undefined);
      expectBoth({ en: byCode(t.en, 'hiddenReasons', h.reasonCode, h.params, h.reason), ko: byCode(t.ko, 'hiddenReasons', h.reasonCode, h.params, h.reason) }, h.reason);
    }
  });
});

describe('ACL confirmation: what the change would do', () => {
  const t = both('acl.confirmation', aclEn, aclKo);
  const lines = [
    ...(['rootAcl', 'rootAclRecursive'] as ConsequenceCode[]).map((c) => consequence(c)),
    consequence('losesAdmin', { path: '/app', below: 'no' }),
    consequence('losesAdmin', { path: '/app', below: 'yes' }),
  ];

  it('covers every code of the catalog', () => {
    expect(new Set(lines.map((l) => l.code))).toEqual(new Set(Object.keys(aclEn.confirmation.consequences)));
  });

  it('reads in English exactly as the server wrote it, and in Korean', () => {
    for (const l of lines) {
      expectBoth({ en: byCode(t.en, 'consequences', l.code, l.params, l.message), ko: byCode(t.ko, 'consequences', l.code, l.params, l.message) }, l.message);
    }
    expect(byCode(t.ko, 'consequences', 'losesAdmin', { path: '/app', below: 'yes' }, '')).toContain('/app 및 그 하위 노드의 ACL을 다시 바꿀 수 없습니다');
  });
});

describe('path checks', () => {
  const t = both('errors', errorsEn, errorsKo);
  const problems = ['', 'a', '/a/', '/a//b', '/a/..', '/a/b\u0001'].map((p) => checkPath(p) as PathProblem);

  it('cover every code of the catalog', () => {
    expect(problems.every((p) => !p.ok)).toBe(true);
    expect(new Set(problems.map((p) => p.code))).toEqual(new Set(Object.keys(errorsEn.pathCheck)));
  });

  it('read in English exactly as checkPath wrote them, and in Korean', () => {
    for (const p of problems) expectBoth({ en: pathProblemText(t.en, p), ko: pathProblemText(t.ko, p) }, p.reason);
    expect(pathProblemText(t.ko, problems[5])).toBe('경로의 위치 4에 쓸 수 없는 문자(U+0001)가 있습니다');
  });
});

describe('lengths of time', () => {
  const t = both('common.elapsed', commonEn, commonKo);
  const render = (tr: LooseTranslator, ms: number) => {
    const { unit, ...values } = elapsedParts(ms);
    return tr(unit, values);
  };

  it('keep the English units and take the Korean ones', () => {
    const cases: Array<[number, string, string]> = [
      [45_400, '45 s', '45초'],
      [125_000, '2 min 5 s', '2분 5초'],
      [(3 * 60 + 10) * 60_000, '3 h 10 min', '3시간 10분'],
      [(2 * 24 + 4) * 3600_000, '2 d 4 h', '2일 4시간'],
      [-5, '0 s', '0초'],
    ];
    for (const [ms, en, ko] of cases) {
      expect(render(t.en, ms)).toBe(en);
      expect(render(t.ko, ms)).toBe(ko);
    }
  });
});
