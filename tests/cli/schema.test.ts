import { describe, expect, it } from 'vitest';
import { defaultPackText } from '../../lib/index';
import { CLI_TIMEOUT, runCli } from './helpers';

describe('postguard schema', { timeout: CLI_TIMEOUT }, () => {
  it('prints the pack JSON Schema', async () => {
    const r = await runCli(['schema']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(schema.$schema).toMatch(/^https:\/\/json-schema\.org\/draft\/[\w-]+\/schema#?$/);
    expect(schema.type).toBe('object');
    const properties = schema.properties as Record<string, unknown>;
    // Every top-level field of the bundled pack is described.
    for (const key of Object.keys(JSON.parse(defaultPackText) as object)) expect(properties).toHaveProperty(key);
    expect(schema.required).toEqual(expect.arrayContaining(['schemaVersion', 'meta', 'clauses', 'rules']));
  });

  it('takes no arguments', async () => {
    expect((await runCli(['schema', 'extra'])).code).toBe(2);
  });
});
