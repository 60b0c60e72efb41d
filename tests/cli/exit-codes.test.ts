import { describe, expect, it } from 'vitest';
import { BLOCK_TERM, BUSINESS_TERM, fixturePack, WARN_TERM } from './fixture-pack';
import { CLI_TIMEOUT, runCli, tempDir } from './helpers';

const tmp = tempDir();
const pack = tmp.write('pack.json', JSON.stringify(fixturePack()));
const blockOnlyPack = tmp.write('block-only.json', JSON.stringify({ ...fixturePack(), settings: { stopOn: 'block', reasonFor: 'block' } }));

describe('postguard check exit status', { timeout: CLI_TIMEOUT }, () => {
  it('is 0 when nothing is found', async () => {
    const r = await runCli(['check', 'Lovely walk by the canal today', '--pack', pack]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  // One definition of "this post would be stopped" (the pack's settings.stopOn), as in the extension.
  it('is 1 for a warning when the pack stops posts on warnings (stopOn "warn", the default)', async () => {
    const r = await runCli(['check', `My ${WARN_TERM} again`, '--pack', pack, '--format', 'json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ verdict: 'warn', stopped: true });
    expect(r.code).toBe(1);
  });

  it('is 0 for a warning when the pack stops posts only on blocks (stopOn "block")', async () => {
    const r = await runCli(['check', `My ${WARN_TERM} again`, '--pack', blockOnlyPack, '--format', 'json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ verdict: 'warn', stopped: false });
    expect(r.code).toBe(0);
  });

  it('is 1 for a blocking finding', async () => {
    const r = await runCli(['check', `Cannot wait to start on ${BLOCK_TERM}!`, '--pack', pack]);
    expect(r.code).toBe(1);
  });

  it('applies --context: a business-only rule is silent for personal posts', async () => {
    const text = `Use ${BUSINESS_TERM} SPRING for 10% off`;
    const personal = await runCli(['check', text, '--pack', pack, '--format', 'json']);
    const business = await runCli(['check', text, '--pack', pack, '--format', 'json', '--context', 'business']);
    expect(JSON.parse(personal.stdout).findings).toEqual([]);
    expect(JSON.parse(business.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['discounts']);
  });

  it('reads a file when the argument names one, and stdin for "-" or a pipe', async () => {
    const file = tmp.write('post.txt', `\uFEFFAbout ${BLOCK_TERM}`);
    expect((await runCli(['check', file, '--pack', pack])).code).toBe(1);
    expect((await runCli(['check', '-', '--pack', pack], { input: `About ${BLOCK_TERM}` })).code).toBe(1);
    expect((await runCli(['check', '--pack', pack], { input: `About ${BLOCK_TERM}` })).code).toBe(1);
    expect((await runCli(['check', '--pack', pack], { input: 'About birds' })).code).toBe(0);
  });

  it.each([
    [['check', 'x', '--context', 'work']],
    [['check', 'x', '--site', 'myspace']],
    [['check', 'x', '--format', 'xml']],
    [['check', 'x', '--offsets', 'bytes']],
    [['check', 'x', '--no-such-option']],
    [['check', 'x', 'y']],
    [['frobnicate']],
    [[]],
    [['check', '--jsonl', '-', '--format', 'text']],
    [['check', 'x', '--pack', '/no/such/pack.json']],
    [['test-pack', '/no/such/pack.json']],
    [['check', '--jsonl', '/no/such/posts.jsonl']],
  ])('is 2 for a usage error: %j', async (args) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^postguard: /);
  });

  it('is 2 for an invalid pack, listing each problem with its JSON path', async () => {
    const broken = fixturePack() as { rules: Record<string, unknown>[] };
    broken.rules[0]!.severity = 'fatal';
    broken.rules[1]!.category = 'gossip';
    const r = await runCli(['check', 'hello', '--pack', tmp.write('broken.json', JSON.stringify(broken))]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^\s+rules\[0\]\.severity: /m);
    expect(r.stderr).toMatch(/^\s+rules\[1\]\.category: /m);
  });

  it('is 2 for a pack that refers to a clause it does not have', async () => {
    const broken = fixturePack() as { rules: Record<string, unknown>[] };
    broken.rules[1]!.clause = 'no-such-clause';
    const r = await runCli(['check', 'hello', '--pack', tmp.write('no-clause.json', JSON.stringify(broken))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^\s+rules\[1\]\.clause: /m);
  });

  it('is 2 for a pack that is not JSON', async () => {
    const r = await runCli(['check', 'hello', '--pack', tmp.write('not-json.json', '{"schemaVersion": 1,')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not valid JSON');
  });

  it('prints help and version with status 0', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('postguard check');
    expect(help.stdout).toContain('--offsets utf16');
    const version = await runCli(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
