// Turns a pack's matchers into a tree the engine evaluates. Leaves (terms,
// patterns, detectors, NLP) get ids so their per-sentence results can be
// cached and shared between rules; "ref" points at the same compiled node.
import nlp from 'compromise';
import { DETECTORS } from '../detectors';
import type { Span } from '../detectors/span';
import { compilePattern, patternSpans } from '../pack/pattern';
import { TermIndex } from '../match/term-index';
import type { Matcher, Pack } from '../pack/schema';
import type { SegmentState } from './segment-state';

export type Node =
  | { kind: 'leaf'; id: number; run: (seg: SegmentState) => Span[]; consentAware?: boolean }
  | { kind: 'nlp'; id: number; trigger?: Node; run: (seg: SegmentState) => Span[] }
  | { kind: 'media' }
  | { kind: 'all'; children: Node[]; within: 'sentence' | 'post'; marks: number[]; order: number[] }
  | { kind: 'any'; children: Node[] }
  | { kind: 'not'; child: Node };

type NlpDoc = ReturnType<typeof nlp>;

export interface Compiled {
  compile: (m: Matcher) => Node;
  /** Spans of the pack's exception phrases in a sentence: no finding counts inside them. */
  exceptions: (seg: SegmentState) => Span[];
}

export function compileMatchers(pack: Pack): Compiled {
  let nextId = 0;
  // Every list and term set goes into one index, looked up once per sentence.
  const index = new TermIndex();
  const exceptionGroup = index.addExceptions(pack.exceptions);
  const groups = new Map<string, number>();
  const refs = new Map<string, Node>();

  const terms = (key: string, list: readonly string[], inflect: boolean): Node => {
    const k = `${key}|${inflect}`;
    let group = groups.get(k);
    if (group === undefined) groups.set(k, (group = index.addGroup(list, inflect)));
    const g = group;
    return { kind: 'leaf', id: nextId++, run: (seg) => seg.termHits(index)[g]! };
  };

  const compile = (m: Matcher): Node => {
    if ('terms' in m) return terms(JSON.stringify(m.terms), m.terms, m.inflect ?? true);
    if ('list' in m) return terms(`list:${m.list}`, pack.lists[m.list] ?? [], m.inflect ?? true);
    if ('pattern' in m) {
      const pattern = compilePattern(m.pattern, m.flags);
      return { kind: 'leaf', id: nextId++, run: (seg) => patternSpans(pattern, seg.text) };
    }
    if ('detector' in m) {
      const detect = DETECTORS[m.detector];
      return { kind: 'leaf', id: nextId++, run: (seg) => detect(seg.text, seg.tokens), consentAware: m.exceptConsented };
    }
    if ('nlp' in m) {
      const expr = m.nlp;
      const trigger = m.trigger ? compile(m.trigger) : undefined;
      // Tagging is most of compromise's cost; an expression that names no
      // #Tag, @method or ~fuzzy~ word only needs the (much cheaper) tokeniser.
      const needsTags = /[#@~]/.test(expr);
      return {
        kind: 'nlp',
        id: nextId++,
        trigger,
        run: (seg) => {
          const doc = needsTags ? (seg.doc ??= nlp(seg.text)) : (seg.tokenDoc ??= nlp.tokenize(seg.text));
          const found = (doc as NlpDoc).match(expr).json({ offset: true }) as { offset: { start: number; length: number } }[];
          return found.map((f) => trimSpan(seg.text, f.offset.start, f.offset.start + f.offset.length));
        },
      };
    }
    if ('ref' in m) {
      let node = refs.get(m.ref);
      if (!node) refs.set(m.ref, (node = compile(pack.matchers[m.ref]!)));
      return node;
    }
    if ('media' in m) return { kind: 'media' };
    if ('all' in m) {
      const children = m.all.map(compile);
      // Cheap children first: a sentence without the listed words never reaches the parser.
      const order = children.map((_, i) => i).sort((a, b) => cost(children[a]!) - cost(children[b]!));
      return { kind: 'all', children, within: m.within ?? 'sentence', marks: [m.mark ?? 0].flat(), order };
    }
    if ('any' in m) return { kind: 'any', children: m.any.map(compile) };
    return { kind: 'not', child: compile(m.not) };
  };
  return { compile, exceptions: (seg) => seg.termHits(index)[exceptionGroup]! };
}

function cost(node: Node): number {
  return node.kind === 'nlp' ? 2 : node.kind === 'all' || node.kind === 'any' ? 1 : 0;
}

/** compromise includes trailing punctuation in a match; highlight the words only. */
function trimSpan(text: string, start: number, end: number): Span {
  while (end > start && /[\s.,;:!?]/.test(text[end - 1]!)) end--;
  return { start, end };
}
