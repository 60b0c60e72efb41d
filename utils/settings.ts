// Everything the extension remembers, in one place. All of it stays on this
// device (browser.storage.local); the `managed:` items are written by IT through
// Chrome's managed storage or Firefox's enterprise policies and are read-only here.
import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import type { AccountContext, ConsentEntry, Site } from '../lib/types';
import {
  repairConsentRegister,
  repairLocks,
  repairManagedOrgPages,
  repairOrgPages,
  repairOverridesLog,
  repairPackText,
  repairRetentionDays,
  repairStringList,
  type Repaired,
} from './settings-repair';

/** The organisation's own pages: composing as one of these is business context. */
export type { Locks, OrgPages, OverrideEntry } from './settings-types';

/**
 * A storage item whose reads are checked (see settings-repair.ts): `getValue`
 * and `watch` only ever see a repaired value, and `problems` says what was
 * wrong with the stored one, for the options page to report and fix.
 */
export type CheckedItem<T> = WxtStorageItem<T, Record<string, never>> & { problems(): Promise<string[]> };

function checked<T>(key: `local:${string}` | `managed:${string}`, repair: (raw: unknown) => Repaired<T>): CheckedItem<T> {
  const raw = storage.defineItem<unknown>(key);
  const read = async (): Promise<Repaired<T>> => repair(await raw.getValue());
  return {
    ...(raw as unknown as WxtStorageItem<T, Record<string, never>>),
    getValue: async () => (await read()).value,
    watch: (cb) => raw.watch((next, prev) => cb(repair(next).value, repair(prev).value)),
    problems: async () => (await read()).problems,
  };
}

/** The pack JSON text the user loaded; null means the bundled default pack. */
export const customPackText = checked('local:customPackText', (v) => repairPackText(v, 'the loaded pack'));
export const consentRegister = checked('local:consentRegister', repairConsentRegister);
export const orgPages = checked('local:orgPages', (v) => repairOrgPages(v));
export const disabledRules = checked('local:disabledRules', (v) => repairStringList(v, 'switched-off rules'));
/** Hostnames ("www.facebook.com") where the person paused PostGuard. */
export const pausedSites = checked('local:pausedSites', (v) => repairStringList(v, 'paused sites'));
export const overridesLog = checked('local:overridesLog', repairOverridesLog);
export const overrideRetentionDays = checked('local:overrideRetentionDays', (v) => repairRetentionDays(v, 90));

// Managed by the organisation (read-only for the extension).
export const managedPackText = checked('managed:pack', (v) => repairPackText(v, 'the pack set by IT'));
export const managedOrgPages = checked('managed:orgPages', repairManagedOrgPages);
export const managedLocks = checked('managed:locks', repairLocks);

/** Items the person's own settings live in, which the options page may rewrite once repaired. */
export const LOCAL_ITEMS = [customPackText, consentRegister, orgPages, disabledRules, pausedSites, overridesLog, overrideRetentionDays] as const;
/** Items IT sets: reported, never written. */
export const MANAGED_ITEMS = [managedPackText, managedOrgPages, managedLocks] as const;
