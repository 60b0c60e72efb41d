import { describe, expect, it } from 'vitest';
import { makePost } from '../../bench/posts';
import { CLI_TIMEOUT, runCli } from './helpers';

describe('postguard check on 1 MB', { timeout: CLI_TIMEOUT }, () => {
  it('reads 1 MB from stdin and answers', async () => {
    const text = `${makePost(1_000_000, 3)} Work was hell today.`;
    const r = await runCli(['check', '--format', 'json'], { input: text });
    const json = JSON.parse(r.stdout) as { verdict: string; findings: { start: number; end: number; excerpt: string }[] };
    expect(r.code).toBe(json.verdict === 'block' ? 1 : 0);
    expect(json.findings.length).toBeGreaterThan(0);
    const codePoints = [...text];
    for (const f of json.findings) expect(codePoints.slice(f.start, f.end).join('')).toBe(f.excerpt);
  });
});
