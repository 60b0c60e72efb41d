// Every string the options page and popup look up exists in the English messages.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, SEVERITIES } from '../../lib/types';

const root = path.resolve(__dirname, '../..');
const messages = JSON.parse(readFileSync(path.join(root, 'public/_locales/en/messages.json'), 'utf8')) as Record<
  string,
  { message: string; placeholders?: Record<string, { content: string }> }
>;

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir))
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => readFileSync(path.join(root, dir, f), 'utf8'));
}

describe('options and popup strings', () => {
  const code = [...sources('entrypoints/options'), ...sources('entrypoints/popup'), ...sources('ui')].join('\n');
  const keys = new Set([...code.matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)].map((m) => m[1]!));
  // keys built at run time
  for (const c of CATEGORIES) keys.add(`category_${c}`);
  for (const s of SEVERITIES) keys.add(`severity_${s}`);
  for (const v of ['warn', 'block']) keys.add(`verdict_${v}`);
  for (const s of ['default', 'custom', 'managed']) keys.add(`packSource_${s}`);
  for (const k of ['customPackText', 'consentRegister', 'orgPages', 'disabledRules', 'pausedSites', 'overrideRetentionDays']) keys.add(`setting_${k}`);
  keys.add('popupDetected');
  keys.add('popupDetectedOrgPage');

  it('are all in public/_locales/en/messages.json', () => {
    expect(keys.size).toBeGreaterThan(100);
    expect([...keys].filter((k) => !messages[k])).toEqual([]);
  });

  it('use only declared placeholders', () => {
    for (const [key, m] of Object.entries(messages)) {
      for (const [, name] of m.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)) {
        expect(m.placeholders && Object.keys(m.placeholders).map((p) => p.toLowerCase()), key).toContain(name!.toLowerCase());
      }
    }
  });
});
