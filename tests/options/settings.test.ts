import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ConsentEntry } from '../../lib/types';
import {
  consentRegister,
  customPackText,
  disabledRules,
  orgPages,
  overrideRetentionDays,
  overridesLog,
  pausedSites,
  type OverrideEntry,
} from '../../utils/settings';
import {
  buildSettingsFile,
  formatOverridesCsv,
  mergeOrgPages,
  normaliseHost,
  packIsLocked,
  parseSettingsFile,
  pruneOverrides,
  resolveLocks,
  resolvePackSource,
  NO_LOCKS,
} from '../../utils/settings-logic';
import { applySettings, pruneOverridesLog, readManagedSettings, readSettingsSnapshot } from '../../utils/settings-store';

const packOk = () => [];
const entry: ConsentEntry = { name: 'Isobel Grant', covers: { name: true, photo: false }, givenBy: 'next-of-kin', given: '2025-01-10' };

function log(time: string, reason = ''): OverrideEntry {
  return { time, site: 'facebook', context: 'business', ruleIds: ['consent.resident-name'], reason };
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('locks and the pack in force', () => {
  it('treats anything not set as unlocked', () => {
    expect(resolveLocks(null)).toEqual(NO_LOCKS);
    expect(resolveLocks({ cannotPause: true })).toEqual({ ...NO_LOCKS, cannotPause: true });
    // a policy with the wrong type does not lock
    expect(resolveLocks({ cannotPause: 'yes' as unknown as boolean })).toEqual(NO_LOCKS);
  });

  it('uses the organisation pack whenever there is one, and the loaded pack only when not locked', () => {
    expect(resolvePackSource(null, null, NO_LOCKS)).toEqual({ source: 'default', text: null });
    expect(resolvePackSource('C', null, NO_LOCKS)).toEqual({ source: 'custom', text: 'C' });
    expect(resolvePackSource(null, 'M', NO_LOCKS)).toEqual({ source: 'managed', text: 'M' });
    expect(resolvePackSource('C', 'M', NO_LOCKS)).toEqual({ source: 'managed', text: 'M' });
    const locked = { ...NO_LOCKS, cannotChangePack: true };
    expect(resolvePackSource('C', 'M', locked)).toEqual({ source: 'managed', text: 'M' });
    expect(resolvePackSource('C', null, locked)).toEqual({ source: 'default', text: null });
    expect([packIsLocked(null, NO_LOCKS), packIsLocked('M', NO_LOCKS), packIsLocked(null, locked)]).toEqual([false, true, true]);
  });

  it('merges organisation pages from the policy and this device without duplicates', () => {
    expect(
      mergeOrgPages({ facebook: ['Meadowbank Lodge', ' Other '], linkedin: [] }, { facebook: ['meadowbank lodge'], linkedin: ['Meadowbank Care'] }),
    ).toEqual({ facebook: ['meadowbank lodge', 'Other'], linkedin: ['Meadowbank Care'] });
  });

  it('normalises host names', () => {
    expect(normaliseHost('https://WWW.Facebook.com:8443/groups/x')).toBe('www.facebook.com');
    expect(normaliseHost('www.linkedin.com')).toBe('www.linkedin.com');
    expect(normaliseHost('not a host')).toBeNull();
  });
});

describe('managed storage', () => {
  it('reads what the organisation set', async () => {
    await fakeBrowser.storage.managed.set({
      pack: '{"x":1}',
      orgPages: { facebook: ['Meadowbank Lodge'] },
      locks: { cannotPause: true, cannotChangePack: true },
    });
    expect(await readManagedSettings()).toEqual({
      packText: '{"x":1}',
      orgPages: { facebook: ['Meadowbank Lodge'], linkedin: [] },
      locks: { cannotPause: true, cannotDisableRules: false, cannotChangePack: true },
    });
  });

  it('treats an unreadable managed area (Firefox without a policy) as nothing managed', async () => {
    await fakeBrowser.storage.managed.set({ pack: 'P', locks: { cannotPause: true } });
    const original = fakeBrowser.storage.managed.get;
    fakeBrowser.storage.managed.get = (() => Promise.reject(new Error('Managed storage manifest not found'))) as typeof original;
    try {
      expect(await readManagedSettings()).toEqual({ packText: null, orgPages: null, locks: NO_LOCKS });
    } finally {
      fakeBrowser.storage.managed.get = original;
    }
  });
});

describe('overrides log', () => {
  const now = new Date('2026-03-31T12:00:00Z');

  it('keeps only entries within the retention period', () => {
    const entries = [log('2026-03-30T09:00:00Z'), log('2026-01-01T09:00:00Z'), log('garbage')];
    expect(pruneOverrides(entries, 30, now)).toEqual([entries[0]]);
    expect(pruneOverrides(entries, 365, now)).toEqual(entries.slice(0, 2));
  });

  it('prunes the stored log with the stored retention', async () => {
    await overridesLog.setValue([log('2026-03-30T09:00:00Z'), log('2025-12-01T09:00:00Z')]);
    await overrideRetentionDays.setValue(30);
    expect(await pruneOverridesLog(now)).toBe(1);
    expect((await overridesLog.getValue()).map((e) => e.time)).toEqual(['2026-03-30T09:00:00Z']);
    expect(await pruneOverridesLog(now)).toBe(0);
  });

  it('exports CSV with rule ids and reasons, quoting where needed', () => {
    const csv = formatOverridesCsv([{ ...log('2026-03-30T09:00:00Z', 'Family said yes, "on the phone"'), ruleIds: ['a.b', 'c.d'] }]);
    expect(csv).toBe('time,site,context,rule_ids,reason\r\n2026-03-30T09:00:00Z,facebook,business,a.b c.d,"Family said yes, ""on the phone"""\r\n');
  });
});

describe('settings file', () => {
  async function seed() {
    await customPackText.setValue('{"pack":true}');
    await consentRegister.setValue([entry]);
    await orgPages.setValue({ facebook: ['Meadowbank Lodge'], linkedin: ['Meadowbank Care Ltd'] });
    await disabledRules.setValue(['opinion.politics']);
    await pausedSites.setValue(['www.linkedin.com']);
    await overrideRetentionDays.setValue(45);
  }

  it('exports everything and imports it back unchanged', async () => {
    await seed();
    const before = await readSettingsSnapshot();
    const file = buildSettingsFile(before, new Date('2026-03-31T12:00:00Z'));
    expect(JSON.parse(file)).toMatchObject({ format: 'postguard-settings', version: 1, exportedAt: '2026-03-31T12:00:00.000Z' });
    fakeBrowser.reset();
    expect((await readSettingsSnapshot()).consentRegister).toEqual([]);
    const parsed = parseSettingsFile(file, packOk);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const { written, skipped } = await applySettings(parsed.settings, NO_LOCKS);
    expect(skipped).toEqual([]);
    expect(written.sort()).toEqual(['consentRegister', 'customPackText', 'disabledRules', 'orgPages', 'overrideRetentionDays', 'pausedSites']);
    expect(await readSettingsSnapshot()).toEqual(before);
  });

  it('reports every problem with its path and changes nothing', async () => {
    await seed();
    const before = await readSettingsSnapshot();
    const bad = {
      format: 'postguard-settings',
      version: 1,
      customPackText: '{"broken":',
      consentRegister: [entry, { name: 'X', covers: { name: 'yes' }, givenBy: 'aunt', expires: '31/12/2026' }, { ...entry, given: '2025-02-30' }],
      orgPages: { facebook: ['ok', 3], myspace: [] },
      disabledRules: 'all',
      pausedSites: ['WWW.FACEBOOK.COM'],
      overrideRetentionDays: -1,
    };
    const parsed = parseSettingsFile(JSON.stringify(bad), (text) => (text.endsWith(':') ? [{ path: '(root)', message: 'not valid JSON' }] : []));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const paths = parsed.problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'customPackText → (root)',
        'consentRegister[1].covers',
        'consentRegister[1].givenBy',
        'consentRegister[1].expires',
        'consentRegister[2].given',
        'orgPages.myspace',
        'orgPages.facebook[1]',
        'disabledRules',
        'pausedSites[0]',
        'overrideRetentionDays',
      ]),
    );
    expect(paths.some((p) => p.startsWith('consentRegister[0]'))).toBe(false);
    expect(await readSettingsSnapshot()).toEqual(before);
  });

  it('refuses files that are not PostGuard settings', () => {
    expect(parseSettingsFile('nope', packOk)).toMatchObject({ ok: false, problems: [{ path: '$', message: expect.stringContaining('not valid JSON') }] });
    expect(parseSettingsFile('[]', packOk)).toMatchObject({ ok: false, problems: [{ path: '$' }] });
    const r = parseSettingsFile(JSON.stringify({ format: 'other', version: 2, extra: 1 }), packOk);
    expect(r.ok || r.problems.map((p) => p.path)).toEqual(['format', 'version', 'extra']);
  });

  it('leaves out settings missing from the file', async () => {
    await seed();
    const r = parseSettingsFile(JSON.stringify({ format: 'postguard-settings', version: 1, overrideRetentionDays: 7 }), packOk);
    expect(r).toEqual({ ok: true, settings: { overrideRetentionDays: 7 } });
    if (r.ok) await applySettings(r.settings, NO_LOCKS);
    expect(await consentRegister.getValue()).toEqual([entry]);
    expect(await overrideRetentionDays.getValue()).toBe(7);
  });

  it('does not import what the organisation locks', async () => {
    await seed();
    const r = parseSettingsFile(
      JSON.stringify({ format: 'postguard-settings', version: 1, customPackText: null, disabledRules: [], pausedSites: [], consentRegister: [] }),
      packOk,
    );
    if (!r.ok) throw new Error('expected ok');
    const { written, skipped } = await applySettings(r.settings, { cannotChangePack: true, cannotDisableRules: true, cannotPause: true });
    expect(written).toEqual(['consentRegister']);
    expect(skipped.sort()).toEqual(['customPackText', 'disabledRules', 'pausedSites']);
    expect(await customPackText.getValue()).toBe('{"pack":true}');
    expect(await disabledRules.getValue()).toEqual(['opinion.politics']);
    expect(await pausedSites.getValue()).toEqual(['www.linkedin.com']);
    expect(await consentRegister.getValue()).toEqual([]);
  });
});
