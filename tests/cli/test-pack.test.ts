import { describe, expect, it } from 'vitest';
import { defaultPackText } from '../../lib/index';
import { fixturePack } from './fixture-pack';
import { CLI_TIMEOUT, runCli, tempDir } from './helpers';

const tmp = tempDir();

describe('postguard test-pack', { timeout: CLI_TIMEOUT }, () => {
  it('passes on the bundled pack', async () => {
    const r = await runCli(['test-pack', tmp.write('default.json', defaultPackText)]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^ok: all \d+ examples of \d+ rules pass$/m);
    expect(r.code).toBe(0);
    // Without a file it tests the bundled pack too.
    expect((await runCli(['test-pack'])).stdout).toBe(r.stdout);
  });

  it('reports failing examples with rule id, text, expectation and result, and exits 1', async () => {
    const pack = fixturePack() as { rules: { examples: { flag: unknown[]; pass: unknown[] } }[] };
    pack.rules[0]!.examples.flag.push('Nothing to see here');
    pack.rules[1]!.examples.pass.push('my rubbish manager did it again');
    const r = await runCli(['test-pack', tmp.write('failing.json', JSON.stringify(pack))]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('FAIL project-name (personal context): should flag this text');
    expect(r.stdout).toContain('"Nothing to see here"');
    expect(r.stdout).toContain('expected a finding, got none');
    expect(r.stdout).toContain('FAIL grumble (personal context): should pass this text');
    expect(r.stdout).toContain('"my rubbish manager did it again"');
    expect(r.stdout).toMatch(/expected no finding, got: "rubbish manager"/);
    expect(r.stdout).toMatch(/^2 of \d+ examples failed/m);
  });

  it('refuses a broken pack with exit 2, listing JSON paths on stderr', async () => {
    const pack = fixturePack() as { rules: Record<string, unknown>[]; clauses: unknown[] };
    pack.rules[0]!.severity = 'catastrophic';
    delete (pack.rules[1] as { examples?: unknown }).examples;
    const r = await runCli(['test-pack', tmp.write('broken.json', JSON.stringify(pack))]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/not a valid pack \(2 problems\)/);
    expect(r.stderr).toMatch(/^\s+rules\[0\]\.severity: \S/m);
    expect(r.stderr).toMatch(/^\s+rules\[1\]\.examples: \S/m);
  });

  it('refuses a pack whose pattern needs a backtracking engine (a back-reference)', async () => {
    const pack = fixturePack() as { rules: Record<string, unknown>[] };
    pack.rules[2]!.match = { pattern: '(a)\\1' };
    const r = await runCli(['test-pack', tmp.write('unsafe.json', JSON.stringify(pack))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^\s+rules\[2\]\.match\.pattern: \S/m);
  });
});

describe('postguard test-pack on a large pack', { timeout: CLI_TIMEOUT }, () => {
  it('checks the examples of a 5,000-rule pack in one run (each against its own rule only)', async () => {
    const pack = fixturePack() as { rules: Record<string, unknown>[] };
    const rules = Array.from({ length: 5_000 }, (_, i) => ({ ...pack.rules[i % pack.rules.length]!, id: `rule-${i}` }));
    const r = await runCli(['test-pack', tmp.write('large.json', JSON.stringify({ ...pack, rules }))]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^ok: all \d+ examples of 5000 rules pass$/m);
  });
});
