// The shapes of stored settings that several modules share: kept apart so
// that reading (settings.ts) and repairing (settings-repair.ts) them do not
// import each other.
import type { AccountContext, Site } from '../lib/types';

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
