// Reading and writing the settings in utils/settings.ts as a whole: the
// managed (organisation) values, the settings file, and pruning the overrides log.
import { storage } from 'wxt/utils/storage';
import {
  consentRegister,
  customPackText,
  disabledRules,
  managedLocks,
  managedOrgPages,
  managedPackText,
  orgPages,
  overrideRetentionDays,
  overridesLog,
  pausedSites,
  type Locks,
  type OrgPages,
} from './settings';
import { pruneOverrides, resolveLocks, type SettingsSnapshot } from './settings-logic';

export interface ManagedSettings {
  packText: string | null;
  orgPages: OrgPages | null;
  locks: Locks;
}

/**
 * What the organisation set. Firefox rejects reads of storage.managed when no
 * enterprise policy is installed, and a policy may hold the wrong types; both
 * count as "nothing managed".
 */
export async function readManagedSettings(): Promise<ManagedSettings> {
  const safe = async <T>(read: () => Promise<T>): Promise<T | null> => {
    try {
      return await read();
    } catch {
      return null;
    }
  };
  const [pack, pages, locks] = await Promise.all([
    safe(() => managedPackText.getValue()),
    safe(() => managedOrgPages.getValue()),
    safe(() => managedLocks.getValue()),
  ]);
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  return {
    packText: typeof pack === 'string' && pack.trim() ? pack : null,
    orgPages: pages && typeof pages === 'object' ? { facebook: list(pages.facebook), linkedin: list(pages.linkedin) } : null,
    locks: resolveLocks(locks && typeof locks === 'object' ? locks : null),
  };
}

/** Calls `onChange` whenever the organisation's policy changes. Returns an unwatch function. */
export function watchManagedSettings(onChange: () => void): () => void {
  const un = [managedPackText, managedOrgPages, managedLocks].map((item) => {
    try {
      return item.watch(onChange);
    } catch {
      return () => {};
    }
  });
  return () => un.forEach((u) => u());
}

export async function readSettingsSnapshot(): Promise<SettingsSnapshot> {
  const [pack, register, pages, disabled, paused, retention] = await Promise.all([
    customPackText.getValue(),
    consentRegister.getValue(),
    orgPages.getValue(),
    disabledRules.getValue(),
    pausedSites.getValue(),
    overrideRetentionDays.getValue(),
  ]);
  return {
    customPackText: pack,
    consentRegister: register,
    orgPages: pages,
    disabledRules: disabled,
    pausedSites: paused,
    overrideRetentionDays: retention,
  };
}

export type SettingKey = keyof SettingsSnapshot;

/**
 * Writes the given settings in one storage call, except those the organisation
 * locks; returns the keys written and the keys skipped because of a lock.
 */
export async function applySettings(
  s: Partial<SettingsSnapshot>,
  locks: Locks,
): Promise<{ written: SettingKey[]; skipped: SettingKey[] }> {
  const lockedBy: Partial<Record<SettingKey, boolean>> = {
    customPackText: locks.cannotChangePack,
    disabledRules: locks.cannotDisableRules,
    pausedSites: locks.cannotPause,
  };
  const items = {
    customPackText,
    consentRegister,
    orgPages,
    disabledRules,
    pausedSites,
    overrideRetentionDays,
  } as const;
  const written: SettingKey[] = [];
  const skipped: SettingKey[] = [];
  const writes: { item: (typeof items)[SettingKey]; value: unknown }[] = [];
  for (const key of Object.keys(items) as SettingKey[]) {
    if (!(key in s)) continue;
    if (lockedBy[key]) {
      skipped.push(key);
      continue;
    }
    writes.push({ item: items[key], value: s[key] });
    written.push(key);
  }
  if (writes.length) await storage.setItems(writes as Parameters<typeof storage.setItems>[0]);
  if (written.includes('overrideRetentionDays')) await pruneOverridesLog();
  return { written, skipped };
}

/** Drops overrides-log entries older than the retention period. Returns how many were removed. */
export async function pruneOverridesLog(now: Date = new Date()): Promise<number> {
  const [log, days] = await Promise.all([overridesLog.getValue(), overrideRetentionDays.getValue()]);
  const kept = pruneOverrides(log, days, now);
  if (kept.length !== log.length) await overridesLog.setValue(kept);
  return log.length - kept.length;
}
