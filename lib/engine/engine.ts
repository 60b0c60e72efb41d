// Checks a post against a pack. The post is split into sentences; every leaf
// matcher runs at most once per sentence and its result is cached with the
// sentence, so a session (one composer while someone types) only re-checks the
// sentence that changed. Rules then combine the cached results.
import type { Span } from '../detectors/span';
import type { Pack, Rule } from '../pack/schema';
import { splitSegments } from '../text/segments';
import type { CheckContext, CheckResult, Finding, Severity, Verdict } from '../types';
import { compileMatchers, type Node } from './compile';
import { hasConsent } from './consent';
import { SegmentState } from './segment-state';

export interface Engine {
  readonly pack: Pack;
  /** A full check, sharing nothing with earlier checks. */
  check(text: string, ctx: CheckContext): CheckResult;
  /** A checker for one composer: reuses the work of its previous check. */
  session(): CheckSession;
  /** The rules that apply in a context (after switched-off rules are removed). */
  rulesFor(ctx: CheckContext): Rule[];
}

export interface CheckSession {
  check(text: string, ctx: CheckContext): CheckResult;
}

interface CompiledRule {
  rule: Rule;
  node: Node;
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

interface Outcome {
  matched: boolean;
  spans: Span[];
}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warn: 1, block: 2 };

export function createEngine(pack: Pack): Engine {
  const compile = compileMatchers(pack);
  const clauses = new Map(pack.clauses.map((c) => [c.id, c]));
  const rules: CompiledRule[] = pack.rules.map((rule) => {
    const clause = clauses.get(rule.clause)!;
    return { rule, node: compile(rule.match), clauseTitle: clause.title, quote: clause.text };
  });

  const applies = (r: Rule, ctx: CheckContext): boolean =>
    r.contexts.includes(ctx.context) &&
    (!r.sites || !ctx.site || r.sites.includes(ctx.site)) &&
    !(ctx.disabledRules?.includes(r.id) && canDisable(r));

  const run = (text: string, ctx: CheckContext, cache: Map<string, SegmentState>): CheckResult => {
    const segments = splitSegments(text);
    const segs = segments.map((s) => cache.get(s.text) ?? new SegmentState(s.text));
    const scope: Scope = { segs, offsets: segments.map((s) => s.start), text, ctx };
    const findings: Finding[] = [];
    for (const r of rules) {
      if (!applies(r.rule, ctx)) continue;
      const { matched, spans } = evaluate(r.node, scope);
      if (!matched) continue;
      const marks = spans.length > 0 ? mergeSpans(spans) : [{ start: 0, end: 0 }];
      for (const s of marks) findings.push(toFinding(r, s, text));
    }
    cache.clear();
    for (const seg of segs) cache.set(seg.text, seg);
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
  };
}

/** Rules at `block` stay on unless the pack says they may be switched off. */
export function canDisable(rule: Rule): boolean {
  return rule.canDisable ?? rule.severity !== 'block';
}

function evaluate(node: Node, scope: Scope): Outcome {
  switch (node.kind) {
    case 'leaf': {
      let spans = leafSpans(node, scope);
      if (node.consentAware) spans = spans.filter((s) => !hasConsent(scope.text.slice(s.start, s.end), scope.text, scope.ctx));
      return { matched: spans.length > 0, spans };
    }
    case 'nlp': {
      const spans: Span[] = [];
      scope.segs.forEach((seg, i) => {
        if (node.trigger && !evaluate(node.trigger, single(scope, i)).matched) return;
        spans.push(...shift(cached(seg, node.id, node.run), scope.offsets[i]!));
      });
      return { matched: spans.length > 0, spans };
    }
    case 'media':
      return { matched: scope.ctx.hasMedia === true, spans: [] };
    case 'not':
      return { matched: !evaluate(node.child, scope).matched, spans: [] };
    case 'any': {
      const spans: Span[] = [];
      let matched = false;
      for (const child of node.children) {
        const o = evaluate(child, scope);
        matched ||= o.matched;
        spans.push(...o.spans);
      }
      return { matched, spans };
    }
    case 'all': {
      if (node.within === 'post' || scope.segs.length === 1) return evaluateAll(node, scope);
      const spans: Span[] = [];
      let matched = false;
      for (let i = 0; i < scope.segs.length; i++) {
        const o = evaluateAll(node, single(scope, i));
        matched ||= o.matched;
        spans.push(...o.spans);
      }
      return { matched, spans };
    }
  }
}

/** All children must match in the scope; cheap leaves are tried before NLP. */
function evaluateAll(node: Extract<Node, { kind: 'all' }>, scope: Scope): Outcome {
  const order = node.children.map((_, i) => i).sort((a, b) => cost(node.children[a]!) - cost(node.children[b]!));
  const marked: Span[] = [];
  for (const i of order) {
    const o = evaluate(node.children[i]!, scope);
    if (!o.matched) return { matched: false, spans: [] };
    if (node.marks.includes(i)) marked.push(...o.spans);
  }
  return { matched: true, spans: marked };
}

function cost(node: Node): number {
  return node.kind === 'nlp' ? 2 : node.kind === 'all' || node.kind === 'any' ? 1 : 0;
}

function leafSpans(node: Extract<Node, { kind: 'leaf' }>, scope: Scope): Span[] {
  const spans: Span[] = [];
  scope.segs.forEach((seg, i) => spans.push(...shift(cached(seg, node.id, node.run), scope.offsets[i]!)));
  return spans;
}

function cached(seg: SegmentState, id: number, run: (seg: SegmentState) => Span[]): Span[] {
  let spans = seg.leaves.get(id);
  if (!spans) seg.leaves.set(id, (spans = run(seg)));
  return spans;
}

function single(scope: Scope, i: number): Scope {
  return { ...scope, segs: [scope.segs[i]!], offsets: [scope.offsets[i]!] };
}

function shift(spans: Span[], by: number): Span[] {
  return by === 0 ? spans : spans.map((s) => ({ start: s.start + by, end: s.end + by }));
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
