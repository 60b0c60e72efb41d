// Every value read from storage is checked here before anyone uses it. Storage
// can hold anything: an older version's shape, a value IT typed by hand in a
// policy, or something another script wrote. A bad value is repaired (a string
// where a list belongs becomes a one-item list) or dropped, never thrown on,
// and the problem is described so the options page can say what it changed.
import { z } from 'zod';
import { validateConsentEntry } from '../lib/consent-csv';
import type { ConsentEntry } from '../lib/types';
import type { Locks, OrgPages, OverrideEntry } from './settings-types';

/** A repaired value and, when something had to change, what (in plain words). */
export interface Repaired<T> {
  value: T;
  problems: string[];
}

const ok = <T>(value: T): Repaired<T> => ({ value, problems: [] });

/** A list of strings; one string becomes a one-item list; other items are dropped. */
export function repairStringList(raw: unknown, what: string): Repaired<string[]> {
  if (raw === undefined || raw === null) return ok([]);
  if (typeof raw === 'string') return { value: raw.trim() ? [raw] : [], problems: [`${what} was a single text, not a list`] };
  if (!Array.isArray(raw)) return { value: [], problems: [`${what} was not a list and was cleared`] };
  const value = raw.filter((x): x is string => typeof x === 'string');
  const dropped = raw.length - value.length;
  return { value, problems: dropped ? [`${what}: ${dropped} item(s) that were not text were dropped`] : [] };
}

export function repairOrgPages(raw: unknown, what = 'organisation pages'): Repaired<OrgPages> {
  if (raw === undefined || raw === null) return ok({ facebook: [], linkedin: [] });
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { value: { facebook: [], linkedin: [] }, problems: [`${what} were not a list per site and were cleared`] };
  }
  const record = raw as Record<string, unknown>;
  const facebook = repairStringList(record.facebook, `${what} (Facebook)`);
  const linkedin = repairStringList(record.linkedin, `${what} (LinkedIn)`);
  return { value: { facebook: facebook.value, linkedin: linkedin.value }, problems: [...facebook.problems, ...linkedin.problems] };
}

/** The organisation's pages from managed storage: null when IT set none. */
export function repairManagedOrgPages(raw: unknown): Repaired<OrgPages | null> {
  if (raw === undefined || raw === null) return ok(null);
  return repairOrgPages(raw, "the organisation's pages (set by IT)");
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const consentEntrySchema = z.object({
  name: z.string().regex(/\p{L}/u),
  covers: z.object({ name: z.boolean(), photo: z.boolean() }),
  givenBy: z.enum(['person', 'next-of-kin']),
  given: isoDate.optional(),
  expires: isoDate.optional(),
  note: z.string().optional(),
});

/** Keeps the register's valid entries; the rest are dropped and counted. */
export function repairConsentRegister(raw: unknown): Repaired<ConsentEntry[]> {
  if (raw === undefined || raw === null) return ok([]);
  if (!Array.isArray(raw)) return { value: [], problems: ['the consent register was not a list and could not be read'] };
  const value: ConsentEntry[] = [];
  for (const item of raw) {
    const parsed = consentEntrySchema.safeParse(item);
    if (parsed.success && validateConsentEntry(parsed.data).length === 0) value.push(parsed.data);
  }
  const dropped = raw.length - value.length;
  return { value, problems: dropped ? [`the consent register: ${dropped} unreadable entr${dropped === 1 ? 'y was' : 'ies were'} dropped`] : [] };
}

/** Pack text: a string or nothing. */
export function repairPackText(raw: unknown, what: string): Repaired<string | null> {
  if (raw === undefined || raw === null) return ok(null);
  if (typeof raw === 'string') return ok(raw);
  return { value: null, problems: [`${what} was not text and was ignored`] };
}

export function repairLocks(raw: unknown): Repaired<Partial<Locks> | null> {
  if (raw === undefined || raw === null) return ok(null);
  if (typeof raw !== 'object' || Array.isArray(raw)) return { value: null, problems: ['the locks set by IT were not readable'] };
  const record = raw as Record<string, unknown>;
  const value: Partial<Locks> = {};
  const problems: string[] = [];
  for (const key of ['cannotPause', 'cannotDisableRules', 'cannotChangePack'] as const) {
    const v = record[key];
    if (v === undefined) continue;
    // A lock written as text ("true") is still meant as a lock: fail towards locked.
    if (typeof v === 'boolean') value[key] = v;
    else {
      value[key] = v === 'true' || v === 1;
      problems.push(`the lock ${key} was not true or false`);
    }
  }
  return { value, problems };
}

const overrideSchema = z.object({
  time: z.string(),
  site: z.enum(['facebook', 'linkedin']),
  context: z.enum(['personal', 'business']),
  ruleIds: z.array(z.string()),
  reason: z.string(),
});

export function repairOverridesLog(raw: unknown): Repaired<OverrideEntry[]> {
  if (raw === undefined || raw === null) return ok([]);
  if (!Array.isArray(raw)) return { value: [], problems: ['the overrides log was not a list and could not be read'] };
  const value = raw.flatMap((item) => {
    const parsed = overrideSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
  const dropped = raw.length - value.length;
  return { value, problems: dropped ? [`the overrides log: ${dropped} unreadable entr${dropped === 1 ? 'y was' : 'ies were'} dropped`] : [] };
}

export function repairRetentionDays(raw: unknown, fallback: number): Repaired<number> {
  if (raw === undefined || raw === null) return ok(fallback);
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 1 && raw <= 3650) return ok(raw);
  return { value: fallback, problems: [`the overrides log's retention was not a number of days; ${fallback} days is used`] };
}
