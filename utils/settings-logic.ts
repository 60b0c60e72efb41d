// Pure helpers for the options page, the popup and the content script:
// what the organisation locks, which pack is in force, the overrides log,
// and the settings file (export / import). No storage or DOM access here.
import type { ConsentEntry } from '../lib/types';
import { formatCsv, isIsoDate, validateConsentEntry } from '../lib/consent-csv';
import type { Locks, OrgPages, OverrideEntry } from './settings-types';

export const NO_LOCKS: Locks = { cannotPause: false, cannotDisableRules: false, cannotChangePack: false };

/** Locks from the managed policy, with everything not mentioned unlocked. */
export function resolveLocks(managed: Partial<Locks> | null | undefined): Locks {
  return {
    cannotPause: managed?.cannotPause === true,
    cannotDisableRules: managed?.cannotDisableRules === true,
    cannotChangePack: managed?.cannotChangePack === true,
  };
}

export type PackSource = 'managed' | 'custom' | 'default';

/**
 * Which pack text is in force. A pack set by the organisation (managed storage)
 * always wins; otherwise the pack the person loaded, unless the organisation
 * locks the pack (`cannotChangePack`), which keeps the bundled default.
 * Returns `text: null` for the bundled default.
 */
export function resolvePackSource(
  customText: string | null | undefined,
  managedText: string | null | undefined,
  locks: Locks,
): { source: PackSource; text: string | null } {
  if (managedText) return { source: 'managed', text: managedText };
  if (customText && !locks.cannotChangePack) return { source: 'custom', text: customText };
  return { source: 'default', text: null };
}

/** May the person load a pack or go back to the bundled one? Not when the organisation sets or locks it. */
export function packIsLocked(managedText: string | null | undefined, locks: Locks): boolean {
  return Boolean(managedText) || locks.cannotChangePack;
}

/** The organisation's pages from the policy and the person's own list, together, without duplicates. */
export function mergeOrgPages(local: OrgPages | null | undefined, managed: OrgPages | null | undefined): OrgPages {
  const merge = (a: readonly string[] = [], b: readonly string[] = []) => {
    const out: string[] = [];
    for (const name of [...b, ...a]) {
      const n = name.trim();
      if (n && !out.some((o) => o.toLowerCase() === n.toLowerCase())) out.push(n);
    }
    return out;
  };
  return {
    facebook: merge(local?.facebook, managed?.facebook),
    linkedin: merge(local?.linkedin, managed?.linkedin),
  };
}

/** Entries within the retention period (newest kept; unparseable times dropped). */
export function pruneOverrides(log: readonly OverrideEntry[], retentionDays: number, now: Date = new Date()): OverrideEntry[] {
  const cutoff = now.getTime() - retentionDays * 24 * 60 * 60 * 1000;
  return log.filter((e) => {
    const t = Date.parse(e.time);
    return Number.isFinite(t) && t >= cutoff;
  });
}

export const OVERRIDE_CSV_COLUMNS = ['time', 'site', 'context', 'rule_ids', 'reason'] as const;

/** The overrides log as CSV (rule ids separated by spaces). Never contains post text: the log holds none. */
export function formatOverridesCsv(log: readonly OverrideEntry[]): string {
  return formatCsv([[...OVERRIDE_CSV_COLUMNS], ...log.map((e) => [e.time, e.site, e.context, e.ruleIds.join(' '), e.reason])]);
}

export const MIN_RETENTION_DAYS = 1;
export const MAX_RETENTION_DAYS = 3650;

export function isValidRetention(days: unknown): days is number {
  return typeof days === 'number' && Number.isInteger(days) && days >= MIN_RETENTION_DAYS && days <= MAX_RETENTION_DAYS;
}

/** Lower-case hostname, or null when the text is not one ("https://www.facebook.com/x" -> "www.facebook.com"). */
export function normaliseHost(input: string): string | null {
  let s = input.trim().toLowerCase();
  if (!s) return null;
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(s)) {
    try {
      s = new URL(s).hostname;
    } catch {
      return null;
    }
  }
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(s) ? s : null;
}

// ---------------------------------------------------------------------------
// Settings file

export const SETTINGS_FORMAT = 'postguard-settings';
export const SETTINGS_VERSION = 1;

/** Everything the settings file carries. */
export interface SettingsSnapshot {
  customPackText: string | null;
  consentRegister: ConsentEntry[];
  orgPages: OrgPages;
  disabledRules: string[];
  pausedSites: string[];
  overrideRetentionDays: number;
}

export interface SettingsFile extends SettingsSnapshot {
  format: typeof SETTINGS_FORMAT;
  version: typeof SETTINGS_VERSION;
  exportedAt: string;
}

export function buildSettingsFile(s: SettingsSnapshot, now: Date = new Date()): string {
  const file: SettingsFile = { format: SETTINGS_FORMAT, version: SETTINGS_VERSION, exportedAt: now.toISOString(), ...s };
  return JSON.stringify(file, null, 2) + '\n';
}

export interface SettingsProblem {
  path: string;
  message: string;
}

export type SettingsParseResult =
  | { ok: true; settings: Partial<SettingsSnapshot> }
  | { ok: false; problems: SettingsProblem[] };

/**
 * Reads a settings file. Every field is checked (the pack with `checkPack`, e.g.
 * lib's `parsePackJson`); with any problem the result is `ok: false` and the
 * caller must change nothing. Fields missing from the file are left out of
 * `settings` (and so stay as they are).
 */
export function parseSettingsFile(
  text: string,
  checkPack: (packText: string) => readonly SettingsProblem[],
): SettingsParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [{ path: '$', message: `not valid JSON: ${(e as Error).message}` }] };
  }
  const problems: SettingsProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  if (!isRecord(data)) return { ok: false, problems: [{ path: '$', message: 'expected a JSON object' }] };
  if (data.format !== SETTINGS_FORMAT) add('format', `expected "${SETTINGS_FORMAT}"; this is not a PostGuard settings file`);
  if (data.version !== SETTINGS_VERSION) add('version', `expected ${SETTINGS_VERSION}`);
  const known = new Set(['format', 'version', 'exportedAt', 'customPackText', 'consentRegister', 'orgPages', 'disabledRules', 'pausedSites', 'overrideRetentionDays']);
  for (const k of Object.keys(data)) if (!known.has(k)) add(k, 'unknown setting');
  if (problems.length) return { ok: false, problems };

  const settings: Partial<SettingsSnapshot> = {};
  if ('customPackText' in data) {
    const v = data.customPackText;
    if (v === null) settings.customPackText = null;
    else if (typeof v !== 'string') add('customPackText', 'expected the pack JSON as a string, or null for the bundled pack');
    else {
      const packProblems = checkPack(v);
      for (const p of packProblems) add(`customPackText → ${p.path}`, p.message);
      if (!packProblems.length) settings.customPackText = v;
    }
  }
  if ('consentRegister' in data) {
    const v = data.consentRegister;
    if (!Array.isArray(v)) add('consentRegister', 'expected a list');
    else {
      const entries: ConsentEntry[] = [];
      v.forEach((raw, i) => {
        const path = `consentRegister[${i}]`;
        const entry = readConsentEntry(raw, path, add);
        if (entry) entries.push(entry);
      });
      settings.consentRegister = entries;
    }
  }
  if ('orgPages' in data) {
    const v = data.orgPages;
    if (!isRecord(v)) add('orgPages', 'expected { "facebook": [...], "linkedin": [...] }');
    else {
      for (const k of Object.keys(v)) if (k !== 'facebook' && k !== 'linkedin') add(`orgPages.${k}`, 'unknown site; expected facebook or linkedin');
      const fb = readStringList(v.facebook ?? [], 'orgPages.facebook', add);
      const li = readStringList(v.linkedin ?? [], 'orgPages.linkedin', add);
      if (fb && li) settings.orgPages = { facebook: fb, linkedin: li };
    }
  }
  if ('disabledRules' in data) {
    const v = readStringList(data.disabledRules, 'disabledRules', add);
    if (v) settings.disabledRules = v;
  }
  if ('pausedSites' in data) {
    const v = readStringList(data.pausedSites, 'pausedSites', add);
    if (v) {
      v.forEach((h, i) => {
        if (normaliseHost(h) !== h) add(`pausedSites[${i}]`, `"${h}" is not a lower-case host name like www.facebook.com`);
      });
      settings.pausedSites = v;
    }
  }
  if ('overrideRetentionDays' in data) {
    const v = data.overrideRetentionDays;
    if (!isValidRetention(v)) add('overrideRetentionDays', `expected a whole number of days from ${MIN_RETENTION_DAYS} to ${MAX_RETENTION_DAYS}`);
    else settings.overrideRetentionDays = v;
  }
  return problems.length ? { ok: false, problems } : { ok: true, settings };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function readStringList(v: unknown, path: string, add: (p: string, m: string) => void): string[] | null {
  if (!Array.isArray(v)) {
    add(path, 'expected a list of strings');
    return null;
  }
  let ok = true;
  v.forEach((s, i) => {
    if (typeof s !== 'string') {
      add(`${path}[${i}]`, 'expected a string');
      ok = false;
    }
  });
  return ok ? (v as string[]) : null;
}

/** Checks one register entry from untrusted JSON. */
export function readConsentEntry(raw: unknown, path: string, add: (p: string, m: string) => void): ConsentEntry | null {
  if (!isRecord(raw)) {
    add(path, 'expected an object');
    return null;
  }
  let ok = true;
  const bad = (field: string, msg: string) => {
    add(`${path}.${field}`, msg);
    ok = false;
  };
  for (const k of Object.keys(raw)) {
    if (!['name', 'covers', 'givenBy', 'given', 'expires', 'note'].includes(k)) bad(k, 'unknown field');
  }
  if (typeof raw.name !== 'string') bad('name', 'expected a string');
  const covers = raw.covers;
  if (!isRecord(covers) || typeof covers.name !== 'boolean' || typeof covers.photo !== 'boolean') {
    bad('covers', 'expected { "name": true/false, "photo": true/false }');
  }
  if (raw.givenBy !== 'person' && raw.givenBy !== 'next-of-kin') bad('givenBy', 'expected "person" or "next-of-kin"');
  for (const d of ['given', 'expires'] as const) {
    if (raw[d] !== undefined && (typeof raw[d] !== 'string' || !isIsoDate(raw[d]))) bad(d, 'expected a date written YYYY-MM-DD');
  }
  if (raw.note !== undefined && typeof raw.note !== 'string') bad('note', 'expected a string');
  if (!ok) return null;
  const entry: ConsentEntry = {
    name: raw.name as string,
    covers: { name: (covers as { name: boolean }).name, photo: (covers as { photo: boolean }).photo },
    givenBy: raw.givenBy as ConsentEntry['givenBy'],
  };
  if (raw.given !== undefined) entry.given = raw.given as string;
  if (raw.expires !== undefined) entry.expires = raw.expires as string;
  if (raw.note !== undefined) entry.note = raw.note as string;
  const problems = validateConsentEntry(entry);
  for (const p of problems) add(path, p);
  return problems.length ? null : entry;
}

/** Today as YYYY-MM-DD in the person's time zone. */
export function localToday(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
