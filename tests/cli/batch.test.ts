import { describe, expect, it } from 'vitest';
import { createEngine, defaultPack, stoppingFindings, type CheckContext } from '../../lib/index';
import { BLOCK_TERM, BUSINESS_TERM, fixturePack, WARN_TERM } from './fixture-pack';
import { CLI_TIMEOUT, jsonLines, runCli, tempDir } from './helpers';

const tmp = tempDir();
const pack = tmp.write('pack.json', JSON.stringify(fixturePack()));

const line = (value: unknown) => JSON.stringify(value);

describe('postguard check --jsonl', { timeout: CLI_TIMEOUT }, () => {
  const input = [
    line({ id: 'ok', text: 'A lovely day at the seaside' }),
    line({ id: 'warn', text: `My ${WARN_TERM} strikes again`, context: 'personal', site: 'facebook' }),
    '{"id": "broken", "text": "no closing brace"',
    line({ id: 'no-text', context: 'personal' }),
    line({ id: 'bad-context', text: 'hello', context: 'work' }),
    line({ id: 'bad-site', text: 'hello', site: 'myspace' }),
    '',
    '[1, 2, 3]',
    line({ id: 7, text: `🎉 café ${BLOCK_TERM}`, context: 'business', site: 'linkedin' }),
    line({ id: 'business', text: `Use ${BUSINESS_TERM} SPRING`, context: 'business' }),
    line({ id: 'personal-default', text: `Use ${BUSINESS_TERM} SPRING` }),
  ].join('\n');

  it('writes one line per post, reports bad lines and goes on', async () => {
    const r = await runCli(['check', '--jsonl', tmp.write('posts.jsonl', `${input}\n`), '--pack', pack, '--format', 'json']);
    const out = jsonLines(r.stdout);
    expect(out.map((o) => o.id)).toEqual(['ok', 'warn', undefined, 'no-text', 'bad-context', 'bad-site', undefined, 7, 'business', 'personal-default']);

    expect(out[0]).toEqual({ id: 'ok', verdict: 'ok', stopped: false, findings: [] });
    expect(out[1]).toMatchObject({ id: 'warn', verdict: 'warn', findings: [{ ruleId: 'grumble', excerpt: WARN_TERM }] });

    // Bad lines: an "error", the id when it is known, the line number; no verdict.
    for (const [i, pattern] of [
      [2, /JSON/],
      [3, /text/],
      [4, /context/],
      [5, /site/],
      [6, /object/],
    ] as const) {
      expect(out[i]!.error).toMatch(pattern);
      expect(out[i]).not.toHaveProperty('verdict');
    }
    expect(out[2]!.line).toBe(3);
    expect(out[6]!.line).toBe(8); // the blank line 7 is skipped, but still counted

    // Offsets in code points, per line.
    const seven = out[7] as { verdict: string; findings: { start: number; end: number; excerpt: string }[] };
    expect(seven.verdict).toBe('block');
    const text = `🎉 café ${BLOCK_TERM}`;
    expect(seven.findings).toHaveLength(1);
    expect([...text].slice(seven.findings[0]!.start, seven.findings[0]!.end).join('')).toBe(BLOCK_TERM);

    // The line's context wins; without one, --context (default personal) applies.
    expect(out[8]).toMatchObject({ verdict: 'warn', findings: [{ ruleId: 'discounts' }] });
    expect(out[9]).toMatchObject({ verdict: 'ok', findings: [] });

    expect(r.code).toBe(1); // one line blocks
    expect(r.stderr).toMatch(/5 lines could not be checked/);
  });

  it('reads stdin with "-", applies --context to lines without one, and exits 1 when a warning would stop a post', async () => {
    const posts = [line({ id: 'a', text: `Use ${BUSINESS_TERM} SPRING` }), line({ id: 'b', text: 'Nice weather' })].join('\r\n');
    const r = await runCli(['check', '--jsonl', '-', '--pack', pack, '--context', 'business'], { input: posts });
    expect(r.code).toBe(1); // the pack stops posts on warnings (stopOn "warn")
    const out = jsonLines(r.stdout);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({ id: 'a', verdict: 'warn', stopped: true });
    expect(out[1]).toEqual({ id: 'b', verdict: 'ok', stopped: false, findings: [] });
    expect(r.stderr).toBe('');
  });

  it('takes "hasMedia" per line, and --media for lines without it', async () => {
    const posts = [
      line({ id: 'photo', text: 'Our party', context: 'business', hasMedia: true }),
      line({ id: 'no-photo', text: 'Our party', context: 'business', hasMedia: false }),
      line({ id: 'default', text: 'Our party', context: 'business' }),
      line({ id: 'bad', text: 'Our party', context: 'business', hasMedia: 'yes' }),
    ].join('\n');
    const plain = jsonLines((await runCli(['check', '--jsonl', '-', '--pack', pack], { input: posts })).stdout);
    expect(plain[0]).toMatchObject({ verdict: 'warn', findings: [{ ruleId: 'photo', start: 0, end: 0, excerpt: '' }] });
    expect(plain[1]).toMatchObject({ verdict: 'ok' });
    expect(plain[2]).toMatchObject({ verdict: 'ok' });
    expect(plain[3]).toMatchObject({ id: 'bad', error: expect.stringMatching(/hasMedia/) });
    const media = jsonLines((await runCli(['check', '--jsonl', '-', '--pack', pack, '--media'], { input: posts })).stdout);
    expect(media.map((o) => o.verdict)).toEqual(['warn', 'ok', 'warn', undefined]);
  });

  it('gives a 10 MB line one error line and checks the next line', async () => {
    const huge = line({ id: 'huge', text: 'Mr Brian Walsh in room 9 '.repeat(420_000) });
    const file = tmp.write('huge.jsonl', `${huge}\n${line({ id: 'after', text: 'A lovely day' })}\n`);
    const r = await runCli(['check', '--jsonl', file, '--pack', pack]);
    const out = jsonLines(r.stdout);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({ line: 1, error: expect.stringMatching(/too long/) });
    expect(out[1]).toMatchObject({ id: 'after', verdict: 'ok' });
  });

  it('keeps going over many lines, in order', async () => {
    const many = Array.from({ length: 300 }, (_, i) => line({ id: `p${i}`, text: i % 50 === 0 ? `about ${BLOCK_TERM}` : `post number ${i}` })).join('\n');
    const r = await runCli(['check', '--jsonl', '-', '--pack', pack], { input: many });
    const out = jsonLines(r.stdout);
    expect(out.map((o) => o.id)).toEqual(Array.from({ length: 300 }, (_, i) => `p${i}`));
    expect(out.filter((o) => o.verdict === 'block')).toHaveLength(6);
    expect(r.code).toBe(1);
  });

  it('gives what the engine gives for every example of the bundled pack, in its own context and site', async () => {
    const engine = createEngine(defaultPack);
    const posts = defaultPack.rules.flatMap((rule, r) =>
      [...rule.examples.flag, ...rule.examples.pass].map((ex, i) => {
        const e = typeof ex === 'string' ? { text: ex } : ex;
        return { id: `${r}.${i}`, text: `ñ😀 ${e.text}`, context: 'context' in e && e.context ? e.context : rule.contexts[0]!, ...('site' in e && e.site ? { site: e.site } : {}) };
      }),
    );
    const r = await runCli(['check', '--jsonl', '-'], { input: posts.map(line).join('\n') });
    const out = jsonLines(r.stdout);
    expect(out).toHaveLength(posts.length);
    let blocked = false;
    posts.forEach((p, i) => {
      const ctx: CheckContext = { context: p.context, ...(p.site ? { site: p.site } : {}) };
      const expected = engine.check(p.text, ctx);
      const stopped = stoppingFindings(defaultPack, expected.findings).length > 0;
      blocked ||= stopped;
      const codePoint = (utf16: number) => [...p.text.slice(0, utf16)].length;
      expect(out[i]).toEqual({
        id: p.id,
        verdict: expected.verdict,
        stopped,
        findings: expected.findings.map((f) => ({
          ruleId: f.ruleId,
          category: f.category,
          severity: f.severity,
          start: codePoint(f.start),
          end: codePoint(f.end),
          excerpt: f.excerpt,
          message: f.message,
          clause: f.clause,
          quote: f.quote,
        })),
      });
    });
    expect(out.some((o) => (o.findings as unknown[]).length > 0)).toBe(true);
    expect(r.code).toBe(blocked ? 1 : 0);
  });
});
