// Checks a post against a pack. The post is split into sentences; every leaf
// matcher runs at most once per sentence and its result is cached with the
// sentence, so a session (one composer while someone types) only re-checks the
// sentence that changed. Rules then combine the cached results.
import type { Span } from '../detectors/span';
import type { Pack, Rule } from '../pack/schema';
import { splitSegments } from '../text/segments';
import type { CheckContext, CheckResult, Finding, Severity, Verdict } from '../types';
import { bundledModel } from '../model/bundled';
import type { Model } from '../model/model';
import { compileMatchers, type Node } from './compile';
import { hasConsent } from './consent';
import { weighFindings } from './model-findings';
import { SegmentState } from './segment-state';
import { foldEvasions, typedSpan, type FoldedText } from '../text/evasions';

export interface Engine {
  readonly pack: Pack;
  /** A full check, sharing nothing with earlier checks. */
  check(text: string, ctx: CheckContext): CheckResult;
  /** A checker for one composer: reuses the work of its previous check. */
  session(): CheckSession;
  /** The rules that apply in a context (after switched-off rules are removed). */
  rulesFor(ctx: CheckContext): Rule[];
  /** The findings of one rule only (its examples are tested this way: linear in the number of rules). */
  checkRule(text: string, ctx: CheckContext, ruleId: string): CheckResult;
}

export interface CheckSession {
  check(text: string, ctx: CheckContext): CheckResult;
}

export interface CompiledRule {
  rule: Rule;
  node: Node;
  /** Its result for a post is the union of its results per sentence (see isSentenceLocal). */
  sentenceLocal: boolean;
  clauseTitle: string;
  quote: string;
}

/** Where a matcher is evaluated: some sentences of the post, with their offsets. */
interface Scope {
  segs: SegmentState[];
  offsets: number[];
  text: string;
  ctx: CheckContext;
}

export interface Outcome {
  matched: boolean;
  spans: Span[];
}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warn: 1, block: 2 };

export interface EngineOptions {
  /** The learned layer. Default: the bundled model when the pack asks for it; `null` = rules only. */
  model?: Model | null;
}

export function createEngine(pack: Pack, options: EngineOptions = {}): Engine {
  const model = options.model === undefined ? (pack.model ? bundledModel() : null) : options.model;
  const { compile, exceptions } = compileMatchers(pack);
  const needsModel = new Set(pack.rules.filter((r) => r.needsModel).map((r) => r.id));
  const clauses = new Map(pack.clauses.map((c) => [c.id, c]));
  const rules: CompiledRule[] = pack.rules.map((rule) => {
    const clause = clauses.get(rule.clause)!;
    const node = compile(rule.match);
    return { rule, node, sentenceLocal: isSentenceLocal(node), clauseTitle: clause.title, quote: clause.text };
  });

  const applies = (r: Rule, ctx: CheckContext): boolean =>
    r.contexts.includes(ctx.context) &&
    (!r.sites || !ctx.site || r.sites.includes(ctx.site)) &&
    !(ctx.disabledRules?.includes(r.id) && canDisable(r));

  const byId = new Map(rules.map((r) => [r.rule.id, r]));
  // Matches of sentence-local rules, per sentence and context key, offsets
  // within the sentence: kept beside each sentence's state (and dropped with
  // it), so a keystroke re-evaluates them for the edited sentence only.
  const sentenceResults = new WeakMap<SegmentState, Map<string, { rule: CompiledRule; outcome: Outcome }[]>>();

  const run = (typed: string, ctx: CheckContext, cache: Map<string, SegmentState>, onlyRule?: string): CheckResult => {
    // Invisible characters and look-alike digits are folded away first (text/evasions.ts).
    const folded = foldEvasions(typed);
    const text = folded ? folded.text : typed;
    const segments = splitSegments(text);
    // Reuse what the last check learnt about each sentence; a sentence that
    // appears twice in the post is worked out once.
    const current = new Map<string, SegmentState>();
    const segs = segments.map((s) => {
      let seg = current.get(s.text) ?? cache.get(s.text);
      if (!seg) seg = new SegmentState(s.text);
      current.set(s.text, seg);
      return seg;
    });
    const scope: Scope = { segs, offsets: segments.map((s) => s.start), text, ctx };
    const candidates = onlyRule === undefined ? rules : [byId.get(onlyRule)].filter((r) => r !== undefined);
    const applicable = candidates.filter((r) => applies(r.rule, ctx));
    const outcomes = new Map<CompiledRule, Outcome>();
    // Sentence-local rules: each sentence keeps its results for this context,
    // so a keystroke re-evaluates them for the edited sentence only.
    const local = applicable.filter((r) => r.sentenceLocal);
    const key = contextKey(ctx);
    for (let i = 0; i < segs.length; i++) {
      const seg = segs[i]!;
      let bySentence = sentenceResults.get(seg);
      if (!bySentence) sentenceResults.set(seg, (bySentence = new Map()));
      let results = bySentence.get(key);
      if (!results) {
        results = [];
        for (const r of local) {
          const o = evaluate(r.node, single(scope, i, 0));
          if (o.matched) results.push({ rule: r, outcome: o });
        }
        bySentence.set(key, results);
      }
      for (const { rule, outcome } of results) {
        let o = outcomes.get(rule);
        if (!o) outcomes.set(rule, (o = { matched: true, spans: [] }));
        appendShifted(o.spans, outcome.spans, scope.offsets[i]!);
      }
    }
    for (const r of applicable) if (!r.sentenceLocal) outcomes.set(r, evaluate(r.node, scope));
    let findings: Finding[] = [];
    for (const r of applicable) {
      const o = outcomes.get(r);
      if (!o?.matched) continue;
      const marks = o.spans.length > 0 ? mergeSpans(o.spans) : [{ start: 0, end: 0 }];
      for (const sp of marks) findings.push(toFinding(r, sp, text));
    }
    cache.clear();
    for (const [key, seg] of current) cache.set(key, seg);
    findings = outsideExceptions(findings, segs, scope.offsets, exceptions);
    if (model) findings = weighFindings(pack, model, segs, scope.offsets, text, ctx, findings, needsModel);
    if (folded) findings = findings.map((f) => asTyped(f, folded, typed));
    findings.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
    return { verdict: verdictOf(findings), findings };
  };

  return {
    pack,
    check: (text, ctx) => run(text, ctx, new Map()),
    session: () => {
      const cache = new Map<string, SegmentState>();
      return { check: (text, ctx) => run(text, ctx, cache) };
    },
    rulesFor: (ctx) => rules.map((r) => r.rule).filter((r) => applies(r, ctx)),
    checkRule: (text, ctx, ruleId) => run(text, ctx, new Map(), ruleId),
  };
}

/** Which rules apply depends on these; sentences keep results per combination. */
function contextKey(ctx: CheckContext): string {
  return `${ctx.context}|${ctx.site ?? ''}|${(ctx.disabledRules ?? []).join(',')}`;
}

/** Rules at `block` stay on unless the pack says they may be switched off. */
export function canDisable(rule: Rule): boolean {
  return rule.canDisable ?? rule.severity !== 'block';
}

/**
 * A rule whose matcher looks at one sentence at a time and at nothing but the
 * text (no whole-post combination, no attached media, no consent register)
 * gives, for a post, the union of its results per sentence. Those results are
 * cached with the sentence, so typing re-evaluates it for one sentence only.
 */
function isSentenceLocal(node: Node): boolean {
  switch (node.kind) {
    case 'leaf':
      return !node.consentAware;
    case 'nlp':
      return !node.trigger || isSentenceLocal(node.trigger);
    case 'media':
      return false;
    case 'not':
      return isSentenceLocal(node.child);
    case 'any':
      return node.children.every(isSentenceLocal);
    case 'all':
      return node.within === 'sentence' && node.children.every(isSentenceLocal);
  }
}

const EMPTY: Span[] = [];
const NO_MATCH: Outcome = { matched: false, spans: EMPTY };
const MATCH_WITHOUT_SPANS: Outcome = { matched: true, spans: EMPTY };

/**
 * Evaluates a matcher in a scope. With `needSpans` false only `matched` is
 * wanted (an `all` child that is not highlighted), so it stops at the first hit.
 */
function evaluate(node: Node, scope: Scope, needSpans = true): Outcome {
  switch (node.kind) {
    case 'leaf': {
      if (node.consentAware) {
        const spans = leafSpans(node, scope, true).filter((s) => !hasConsent(scope.text.slice(s.start, s.end), scope.text, scope.ctx));
        return spans.length > 0 ? { matched: true, spans } : NO_MATCH;
      }
      const spans = leafSpans(node, scope, needSpans);
      return spans.length > 0 ? { matched: true, spans } : NO_MATCH;
    }
    case 'nlp': {
      let spans: Span[] = EMPTY;
      for (let i = 0; i < scope.segs.length; i++) {
        if (node.trigger && !evaluate(node.trigger, single(scope, i), false).matched) continue;
        const found = cached(scope.segs[i]!, node.id, node.run);
        if (found.length === 0) continue;
        if (!needSpans) return { matched: true, spans: found };
        if (spans === EMPTY) spans = [];
        appendShifted(spans, found, scope.offsets[i]!);
      }
      return spans.length > 0 ? { matched: true, spans } : NO_MATCH;
    }
    case 'media':
      return scope.ctx.hasMedia === true ? MATCH_WITHOUT_SPANS : NO_MATCH;
    case 'not':
      return evaluate(node.child, scope, false).matched ? NO_MATCH : MATCH_WITHOUT_SPANS;
    case 'any': {
      let spans: Span[] = EMPTY;
      let matched = false;
      for (const child of node.children) {
        const o = evaluate(child, scope, needSpans);
        if (!o.matched) continue;
        matched = true;
        if (!needSpans) break;
        if (o.spans.length > 0) spans = spans === EMPTY ? [...o.spans] : appendAll(spans, o.spans);
      }
      return matched ? { matched, spans } : NO_MATCH;
    }
    case 'all': {
      if (node.within === 'post' || scope.segs.length === 1) return evaluateAll(node, scope, needSpans);
      let spans: Span[] = EMPTY;
      let matched = false;
      for (let i = 0; i < scope.segs.length; i++) {
        const o = evaluateAll(node, single(scope, i), needSpans);
        if (!o.matched) continue;
        matched = true;
        if (!needSpans) break;
        if (o.spans.length > 0) spans = spans === EMPTY ? [...o.spans] : appendAll(spans, o.spans);
      }
      return matched ? { matched, spans } : NO_MATCH;
    }
  }
}

/** All children must match in the scope; cheap leaves are tried before NLP. */
function evaluateAll(node: Extract<Node, { kind: 'all' }>, scope: Scope, needSpans: boolean): Outcome {
  let marked: Span[] = EMPTY;
  for (const i of node.order) {
    const highlight = needSpans && node.marks.includes(i);
    const o = evaluate(node.children[i]!, scope, highlight);
    if (!o.matched) return NO_MATCH;
    if (highlight && o.spans.length > 0) marked = marked === EMPTY ? [...o.spans] : appendAll(marked, o.spans);
  }
  return marked.length > 0 ? { matched: true, spans: marked } : MATCH_WITHOUT_SPANS;
}

/** A leaf's spans over the scope's sentences (with `needSpans` false: the first sentence's hits, if any). */
function leafSpans(node: Extract<Node, { kind: 'leaf' }>, scope: Scope, needSpans: boolean): Span[] {
  let spans: Span[] = EMPTY;
  for (let i = 0; i < scope.segs.length; i++) {
    const found = cached(scope.segs[i]!, node.id, node.run);
    if (found.length === 0) continue;
    if (!needSpans) return found;
    if (spans === EMPTY) spans = [];
    appendShifted(spans, found, scope.offsets[i]!);
  }
  return spans;
}

/** Appends one by one: spreading hundreds of thousands of spans into push() overflows the stack. */
function appendAll(into: Span[], spans: readonly Span[]): Span[] {
  for (const s of spans) into.push(s);
  return into;
}

function appendShifted(into: Span[], spans: readonly Span[], by: number): void {
  for (const s of spans) into.push(by === 0 ? s : { start: s.start + by, end: s.end + by });
}

function cached(seg: SegmentState, id: number, run: (seg: SegmentState) => Span[]): Span[] {
  let spans = seg.leaves.get(id);
  if (!spans) seg.leaves.set(id, (spans = run(seg)));
  return spans;
}

/** The scope of sentence i alone (at `offset`: 0 for results cached with the sentence). */
function single(scope: Scope, i: number, offset = scope.offsets[i]!): Scope {
  return { ...scope, segs: [scope.segs[i]!], offsets: [offset] };
}


/** Drops findings inside an exception phrase of the pack ("Dick Whittington" is no name, no swearing). */
function outsideExceptions(findings: Finding[], segs: SegmentState[], offsets: number[], exceptionsOf: (seg: SegmentState) => Span[]): Finding[] {
  const spans: Span[] = [];
  segs.forEach((seg, i) => appendShifted(spans, exceptionsOf(seg), offsets[i]!));
  if (spans.length === 0) return findings;
  return findings.filter((f) => f.end === f.start || !spans.some((e) => e.start <= f.start && f.end <= e.end));
}

/** Overlapping or touching marks of one rule become one mark. */
function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/** A finding on the folded text, placed on the text as typed. */
function asTyped(f: Finding, folded: FoldedText, typed: string): Finding {
  const span = typedSpan(folded, typed, f.start, f.end);
  return { ...f, ...span, excerpt: typed.slice(span.start, span.end) };
}

function toFinding(r: CompiledRule, s: Span, text: string): Finding {
  const { rule } = r;
  return {
    ruleId: rule.id,
    category: rule.category,
    severity: rule.severity,
    start: s.start,
    end: s.end,
    excerpt: text.slice(s.start, s.end),
    message: rule.message,
    ...(rule.suggestion ? { suggestion: rule.suggestion } : {}),
    clause: rule.clause,
    clauseTitle: r.clauseTitle,
    quote: r.quote,
  };
}

function verdictOf(findings: Finding[]): Verdict {
  let worst = 0;
  for (const f of findings) worst = Math.max(worst, SEVERITY_RANK[f.severity]);
  return worst === 2 ? 'block' : worst === 1 ? 'warn' : 'ok';
}
