// A 1 MB post (a pasted document, a runaway script) must finish in bounded time.
// No timing assertions beyond vitest's timeout: CI machines vary.
import { describe, it } from 'vitest';
import { makePost } from '../../bench/posts';
import { createEngine, defaultPack, type CheckContext } from '../../lib/index';
import { EXAMPLE_TEXTS } from './arbitraries';
import { expectValidResult } from './invariants';

const MB = 1_000_000;
const engine = createEngine(defaultPack);
const fill = (unit: string) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);

const inputs: [string, () => string][] = [
  ['ordinary posts', () => makePost(MB, 1)],
  ['the pack examples over and over (many findings)', () => fill(`${EXAMPLE_TEXTS.join(' ')}\n`)],
  ['one line of words with no punctuation', () => fill('and then we went to the shop ')],
  ['a single 1 MB word', () => 'a'.repeat(MB)],
  ['emoji only', () => fill('😀👩‍👩‍👧🇬🇧')],
  ['disguised swearing', () => fill('sh*t f**k fuuuuck $h1t a s s ')],
  ['digits and phone-like runs', () => fill('07700 900982 0131 496 0000 ')],
  ['capitalised words (name-like)', () => fill('Mr Brian Walsh Isobel Grant ')],
  ['punctuation only', () => fill('.!?,;:-')],
  ['whitespace only', () => fill(' \n\t')],
];

// Generous: a busy 2-core CI machine took over two minutes for the slowest of these.
const TIMEOUT = 300_000;
/** Business posts run the consent and name rules: the inputs that give them work. */
const BUSINESS_INPUTS = new Set(['ordinary posts', 'the pack examples over and over (many findings)', 'capitalised words (name-like)']);

describe('a 1 MB post', () => {
  describe('personal context', () => {
    const ctx: CheckContext = { context: 'personal', site: 'facebook' };
    it.each(inputs)('finishes: %s', (_name, make) => {
      const text = make();
      expectValidResult(text, ctx, engine.check(text, ctx));
    }, TIMEOUT);
  });

  describe('business context, with a photo', () => {
    const ctx: CheckContext = { context: 'business', site: 'linkedin', hasMedia: true };
    it.each(inputs.filter(([name]) => BUSINESS_INPUTS.has(name)))('finishes: %s', (_name, make) => {
      const text = make();
      expectValidResult(text, ctx, engine.check(text, ctx));
    }, TIMEOUT);
  });

  it('finishes in a session while typing at its end', () => {
    const ctx: CheckContext = { context: 'personal', site: 'facebook' };
    const session = engine.session();
    let text = makePost(MB, 2);
    session.check(text, ctx);
    for (const ch of ' hell') {
      text += ch;
      expectValidResult(text, ctx, session.check(text, ctx));
    }
  }, TIMEOUT);
});
