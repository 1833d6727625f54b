import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { problemText } from '@/components/acl/use-problem-text';
import { aclEntryProblem, aclProblems, aclProblemText } from '@/lib/shared/acl-rules';
import messages from '@/messages/en/acl.json';
import type { AclEntry } from '@/lib/shared/types';

// The editor words a problem from the catalog, the API from aclProblemText: in English they must match.
const t = createTranslator({ locale: 'en', messages: { acl: messages }, namespace: 'acl' });

const catalogText = (p: Parameters<typeof problemText>[1]) => problemText(t, p);

const bad: AclEntry[] = [
  { scheme: 'kerberos', id: 'x', perms: 'r' },
  { scheme: 'world', id: 'anyone', perms: 'rr' },
  { scheme: 'world', id: 'someone', perms: 'r' },
  { scheme: 'auth', id: 'alice', perms: 'r' },
  { scheme: 'digest', id: 'alice:plain', perms: 'r' },
  { scheme: 'ip', id: '10.0.0.0/8/1', perms: 'r' },
  { scheme: 'ip', id: '10.0.0', perms: 'r' },
  { scheme: 'ip', id: '10.0.0.0/33', perms: 'r' },
  { scheme: 'sasl', id: ' ', perms: 'r' },
  { scheme: 'x509', id: '', perms: 'r' },
  { scheme: 'x509', id: '', perms: 'r' },
];

describe('ACL problems: the English catalog says what the API says', () => {
  it('for every kind of entry problem', () => {
    const codes = new Set<string>();
    for (const entry of bad) {
      const problem = aclEntryProblem(entry);
      expect(problem).not.toBeNull();
      codes.add(problem!.code);
      expect(catalogText(problem!)).toBe(aclProblemText(problem!));
    }
    expect(codes.size).toBe(9);
  });

  it('for the problems of a whole ACL', () => {
    const problems = [...aclProblems([]), ...aclProblems(bad)];
    expect(new Set(problems.map((p) => p.code))).toEqual(new Set(['empty', 'entry', 'twice']));
    for (const p of problems) expect(catalogText(p)).toBe(aclProblemText(p));
  });
});
