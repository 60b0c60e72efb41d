// Every rule carries examples, LanguageTool-style: texts it must flag and texts
// it must pass. Running them is how a pack is tested (`postguard test-pack`).
import { createEngine } from '../engine/engine';
import type { AccountContext, CheckContext } from '../types';
import type { Example, Pack } from './schema';

export interface ExampleFailure {
  ruleId: string;
  kind: 'flag' | 'pass';
  text: string;
  context: AccountContext;
  /** What went wrong, in words. */
  problem: string;
}

export interface ExampleReport {
  passed: number;
  failures: ExampleFailure[];
}

export function runPackExamples(pack: Pack): ExampleReport {
  // Examples test each rule's own matcher; the learned layer is measured on the labelled corpus.
  const engine = createEngine(pack, { model: null });
  const failures: ExampleFailure[] = [];
  let passed = 0;
  for (const rule of pack.rules) {
    for (const kind of ['flag', 'pass'] as const) {
      for (const example of rule.examples[kind]) {
        const ctx = exampleContext(example, rule.contexts[0]!);
        const text = typeof example === 'string' ? example : example.text;
        const hits = engine.checkRule(text, ctx, rule.id).findings;
        const ok = kind === 'flag' ? hits.length > 0 : hits.length === 0;
        if (ok) passed++;
        else
          failures.push({
            ruleId: rule.id,
            kind,
            text,
            context: ctx.context,
            problem: kind === 'flag' ? 'expected a finding, got none' : `expected no finding, got: ${hits.map((h) => `"${h.excerpt}"`).join(', ')}`,
          });
      }
    }
  }
  return { passed, failures };
}

function exampleContext(example: Example, fallback: AccountContext): CheckContext {
  if (typeof example === 'string') return { context: fallback };
  return {
    context: example.context ?? fallback,
    ...(example.site ? { site: example.site } : {}),
    ...(example.hasMedia ? { hasMedia: true } : {}),
  };
}
