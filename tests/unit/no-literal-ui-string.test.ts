/** The lint rule that keeps user-visible text in the catalogs: what it reports and what it lets through. */
import { RuleTester } from 'eslint';
import { describe, it } from 'vitest';
import rule from '@/eslint/no-literal-ui-string.mjs';

RuleTester.describe = describe;
RuleTester.it = it;
const tester = new RuleTester({ languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } });

tester.run('zooscope/no-literal-ui-string', rule, {
  valid: [
    { code: "const a = <p className='px-2 text-sm' data-testid='row-name'>{t('title')}</p>;" },
    { code: "const a = <span aria-label={t('close')} title={t('close')}>· — : 0x{id}</span>;" },
    { code: "const a = <input placeholder='/etc/zooscope/…' />;" },
    { code: "const a = <input placeholder='http://{host}:8080/commands' />;" },
    { code: "const a = <b>{`${scheme}:${id}`}</b>;" },
    { code: "const a = <b>{x === 'leader' ? t('a') : t('b')}</b>;" },
    { code: "const a = <h1>Zooscope</h1>;", options: [{ allow: ['Zooscope'] }] },
    { code: "toast.success(t('saved', { id }));" },
  ],
  invalid: [
    { code: 'const a = <p>Sign in</p>;', errors: 1 },
    { code: "const a = <button aria-label='Close'>x</button>;", errors: 1 },
    { code: "const a = <img alt='The tree' title={`Session ${id}`} />;", errors: 2 },
    { code: "const a = <b>{busy ? 'Saving…' : 'Save'}</b>;", errors: 2 },
    { code: "const a = <b>{n > 0 && 'Has children'}</b>;", errors: 1 },
    { code: "const a = <Field label='Name' hint='Letters and digits' />;", errors: 2 },
    { code: "toast.error('The browser refused access to the clipboard');", errors: 1 },
  ],
});
