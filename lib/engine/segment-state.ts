// What the engine knows about one sentence. It depends on the sentence's text
// alone, so it is cached by text and reused while the person keeps typing.
import type { Span } from '../detectors/span';
import type { TermHit, TermIndex } from '../match/term-index';
import { tokenise, type Token } from '../text/tokenise';

export class SegmentState {
  private tokenCache: Token[] | undefined;
  private termCache: TermHit[][] | undefined;
  /** Results of leaf matchers, by leaf id, filled in as rules ask. */
  readonly leaves = new Map<number, Span[]>();
  /** The learned layer's score of this sentence's text, per category (its dot products). */
  modelDots: Float64Array | undefined;
  /** The compromise document, parsed only if an NLP rule's trigger fires. */
  doc: unknown;
  /** The same, tokenised but not tagged, for expressions that use no tags. */
  tokenDoc: unknown;

  constructor(readonly text: string) {}

  get tokens(): Token[] {
    this.tokenCache ??= tokenise(this.text);
    return this.tokenCache;
  }

  /** Hits of every word list in the pack, by list; one pass over the tokens. */
  termHits(index: TermIndex): TermHit[][] {
    this.termCache ??= index.find(this.tokens);
    return this.termCache;
  }
}
