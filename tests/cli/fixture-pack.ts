// A small pack whose behaviour the CLI tests can rely on, whatever the bundled pack says.
export const BLOCK_TERM = 'bluebird';
export const WARN_TERM = 'rubbish manager';
export const BUSINESS_TERM = 'discount code';

export const CLAUSE_PROJECTS = 'Staff must not name unreleased projects in any public post or comment.';
export const CLAUSE_TONE = 'Keep anything you say about work and colleagues courteous.';

export function fixturePack(): Record<string, unknown> {
  return {
    schemaVersion: 1,
    meta: {
      id: 'cli-fixture',
      name: 'CLI fixture pack',
      version: '1.0.0',
      organisation: 'PostGuard tests',
      policy: { title: 'Test policy', date: '2026-01-01' },
    },
    clauses: [
      { id: 'projects', title: 'Unreleased projects', text: CLAUSE_PROJECTS },
      { id: 'tone', title: 'Tone', text: CLAUSE_TONE },
    ],
    rules: [
      {
        id: 'project-name',
        category: 'confidentiality',
        severity: 'block',
        contexts: ['personal', 'business'],
        clause: 'projects',
        message: 'This names an unreleased project.',
        match: { terms: [BLOCK_TERM] },
        examples: { flag: ['We start on Bluebird next week'], pass: ['Birds are lovely in spring'] },
      },
      {
        id: 'grumble',
        category: 'boundaries',
        severity: 'warn',
        contexts: ['personal'],
        clause: 'tone',
        message: 'This complains about work in public.',
        match: { terms: [WARN_TERM] },
        examples: { flag: ['my rubbish manager again'], pass: ['my manager is great'] },
      },
      {
        id: 'discounts',
        category: 'confidentiality',
        severity: 'warn',
        contexts: ['business'],
        clause: 'projects',
        message: 'Discount codes are announced by marketing only.',
        match: { terms: [BUSINESS_TERM] },
        examples: { flag: [{ text: 'Use discount code SPRING', context: 'business' }], pass: [{ text: 'Spring is here', context: 'business' }] },
      },
      {
        id: 'photo',
        category: 'consent',
        severity: 'warn',
        contexts: ['business'],
        clause: 'projects',
        message: 'Photos need consent from everyone shown.',
        match: { media: true },
        examples: { flag: [{ text: 'Our party', context: 'business', hasMedia: true }], pass: [{ text: 'Our party', context: 'business' }] },
      },
    ],
  };
}
