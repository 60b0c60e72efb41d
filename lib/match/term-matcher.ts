// A term matcher for one list: the TermIndex with a single group. The engine
// itself puts all of a pack's lists into one index (see engine/compile.ts).
import { tokenise, type Token } from '../text/tokenise';
import { TermIndex, type TermHit } from './term-index';

export type { TermHit } from './term-index';

export interface TermMatcher {
  /** Hits in a piece of text, offsets relative to it. */
  find(text: string): TermHit[];
  /** Hits in already tokenised text. */
  findInTokens(tokens: readonly Token[]): TermHit[];
  readonly size: number;
}

export interface TermMatcherOptions {
  /** Also match simple endings (-s, -ed, -ing, ...) on a term's last word. Default true. */
  inflect?: boolean;
}

export function createTermMatcher(terms: readonly string[], options: TermMatcherOptions = {}): TermMatcher {
  const index = new TermIndex();
  index.addGroup(terms, options.inflect ?? true);
  const findInTokens = (tokens: readonly Token[]) => index.find(tokens)[0]!;
  return { find: (text) => findInTokens(tokenise(text)), findInTokens, size: index.size };
}
