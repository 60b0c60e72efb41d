// Each personal-data detector, through the rules that use it.
import { describe, expect, it } from 'vitest';
import { business, findings, personal } from './helpers';

const excerpts = (text: string, ruleId: string, ctx = personal) => findings(text, ctx, ruleId).map((f) => f.excerpt);

describe('personal data', () => {
  it('UK mobile numbers, in any spacing', () => {
    expect(excerpts('ring his mum on 07700 900982 please', 'confidentiality.phone-email')).toEqual(['07700 900982']);
    expect(excerpts('text her on +44 7700-900-123', 'confidentiality.phone-email')).toEqual(['+44 7700-900-123']);
  });

  it('not the organisation\'s own landline on its page', () => {
    expect(excerpts('We are closed Monday. Call 0131 555 0101 in an emergency.', 'confidentiality.phone-email', business)).toEqual([]);
  });

  it('email addresses, except "email us"', () => {
    expect(excerpts("Her daughter's email is jo.bloggs@example.com", 'confidentiality.phone-email')).toEqual(['jo.bloggs@example.com']);
    expect(excerpts('Email us at info@example.org', 'confidentiality.phone-email', business)).toEqual([]);
  });

  it('street addresses and postcodes', () => {
    expect(excerpts('Cards can be sent to 5 Willowbrae Road, Edinburgh EH8 7HA.', 'confidentiality.address')).toEqual(['5 Willowbrae Road', 'EH8 7HA']);
  });

  it('NHS numbers by their check digit, CHI numbers by their date', () => {
    expect(excerpts('number 943 476 5919 for the records', 'confidentiality.id-number')).toEqual(['943 476 5919']);
    expect(excerpts('number 943 476 5918 for the records', 'confidentiality.id-number')).toEqual([]);
    expect(excerpts('her CHI 120345 6789', 'confidentiality.id-number')).toEqual(['120345 6789']);
  });

  it('National Insurance numbers and dates of birth', () => {
    expect(excerpts('NI number AB 12 34 56 C', 'confidentiality.id-number')).toEqual(['AB 12 34 56 C']);
    expect(excerpts('Alan, born 14/02/1935, joined us', 'confidentiality.id-number')).toEqual(['born 14/02/1935']);
    expect(excerpts('DOB: 3 March 1941', 'confidentiality.id-number')).toEqual(['DOB: 3 March 1941']);
    expect(excerpts('We were born to do this in 2024', 'confidentiality.id-number')).toEqual([]);
  });

  it('client and case reference numbers', () => {
    expect(excerpts('Client ID 44817 has moved', 'confidentiality.reference-number')).toEqual(['Client ID 44817']);
    expect(excerpts('Our client base grew 100%', 'confidentiality.reference-number')).toEqual([]);
  });

  it('door codes, key safes and passwords, up to the secret itself', () => {
    expect(excerpts('New keypad code for the staff entrance is 2580, please memorise it.', 'confidentiality.security-code')).toEqual([
      'keypad code for the staff entrance is 2580',
    ]);
    expect(excerpts('Key safe at number 14 is 0812', 'confidentiality.security-code')).toEqual(['Key safe at number 14 is 0812']);
    expect(excerpts('wifi password for the home: Larch2024!', 'confidentiality.security-code')).toEqual(['wifi password for the home: Larch2024']);
    expect(excerpts('I reset my password today', 'confidentiality.security-code')).toEqual([]);
  });
});

describe('people', () => {
  const names = (text: string) => excerpts(text, 'consent.named-person', business);

  it('finds first names, titles and surnames', () => {
    expect(names('Congratulations to Isobel Grant who turned 100 today!')).toEqual(['Isobel Grant']);
    expect(names("Mrs O'Neill enjoyed the garden.")).toEqual(["Mrs O'Neill"]);
    expect(names('Pictures with Hamish and Morag reading poems!')).toEqual(['Hamish', 'Morag']);
    expect(names("Lewis's medication")).toEqual(['Lewis']);
  });

  it('does not take months, days, places or organisations for people', () => {
    expect(names('Our summer fete is on Sunday 21 June from 1pm.')).toEqual([]);
    expect(names('Partnership with the University of Stirling.')).toEqual([]);
    expect(names('Will you join us? May is a busy month.')).toEqual([]);
  });
});
