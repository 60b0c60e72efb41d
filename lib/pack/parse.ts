// Loads a pack: schema validation with zod, then the checks zod cannot make
// (clauses and lists that rules refer to, safe patterns, unique ids). Every
// problem is reported with its JSON path; a pack with any problem is refused whole.
import type { z } from 'zod';
import { type PackProblem } from '../types';
import { BUNDLED_MODEL_ID } from '../model/bundled';
import { patternProblem } from './pattern';
import { packSchema, type Matcher, type Pack } from './schema';

export type { Pack, Rule, Clause, Matcher } from './schema';

export type LoadResult = { ok: true; pack: Pack } | { ok: false; problems: PackProblem[] };

/** Parse pack JSON text; syntax errors are reported with line and column. */
export function parsePackJson(text: string): LoadResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [{ path: '(root)', message: `not valid JSON: ${describeJsonError(text, e as Error)}` }] };
  }
  return parsePack(value);
}

export function parsePack(value: unknown): LoadResult {
  const early = shapeProblems(value);
  if (early.length > 0) return { ok: false, problems: early };
  const parsed = packSchema.safeParse(value);
  if (!parsed.success) return { ok: false, problems: issuesToProblems(parsed.error.issues, []) };
  const problems = crossCheck(parsed.data);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, pack: parsed.data };
}

/** Matchers nested deeper than this are refused: no real policy needs it, and deeper ones exhaust the stack. */
export const MAX_NESTING = 64;
const RESERVED_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * What must be refused before the schema sees the pack: names that would
 * reach an object's inherited properties, and nesting deep enough to crash a
 * recursive walk. The walk here is iterative.
 */
function shapeProblems(value: unknown): PackProblem[] {
  const problems: PackProblem[] = [];
  if (typeof value !== 'object' || value === null) return problems;
  const root = value as Record<string, unknown>;
  for (const section of ['lists', 'matchers'] as const) {
    const names = root[section];
    if (typeof names !== 'object' || names === null) continue;
    for (const name of Object.keys(names)) {
      if (RESERVED_NAMES.has(name)) problems.push({ path: `${section}.${name}`, message: `"${name}" cannot be used as a name` });
    }
  }
  const stack: { node: unknown; path: string; depth: number }[] = [];
  const rules = Array.isArray(root.rules) ? root.rules : [];
  rules.forEach((r, i) => stack.push({ node: (r as { match?: unknown } | null)?.match, path: `rules[${i}].match`, depth: 1 }));
  if (typeof root.matchers === 'object' && root.matchers !== null) {
    for (const [name, m] of Object.entries(root.matchers)) stack.push({ node: m, path: `matchers.${name}`, depth: 1 });
  }
  while (stack.length > 0) {
    const { node, path, depth } = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth > MAX_NESTING) {
      problems.push({ path, message: `matchers are nested more than ${MAX_NESTING} deep` });
      continue;
    }
    const m = node as Record<string, unknown>;
    for (const key of ['all', 'any'] as const) {
      if (Array.isArray(m[key])) (m[key] as unknown[]).forEach((c, i) => stack.push({ node: c, path: `${path}.${key}[${i}]`, depth: depth + 1 }));
    }
    for (const key of ['not', 'trigger'] as const) if (m[key] !== undefined) stack.push({ node: m[key], path: `${path}.${key}`, depth: depth + 1 });
  }
  return problems;
}

/** JSON path in the dotted form editors show: rules[3].match.pattern */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out || '(root)';
}

type Issue = z.core.$ZodIssue;

// A matcher is a union of shapes; when none fits, report the problems of the
// shape the author most likely meant (the one whose own key is present).
function issuesToProblems(issues: readonly Issue[], base: PropertyKey[]): PackProblem[] {
  const problems: PackProblem[] = [];
  for (const issue of issues) {
    const path = [...base, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const best = [...issue.errors].sort((a, b) => score(a) - score(b))[0]!;
      if (score(best) < 100) {
        problems.push(...issuesToProblems(best, path));
        continue;
      }
      problems.push({ path: formatPath(path), message: 'not a known matcher: use one of terms, list, pattern, detector, nlp, ref, media, all, any, not' });
      continue;
    }
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') message = `unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}`;
    problems.push({ path: formatPath(path), message });
  }
  return problems;
}

// Fewer issues mean the branch fits better. A branch that does not know one of
// the matcher's keys ("list" for the detector shape), or misses a key of its
// own, is not the shape the author meant.
function score(branch: readonly Issue[]): number {
  const unknownKeys = branch.some((i) => i.code === 'unrecognized_keys' && i.path.length === 0);
  const missingOwnKey = branch.some((i) => i.path.length === 1 && /received undefined/.test(i.message));
  return (unknownKeys ? 100 : 0) + (missingOwnKey ? 100 : 0) + branch.length;
}

function crossCheck(pack: Pack): PackProblem[] {
  const problems: PackProblem[] = [];
  const clauseIds = new Set<string>();
  pack.clauses.forEach((c, i) => {
    if (clauseIds.has(c.id)) problems.push({ path: `clauses[${i}].id`, message: `duplicate clause id "${c.id}"` });
    clauseIds.add(c.id);
  });
  const ruleIds = new Set<string>();
  pack.rules.forEach((rule, i) => {
    if (ruleIds.has(rule.id)) problems.push({ path: `rules[${i}].id`, message: `duplicate rule id "${rule.id}"` });
    ruleIds.add(rule.id);
    if (!clauseIds.has(rule.clause)) problems.push({ path: `rules[${i}].clause`, message: `no clause with id "${rule.clause}"` });
    checkMatcher(pack, rule.match, `rules[${i}].match`, problems, false);
  });
  if (pack.model && pack.model.id !== BUNDLED_MODEL_ID) {
    problems.push({ path: 'model.id', message: `no model "${pack.model.id}" comes with PostGuard (it has "${BUNDLED_MODEL_ID}")` });
  }
  for (const [category, settings] of Object.entries(pack.model?.categories ?? {})) {
    if (settings && settings.threshold === undefined && settings.confirm === undefined) {
      problems.push({ path: `model.categories.${category}`, message: 'give a "threshold", a "confirm" level, or both' });
    }
    if (settings && !clauseIds.has(settings.clause)) {
      problems.push({ path: `model.categories.${category}.clause`, message: `no clause with id "${settings.clause}"` });
    }
  }
  for (const [name, m] of Object.entries(pack.matchers)) {
    checkMatcher(pack, m, `matchers.${name}`, problems, false);
    if (refersTo(pack, m, name, new Set())) problems.push({ path: `matchers.${name}`, message: `refers to itself through "ref"` });
  }
  return problems;
}

function checkMatcher(pack: Pack, m: Matcher, path: string, problems: PackProblem[], insideAll: boolean): void {
  if ('list' in m && !Object.hasOwn(pack.lists, m.list)) problems.push({ path: `${path}.list`, message: `no list named "${m.list}" in "lists"` });
  if ('ref' in m && !Object.hasOwn(pack.matchers, m.ref)) problems.push({ path: `${path}.ref`, message: `no matcher named "${m.ref}" in "matchers"` });
  if ('pattern' in m) {
    const problem = patternProblem(m.pattern, m.flags ?? '');
    if (problem) problems.push({ path: `${path}.pattern`, message: problem });
  }
  // compromise runs /regex/ terms on the backtracking engine: not on text the page controls.
  if ('nlp' in m && m.nlp.includes('/')) problems.push({ path: `${path}.nlp`, message: 'regular expressions are not allowed inside nlp expressions; use a "pattern" matcher (it runs in linear time)' });
  if ('nlp' in m && m.trigger) checkMatcher(pack, m.trigger, `${path}.trigger`, problems, false);
  if ('not' in m) {
    if (!insideAll) problems.push({ path, message: '"not" only makes sense inside "all"' });
    checkMatcher(pack, m.not, `${path}.not`, problems, false);
  }
  if ('any' in m) m.any.forEach((c, i) => checkMatcher(pack, c, `${path}.any[${i}]`, problems, false));
  if ('all' in m) {
    m.all.forEach((c, i) => checkMatcher(pack, c, `${path}.all[${i}]`, problems, true));
    for (const mark of [m.mark ?? 0].flat()) {
      if (mark >= m.all.length) problems.push({ path: `${path}.mark`, message: `there is no matcher ${mark} in "all" (it has ${m.all.length})` });
      else if ('not' in m.all[mark]!) problems.push({ path: `${path}.mark`, message: 'cannot highlight a "not" matcher' });
    }
    if (m.all.every((c) => 'not' in c)) problems.push({ path: `${path}.all`, message: 'needs at least one matcher that is not "not"' });
  }
}

function refersTo(pack: Pack, m: Matcher, target: string, seen: Set<string>): boolean {
  if ('ref' in m) {
    if (m.ref === target) return true;
    if (seen.has(m.ref)) return false;
    seen.add(m.ref);
    const next = pack.matchers[m.ref];
    return next ? refersTo(pack, next, target, seen) : false;
  }
  const children = 'all' in m ? m.all : 'any' in m ? m.any : 'not' in m ? [m.not] : 'nlp' in m && m.trigger ? [m.trigger] : [];
  return children.some((c) => refersTo(pack, c, target, seen));
}

function describeJsonError(text: string, e: Error): string {
  const at = /position (\d+)/.exec(e.message);
  if (!at) return e.message;
  const pos = Number(at[1]);
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - before.lastIndexOf('\n');
  return `${e.message.replace(/ in JSON at position \d+.*$/, '')} at line ${line}, column ${column}`;
}
