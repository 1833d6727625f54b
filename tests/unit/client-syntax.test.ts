import { describe, expect, it } from 'vitest';
import { prettyPrint, validateSyntax } from '@/lib/client/syntax';

describe('syntax checks before a save', () => {
  it('says where JSON, YAML and XML fail to parse', () => {
    expect(validateSyntax('{"a": 1,}', 'json')).toMatchObject({ ok: false, message: expect.stringMatching(/^Invalid JSON: /) });
    expect(validateSyntax('a: [1, 2', 'yaml')).toMatchObject({ ok: false, message: expect.stringMatching(/^Invalid YAML: /) });
    expect(validateSyntax('<a><b></a>', 'xml')).toMatchObject({ ok: false, message: expect.stringMatching(/^Invalid XML at line 1, column \d+: /) });
    expect(validateSyntax('{"a": 1}', 'json')).toEqual({ ok: true });
    expect(validateSyntax('anything at all {', 'text')).toEqual({ ok: true });
  });

  it('pretty-prints JSON and XML, and leaves what does not parse alone', () => {
    expect(prettyPrint('{"a":{"b":[1,2]}}', 'json')).toBe('{\n  "a": {\n    "b": [\n      1,\n      2\n    ]\n  }\n}');
    expect(prettyPrint('<a><b x="1">t</b><c/></a>', 'xml')).toBe('<a>\n  <b x="1">t</b>\n  <c/>\n</a>');
    expect(prettyPrint('{"a":', 'json')).toBeNull();
  });
});
