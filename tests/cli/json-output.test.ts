import { describe, expect, it } from 'vitest';
import { createEngine, defaultPack, stoppingFindings } from '../../lib/index';
import { BLOCK_TERM, CLAUSE_PROJECTS, fixturePack } from './fixture-pack';
import { CLI_TIMEOUT, runCli, tempDir } from './helpers';

const tmp = tempDir();
const pack = tmp.write('pack.json', JSON.stringify(fixturePack()));
const FINDING_KEYS = ['category', 'clause', 'end', 'excerpt', 'message', 'quote', 'ruleId', 'severity', 'start'];

interface JsonFinding {
  ruleId: string;
  start: number;
  end: number;
  excerpt: string;
  [key: string]: unknown;
}

async function checkJson(text: string, ...extra: string[]) {
  const r = await runCli(['check', text, '--pack', pack, '--format', 'json', ...extra]);
  expect(r.stdout.endsWith('\n')).toBe(true);
  expect(r.stdout.trim().split('\n')).toHaveLength(1); // one object, one line
  return { ...r, json: JSON.parse(r.stdout) as { verdict: string; stopped: boolean; findings: JsonFinding[] } };
}

describe('postguard check --format json', { timeout: CLI_TIMEOUT }, () => {
  it('writes one object with the documented shape', async () => {
    const { json, code } = await checkJson(`We start on ${BLOCK_TERM} on Monday`);
    expect(code).toBe(1);
    expect(Object.keys(json).sort()).toEqual(['findings', 'stopped', 'verdict']);
    expect(json.stopped).toBe(true);
    expect(json.verdict).toBe('block');
    expect(json.findings).toHaveLength(1);
    const f = json.findings[0]!;
    expect(Object.keys(f).sort()).toEqual(FINDING_KEYS);
    expect(f).toMatchObject({
      ruleId: 'project-name',
      category: 'confidentiality',
      severity: 'block',
      excerpt: BLOCK_TERM,
      clause: 'projects',
      quote: CLAUSE_PROJECTS,
      start: 12,
      end: 12 + BLOCK_TERM.length,
    });
  });

  it.each([
    ['emoji', `🎉🎉 Big news 👩‍👩‍👧: ${BLOCK_TERM}`],
    ['accents and CJK', `Café crème, naïve 日本語のテキスト — ${BLOCK_TERM}`],
    ['astral letters', `𝒲𝑒 𝓈𝓉𝒶𝓇𝓉 on ${BLOCK_TERM}`],
    ['zero-width and combining characters', `a\u200Bb\u0301c\uFE0F ${BLOCK_TERM} and then ${BLOCK_TERM.toUpperCase()}`],
    ['several lines', `first 😀 line\nsecond ✨ line\n${BLOCK_TERM}`],
  ])('counts offsets in code points after %s', async (_what, text) => {
    const { json } = await checkJson(text);
    expect(json.findings.length).toBeGreaterThan(0);
    const codePoints = [...text];
    for (const f of json.findings) {
      expect(codePoints.slice(f.start, f.end).join('')).toBe(f.excerpt);
      expect(f.excerpt.toLowerCase()).toBe(BLOCK_TERM);
    }
    // The same finding in UTF-16 units, as the engine and DOM count them.
    const utf16 = await checkJson(text, '--offsets', 'utf16');
    expect(utf16.json.findings.map((f) => f.excerpt)).toEqual(json.findings.map((f) => f.excerpt));
    for (const f of utf16.json.findings) expect(text.slice(f.start, f.end)).toBe(f.excerpt);
    // Astral characters before the finding make the two units differ.
    if (codePoints.length !== text.length) expect(utf16.json.findings[0]!.start).toBeGreaterThan(json.findings[0]!.start);
  });

  it('gives exactly what the engine finds with the bundled pack, offsets converted', async () => {
    // The personal flag examples of the bundled pack, one a line, each behind an emoji so the units differ.
    const examples = defaultPack.rules
      .flatMap((rule) => rule.examples.flag)
      .map((ex) => (typeof ex === 'string' ? { text: ex } : ex))
      .filter((ex) => (!('context' in ex) || !ex.context || ex.context === 'personal') && !('hasMedia' in ex && ex.hasMedia));
    expect(examples.length).toBeGreaterThan(3);
    const text = examples.map((ex) => `🙂 ${ex.text}`).join('\n');
    const expected = createEngine(defaultPack).check(text, { context: 'personal', site: 'facebook' });
    expect(expected.findings.length).toBeGreaterThan(3);

    const r = await runCli(['check', '-', '--format', 'json', '--site', 'facebook'], { input: text });
    const json = JSON.parse(r.stdout) as { verdict: string; findings: JsonFinding[] };
    expect(r.code).toBe(stoppingFindings(defaultPack, expected.findings).length > 0 ? 1 : 0);
    expect(json.verdict).toBe(expected.verdict);
    const codePoint = (utf16: number) => [...text.slice(0, utf16)].length;
    expect(json.findings.map((f) => [f.ruleId, f.excerpt, f.start, f.end])).toEqual(
      expected.findings.map((f) => [f.ruleId, f.excerpt, codePoint(f.start), codePoint(f.end)]),
    );
  });
});
