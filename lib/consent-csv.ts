// Consent register <-> CSV, and a small RFC 4180 CSV reader/writer.
// Pure TypeScript: no DOM, no extension APIs.
//
//   formatConsentCsv(entries)          -> "name,name_consent,photo_consent,given_by,given,expires,note\r\n..."
//   parseConsentCsv(text)              -> { ok: true, entries } | { ok: false, errors: [{ line, message }] }
//
// Columns are found by their header name (any order, case-insensitive), so a
// spreadsheet with the columns rearranged still imports. A file with any bad
// line imports nothing: every problem is reported with its line number.
import type { ConsentEntry } from './types';

export const CONSENT_CSV_COLUMNS = ['name', 'name_consent', 'photo_consent', 'given_by', 'given', 'expires', 'note'] as const;
export type ConsentCsvColumn = (typeof CONSENT_CSV_COLUMNS)[number];

export interface CsvLineError {
  /** 1-based line number in the file where the record starts (the header is line 1). */
  line: number;
  message: string;
}

export type ConsentCsvResult =
  | { ok: true; entries: ConsentEntry[] }
  | { ok: false; errors: CsvLineError[] };

export interface CsvRecord {
  /** 1-based line on which the record starts. */
  line: number;
  fields: string[];
}

export type CsvParseResult = { ok: true; records: CsvRecord[] } | { ok: false; errors: CsvLineError[] };

/**
 * Reads CSV text (RFC 4180: comma separated, fields optionally in double quotes,
 * "" for a quote inside quotes, CRLF or LF line ends; a leading BOM is ignored).
 * Blank lines are skipped.
 */
export function parseCsv(text: string): CsvParseResult {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  const errors: CsvLineError[] = [];
  let line = 1;
  let recordLine = 1;
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let quotedField = false; // the current field was quoted
  let afterQuote = false; // a closing quote was seen; only , or newline may follow
  let badRecord = false;

  const endField = () => {
    fields.push(field);
    field = '';
    quotedField = false;
    afterQuote = false;
  };
  const endRecord = () => {
    endField();
    const blank = fields.length === 1 && fields[0] === '' && !badRecord;
    if (!blank && !badRecord) records.push({ line: recordLine, fields });
    fields = [];
    badRecord = false;
  };

  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (inQuotes) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
          afterQuote = true;
        }
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === ',') {
      endField();
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else if (c === '"') {
      if (field === '' && !quotedField && !afterQuote) {
        inQuotes = true;
        quotedField = true;
      } else {
        if (!badRecord) errors.push({ line, message: 'a double quote inside a field that is not quoted; put the whole field in quotes and write the quote as ""' });
        badRecord = true;
        field += c;
      }
    } else {
      if (afterQuote && !badRecord) {
        errors.push({ line, message: 'text after the closing quote of a field' });
        badRecord = true;
      }
      field += c;
    }
  }
  if (inQuotes) {
    errors.push({ line: recordLine, message: 'a quoted field is never closed (missing ")' });
  } else if (field !== '' || fields.length > 0 || quotedField) {
    endRecord();
  }
  return errors.length ? { ok: false, errors } : { ok: true, records };
}

/** Characters that make spreadsheet programs treat a cell as a formula. */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/** One CSV field: quoted when needed; cells that would run as spreadsheet formulas get a leading apostrophe. */
export function csvField(value: string): string {
  let v = value;
  if (FORMULA_START.test(v)) v = "'" + v;
  return /[",\r\n]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Rows to CSV text with CRLF line ends (what spreadsheets expect). */
export function formatCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Undoes the apostrophe `csvField` puts before formula-like cells. */
function unguard(value: string): string {
  return /^'+[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function parseYesNo(value: string): boolean | null {
  const v = value.trim().toLowerCase();
  if (['yes', 'y', 'true', '1', 'x'].includes(v)) return true;
  if (['no', 'n', 'false', '0', ''].includes(v)) return false;
  return null;
}

function parseGivenBy(value: string): ConsentEntry['givenBy'] | null {
  const v = value.trim().toLowerCase().replace(/[\s_]+/g, '-');
  if (v === 'person' || v === 'self' || v === '') return 'person';
  if (v === 'next-of-kin' || v === 'kin' || v === 'nok') return 'next-of-kin';
  return null;
}

/** The register as CSV with a header row. */
export function formatConsentCsv(entries: readonly ConsentEntry[]): string {
  const rows: string[][] = [[...CONSENT_CSV_COLUMNS]];
  for (const e of entries) {
    rows.push([
      e.name,
      e.covers.name ? 'yes' : 'no',
      e.covers.photo ? 'yes' : 'no',
      e.givenBy,
      e.given ?? '',
      e.expires ?? '',
      e.note ?? '',
    ]);
  }
  return formatCsv(rows);
}

/** Same person? Names are compared ignoring case and repeated spaces. */
export function sameName(a: string, b: string): boolean {
  return normaliseName(a) === normaliseName(b);
}

export function normaliseName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();
}

/** Checks one entry (from the form or a file); returns the problems, empty when fine. */
export function validateConsentEntry(e: ConsentEntry): string[] {
  const problems: string[] = [];
  if (!e.name.trim()) problems.push('name is empty');
  else if (!/\p{L}/u.test(e.name)) problems.push(`name "${e.name}" has no letters`);
  if (!e.covers.name && !e.covers.photo) problems.push('the consent covers neither name nor photo');
  if (e.given !== undefined && !isIsoDate(e.given)) problems.push(`date given "${e.given}" is not a date written YYYY-MM-DD`);
  if (e.expires !== undefined && !isIsoDate(e.expires)) problems.push(`expiry "${e.expires}" is not a date written YYYY-MM-DD`);
  if (e.given && e.expires && isIsoDate(e.given) && isIsoDate(e.expires) && e.expires < e.given) {
    problems.push(`expiry ${e.expires} is before the date given ${e.given}`);
  }
  return problems;
}

/** Reads a register CSV. Any bad line means nothing is imported; every problem is listed. */
export function parseConsentCsv(text: string): ConsentCsvResult {
  const csv = parseCsv(text);
  if (!csv.ok) return csv;
  const [header, ...rows] = csv.records;
  if (!header) return { ok: false, errors: [{ line: 1, message: 'the file is empty; expected a header row: ' + CONSENT_CSV_COLUMNS.join(',') }] };

  const errors: CsvLineError[] = [];
  const index = new Map<ConsentCsvColumn, number>();
  header.fields.forEach((raw, i) => {
    const col = raw.trim().toLowerCase().replace(/[\s-]+/g, '_') as ConsentCsvColumn;
    if (!(CONSENT_CSV_COLUMNS as readonly string[]).includes(col)) {
      errors.push({ line: header.line, message: `unknown column "${raw}"; the columns are ${CONSENT_CSV_COLUMNS.join(', ')}` });
    } else if (index.has(col)) {
      errors.push({ line: header.line, message: `column "${col}" appears twice` });
    } else {
      index.set(col, i);
    }
  });
  if (!index.has('name')) errors.push({ line: header.line, message: 'the header row has no "name" column' });
  if (!index.has('name_consent') && !index.has('photo_consent')) {
    errors.push({ line: header.line, message: 'the header row needs a "name_consent" or "photo_consent" column' });
  }
  if (errors.length) return { ok: false, errors };

  const entries: ConsentEntry[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const problems: string[] = [];
    if (row.fields.length > header.fields.length) {
      problems.push(`${row.fields.length} fields but the header has ${header.fields.length}`);
    }
    const get = (col: ConsentCsvColumn): string => {
      const i = index.get(col);
      return i === undefined ? '' : unguard(row.fields[i] ?? '').trim();
    };
    const name = get('name').replace(/\s+/g, ' ');
    const coversName = parseYesNo(get('name_consent'));
    const coversPhoto = parseYesNo(get('photo_consent'));
    const givenBy = parseGivenBy(get('given_by'));
    if (coversName === null) problems.push(`name_consent "${get('name_consent')}" should be yes or no`);
    if (coversPhoto === null) problems.push(`photo_consent "${get('photo_consent')}" should be yes or no`);
    if (givenBy === null) problems.push(`given_by "${get('given_by')}" should be person or next-of-kin`);
    const entry: ConsentEntry = {
      name,
      covers: { name: coversName ?? false, photo: coversPhoto ?? false },
      givenBy: givenBy ?? 'person',
    };
    const given = get('given');
    const expires = get('expires');
    const note = get('note');
    if (given) entry.given = given;
    if (expires) entry.expires = expires;
    if (note) entry.note = note;
    // with an unreadable yes/no column, "covers neither" would only repeat that problem
    const entryProblems = validateConsentEntry(entry);
    problems.push(
      ...(coversName === null || coversPhoto === null
        ? entryProblems.filter((p) => !p.startsWith('the consent covers neither'))
        : entryProblems),
    );
    const key = normaliseName(name);
    if (name && seen.has(key)) problems.push(`"${name}" is already on line ${seen.get(key)}`);
    if (name && !seen.has(key)) seen.set(key, row.line);
    if (problems.length) errors.push(...problems.map((message) => ({ line: row.line, message })));
    else entries.push(entry);
  }
  return errors.length ? { ok: false, errors } : { ok: true, entries };
}

/** Adds or replaces (by name) the imported entries; returns the new register and what changed. */
export function mergeConsent(
  current: readonly ConsentEntry[],
  incoming: readonly ConsentEntry[],
): { register: ConsentEntry[]; added: number; updated: number } {
  const register = [...current];
  let added = 0;
  let updated = 0;
  // By normalised name, so a 100,000-row import is one pass, not one search per row.
  const at = new Map<string, number>();
  register.forEach((c, i) => at.set(normaliseName(c.name), i));
  for (const e of incoming) {
    const key = normaliseName(e.name);
    const i = at.get(key) ?? -1;
    if (i < 0) at.set(key, register.length);
    if (i >= 0) {
      register[i] = e;
      updated++;
    } else {
      register.push(e);
      added++;
    }
  }
  return { register, added, updated };
}

/** Whether an entry's consent still counts on `today` (YYYY-MM-DD). */
export function consentStatus(e: ConsentEntry, today: string): 'valid' | 'expired' | 'not-yet' {
  if (e.expires && e.expires < today) return 'expired';
  if (e.given && e.given > today) return 'not-yet';
  return 'valid';
}
