// Everything the extension remembers, in one place. All of it stays on this
// device (browser.storage.local); the `managed:` items are written by IT through
// Chrome's managed storage or Firefox's enterprise policies and are read-only here.
import { storage } from 'wxt/utils/storage';
import type { AccountContext, ConsentEntry, Site } from '../lib/types';

/** The organisation's own pages: composing as one of these is business context. */
export interface OrgPages {
  facebook: string[];
  linkedin: string[];
}

/** One "Post anyway": never the post text. */
export interface OverrideEntry {
  time: string; // ISO timestamp
  site: Site;
  context: AccountContext;
  ruleIds: string[];
  reason: string;
}

/** What IT can lock from the managed policy. */
export interface Locks {
  cannotPause: boolean;
  cannotDisableRules: boolean;
  cannotChangePack: boolean;
}

/** The pack JSON text the user loaded; null means the bundled default pack. */
export const customPackText = storage.defineItem<string | null>('local:customPackText', { fallback: null });
export const consentRegister = storage.defineItem<ConsentEntry[]>('local:consentRegister', { fallback: [] });
export const orgPages = storage.defineItem<OrgPages>('local:orgPages', { fallback: { facebook: [], linkedin: [] } });
export const disabledRules = storage.defineItem<string[]>('local:disabledRules', { fallback: [] });
/** Hostnames ("www.facebook.com") where the person paused PostGuard. */
export const pausedSites = storage.defineItem<string[]>('local:pausedSites', { fallback: [] });
export const overridesLog = storage.defineItem<OverrideEntry[]>('local:overridesLog', { fallback: [] });
export const overrideRetentionDays = storage.defineItem<number>('local:overrideRetentionDays', { fallback: 90 });

// Managed by the organisation (read-only for the extension).
export const managedPackText = storage.defineItem<string | null>('managed:pack', { fallback: null });
export const managedOrgPages = storage.defineItem<OrgPages | null>('managed:orgPages', { fallback: null });
export const managedLocks = storage.defineItem<Partial<Locks> | null>('managed:locks', { fallback: null });
