// Types shared by the engine, the extension and the CLI.
// Offsets (`start`, `end`) are JavaScript string indices (UTF-16 code units),
// so they can be turned into DOM Ranges directly.

export const CATEGORIES = ['confidentiality', 'consent', 'opinion', 'offensive', 'boundaries'] as const;
export type Category = (typeof CATEGORIES)[number];

export const SEVERITIES = ['info', 'warn', 'block'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const ACCOUNT_CONTEXTS = ['personal', 'business'] as const;
/** Whose voice the post is in: the person's own account, or an organisation's page. */
export type AccountContext = (typeof ACCOUNT_CONTEXTS)[number];

export const SITES = ['facebook', 'linkedin'] as const;
export type Site = (typeof SITES)[number];

/** One person in the consent register kept by page admins. */
export interface ConsentEntry {
  /** The name as it would appear in a post, e.g. "Isobel Grant". */
  name: string;
  /** What the consent covers. */
  covers: { name: boolean; photo: boolean };
  /** Who gave consent. */
  givenBy: 'person' | 'next-of-kin';
  /** ISO date (YYYY-MM-DD) the consent was recorded. */
  given?: string;
  /** ISO date (YYYY-MM-DD) after which the consent no longer counts; absent = no expiry. */
  expires?: string;
  note?: string;
}

/** Everything about where and how a post is written that changes which rules apply. */
export interface CheckContext {
  context: AccountContext;
  /** Absent means "any site" (e.g. the CLI or the options playground). */
  site?: Site;
  /** True when a photo or video is attached in the composer. */
  hasMedia?: boolean;
  /** People who may be named or shown in business posts. */
  consentRegister?: readonly ConsentEntry[];
  /** Rule ids switched off by the user (only honoured where the pack allows it). */
  disabledRules?: readonly string[];
  /** "Today", for consent expiry; defaults to the current date. */
  today?: string;
}

export interface Finding {
  ruleId: string;
  category: Category;
  severity: Severity;
  /** UTF-16 offsets into the checked text; `text.slice(start, end) === excerpt`. */
  start: number;
  end: number;
  excerpt: string;
  message: string;
  suggestion?: string;
  /** The id of the policy clause the rule cites. */
  clause: string;
  clauseTitle: string;
  /** The clause's own text, quoted in the warning. */
  quote: string;
}

export type Verdict = 'ok' | 'warn' | 'block';

export interface CheckResult {
  verdict: Verdict;
  findings: Finding[];
}

/** A problem found while loading a pack: where (JSON path) and why. */
export interface PackProblem {
  path: string;
  message: string;
}
