import { describe, expect, it } from 'vitest';
import { BLOCK_TERM, CLAUSE_PROJECTS, CLAUSE_TONE, fixturePack, WARN_TERM } from './fixture-pack';
import { CLI_TIMEOUT, runCli, tempDir } from './helpers';

const tmp = tempDir();
const pack = tmp.write('pack.json', JSON.stringify(fixturePack()));
const ANSI = /\u001b\[/;

describe('postguard check (text output)', { timeout: CLI_TIMEOUT }, () => {
  it('shows each finding with excerpt, severity, category, message and the quoted clause', async () => {
    const r = await runCli(['check', `😀 Off to work on ${BLOCK_TERM}.\nMy ${WARN_TERM} again!`, '--pack', pack]);
    expect(r.code).toBe(1);
    const out = r.stdout;
    expect(out).toMatch(/^BLOCK: 2 findings \(1 block, 1 warn\)/);
    expect(out).toContain(`“${BLOCK_TERM}”`);
    expect(out).toContain(`“${WARN_TERM}”`);
    expect(out).toMatch(/1\. BLOCK\s+confidentiality/);
    expect(out).toMatch(/2\. WARN\s+boundaries/);
    expect(out).toContain('(line 1, column 18)'); // 17 code points before it, the emoji counting one
    expect(out).toContain('(line 2, column 4)');
    expect(out).toContain('This names an unreleased project.');
    expect(out).toContain('This complains about work in public.');
    // The policy's own words, quoted (wrapped lines joined back up).
    const flat = out.replace(/\s+/g, ' ');
    expect(flat).toContain(`Policy: Unreleased projects (projects) “${CLAUSE_PROJECTS}”`);
    expect(flat).toContain(`Policy: Tone (tone) “${CLAUSE_TONE}”`);
    expect(out).not.toMatch(ANSI); // stdout is a pipe here
  });

  it('shows a finding about the whole post (--media) without an excerpt', async () => {
    const r = await runCli(['check', 'Our summer party', '--pack', pack, '--context', 'business', '--media']);
    expect(r.code).toBe(1); // a warning stops the post (stopOn "warn")
    expect(r.stdout).toMatch(/^1\. WARN\s+consent\s+\(the whole post\)$/m);
    expect(r.stdout).toContain('Photos need consent from everyone shown.');
  });

  it('says so when there is nothing to flag', async () => {
    const r = await runCli(['check', 'Sunny day', '--pack', pack]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^OK: /);
  });

  it('uses colour only when forced (stdout is not a terminal) and never under NO_COLOR', async () => {
    const text = `about ${BLOCK_TERM}`;
    expect((await runCli(['check', text, '--pack', pack], { env: { FORCE_COLOR: '1' } })).stdout).toMatch(ANSI);
    expect((await runCli(['check', text, '--pack', pack], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout).not.toMatch(ANSI);
  });

  it('keeps control characters in the excerpt from reaching the terminal', async () => {
    const r = await runCli(['check', `\u001b[2J${BLOCK_TERM}\u0007`, '--pack', pack]);
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
  });
});
