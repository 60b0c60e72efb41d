import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  consentStatus,
  formatConsentCsv,
  formatCsv,
  isIsoDate,
  mergeConsent,
  parseConsentCsv,
  parseCsv,
  validateConsentEntry,
} from '../../lib/consent-csv';
import type { ConsentEntry } from '../../lib/types';

const HEADER = 'name,name_consent,photo_consent,given_by,given,expires,note';

describe('parseCsv', () => {
  it('reads quoted fields with commas, quotes and newlines, CRLF and a BOM', () => {
    const r = parseCsv('\ufeffa,"b, c","say ""hi"""\r\n"multi\nline",x,\r\n\r\n');
    expect(r).toEqual({
      ok: true,
      records: [
        { line: 1, fields: ['a', 'b, c', 'say "hi"'] },
        { line: 2, fields: ['multi\nline', 'x', ''] },
      ],
    });
  });

  it('counts physical lines so errors point at the right place', () => {
    const r = parseCsv('h\n"two\nlines"\nthree');
    expect(r.ok && r.records.map((x) => x.line)).toEqual([1, 2, 4]);
  });

  it('reports an unclosed quote and a stray quote with line numbers', () => {
    expect(parseCsv('a\n"open,b\nc')).toEqual({ ok: false, errors: [{ line: 2, message: expect.stringContaining('never closed') }] });
    const r = parseCsv('a\nab"c\n"x"y');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.line)).toEqual([2, 3]);
  });

  it('round-trips any table of strings', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
        (rows) => {
          // a row made of a single empty field is a blank line, which the reader skips
          const kept = rows.filter((r) => !(r.length === 1 && r[0] === ''));
          const r = parseCsv(formatCsv(kept));
          if (!r.ok) return false;
          const unguard = (v: string) => (/^'+[=+\-@\t\r]/.test(v) ? v.slice(1) : v);
          expect(r.records.map((x) => x.fields.map(unguard))).toEqual(kept);
          return true;
        },
      ),
    );
  });
});

describe('consent register CSV', () => {
  const entries: ConsentEntry[] = [
    { name: 'Isobel Grant', covers: { name: true, photo: true }, givenBy: 'person', given: '2025-01-10', expires: '2027-01-10' },
    { name: 'Tom "Tommy" O\'Neill, Jr', covers: { name: true, photo: false }, givenBy: 'next-of-kin', given: '2025-03-01', note: 'daughter signed\nform B' },
    { name: '=HYPERLINK("http://x")', covers: { name: true, photo: false }, givenBy: 'person' },
    { name: '<img src=x onerror=alert(1)>', covers: { name: false, photo: true }, givenBy: 'person' },
  ];

  it('formats a header row and round-trips entries', () => {
    const csv = formatConsentCsv(entries);
    expect(csv.split('\r\n')[0]).toBe(HEADER);
    expect(csv).toContain(`"Tom ""Tommy"" O'Neill, Jr"`);
    // formula-like cells are defused for spreadsheets
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(parseConsentCsv(csv)).toEqual({ ok: true, entries });
  });

  it('accepts columns in any order, yes/no spellings and a missing optional column', () => {
    const r = parseConsentCsv('Photo Consent,Name,name_consent\nY,Ann Lee,no\n');
    expect(r).toEqual({ ok: true, entries: [{ name: 'Ann Lee', covers: { name: false, photo: true }, givenBy: 'person' }] });
  });

  it('lists every bad line with its number and imports nothing', () => {
    const csv = [
      HEADER,
      'Ann Lee,yes,no,person,2025-01-01,,',
      ',yes,no,person,,,',
      'Bob Ray,maybe,no,cousin,2025-02-30,,',
      'Cy Dee,no,no,person,,,',
      'Dee Ell,yes,yes,person,2025-05-01,2025-04-01,',
      'ann  lee,yes,no,person,,,',
      'Too,yes,no,person,,,,extra',
    ].join('\n');
    const r = parseConsentCsv(csv);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byLine = (n: number) => r.errors.filter((e) => e.line === n).map((e) => e.message);
    expect(byLine(2)).toEqual([]);
    expect(byLine(3)).toEqual(['name is empty']);
    expect(byLine(4).join(' | ')).toMatch(/name_consent "maybe".*given_by "cousin".*2025-02-30/);
    expect(byLine(5)).toEqual(['the consent covers neither name nor photo']);
    expect(byLine(6)).toEqual([expect.stringContaining('before the date given')]);
    expect(byLine(7)).toEqual([expect.stringContaining('already on line 2')]);
    expect(byLine(8)).toEqual([expect.stringContaining('8 fields but the header has 7')]);
  });

  it('rejects unknown, duplicate and missing header columns', () => {
    const r = parseConsentCsv('name,name,colour\nA,B,C');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.every((e) => e.line === 1)).toBe(true);
      expect(r.errors.map((e) => e.message).join(' | ')).toMatch(/appears twice.*unknown column "colour".*name_consent/);
    }
    expect(parseConsentCsv('')).toEqual({ ok: false, errors: [{ line: 1, message: expect.stringContaining('empty') }] });
  });

  it('merges by name, replacing the old entry', () => {
    const { register, added, updated } = mergeConsent(entries.slice(0, 2), [
      { name: 'isobel grant', covers: { name: true, photo: false }, givenBy: 'person' },
      { name: 'New Person', covers: { name: true, photo: false }, givenBy: 'person' },
    ]);
    expect([added, updated, register.length]).toEqual([1, 1, 3]);
    expect(register[0]!.covers.photo).toBe(false);
  });

  it('refuses a name with no visible letters, with its line', () => {
    const r = parseConsentCsv(`${HEADER}\nIsobel Grant,yes,no,person,,,\n\u200B\u200B,yes,no,person,,,\n123,yes,no,person,,,\n`);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.line)).toEqual([3, 4]);
    expect(r.errors[0]!.message).toMatch(/no letters/);
  });

  it('imports 100,000 rows onto a register of 100,000 in one pass', () => {
    const rows = (from: number) => Array.from({ length: 100_000 }, (_, i) => `Person ${String.fromCharCode(65 + ((from + i) % 26))}${from + i},yes,no,person,,,`);
    const first = parseConsentCsv([HEADER, ...rows(0)].join('\n'));
    const second = parseConsentCsv([HEADER, ...rows(50_000)].join('\n'));
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    const { register, added, updated } = mergeConsent(first.entries, second.entries);
    expect([added, updated, register.length]).toEqual([50_000, 50_000, 150_000]);
  }, 20_000);
});

describe('consent entry checks', () => {
  it('validates real calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-2-1')).toBe(false);
    expect(validateConsentEntry({ name: 'A', covers: { name: true, photo: false }, givenBy: 'person', expires: 'soon' })).toEqual([
      expect.stringContaining('"soon"'),
    ]);
  });

  it('tells valid, expired and not-yet-given consent apart', () => {
    const e: ConsentEntry = { name: 'A', covers: { name: true, photo: false }, givenBy: 'person', given: '2025-01-01', expires: '2025-12-31' };
    expect(consentStatus(e, '2025-06-01')).toBe('valid');
    expect(consentStatus(e, '2025-12-31')).toBe('valid');
    expect(consentStatus(e, '2026-01-01')).toBe('expired');
    expect(consentStatus(e, '2024-12-31')).toBe('not-yet');
  });
});
