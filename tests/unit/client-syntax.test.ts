import { describe, expect, it } from 'vitest';
import { loadSyntax, prettyPrint, validateSyntax } from '@/lib/client/syntax';

describe('syntax checks before a save', () => {
  it('says where JSON, YAML and XML fail to parse', async () => {
    expect(await validateSyntax('{"a": 1,}', 'json')).toMatchObject({ ok: false, message: expect.stringMatching(/^Invalid JSON: /) });
    expect(await validateSyntax('a: [1, 2', 'yaml')).toMatchObject({ ok: false, message: expect.stringMatching(/^Invalid YAML: /) });
    expect(await validateSyntax('<a><b></a>', 'xml')).toMatchObject({ ok: false, message: expect.stringMatching(/^Invalid XML at line 1, column \d+: /) });
    expect(await validateSyntax('{"a": 1}', 'json')).toEqual({ ok: true });
    expect(await validateSyntax('a: [1, 2]', 'yaml')).toEqual({ ok: true });
    expect(await validateSyntax('anything at all {', 'text')).toEqual({ ok: true });
  });

  it('pretty-prints JSON and XML once their parser is loaded, and leaves what does not parse alone', async () => {
    expect(prettyPrint('{"a":{"b":[1,2]}}', 'json')).toBe('{\n  "a": {\n    "b": [\n      1,\n      2\n    ]\n  }\n}');
    expect(prettyPrint('{"a":', 'json')).toBeNull();
    await loadSyntax('xml');
    expect(prettyPrint('<a><b x="1">t</b><c/></a>', 'xml')).toBe('<a>\n  <b x="1">t</b>\n  <c/>\n</a>');
    expect(prettyPrint('<a><b></a>', 'xml')).toBeNull();
  });

  it('places a YAML or XML problem in the text, for the lint marks', async () => {
    const yaml = await loadSyntax('yaml');
    expect(yaml.locate?.('a: 1\nb: [1, 2')).toMatchObject({ from: expect.any(Number), message: expect.any(String) });
    expect(yaml.locate?.('a: 1')).toBeNull();
    const xml = await loadSyntax('xml');
    const text = '<a>\n  <b></a>';
    const problem = xml.locate?.(text);
    expect(problem?.from).toBeGreaterThan(text.indexOf('\n'));
    expect(xml.locate?.('<a/>')).toBeNull();
  });
});
