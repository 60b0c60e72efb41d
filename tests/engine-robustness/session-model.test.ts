// Model-based test: an editing session must give exactly what a fresh full check gives,
// after any sequence of edits (typing, deleting, pasting, undo, context switches).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine, defaultPack, type CheckContext } from '../../lib/index';
import { checkContext, EXAMPLE_TEXTS, piece, post } from './arbitraries';

const engine = createEngine(defaultPack);

type Edit =
  | { kind: 'type'; chars: string } // typed at the end, one check per character
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'replace'; at: number; length: number; text: string }
  | { kind: 'backspace'; count: number } // from the end, one check per character
  | { kind: 'undo' } // back to the text before the previous edit
  | { kind: 'context'; ctx: CheckContext };

/** `at` is a fraction of the current length, so edits stay valid whatever came before. */
const fraction = fc.double({ min: 0, max: 1, noNaN: true });

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('type' as const), chars: fc.oneof(fc.constantFrom(...EXAMPLE_TEXTS).map((t) => t.slice(0, 25)), piece).map((s) => s.slice(0, 30)) }),
  fc.record({ kind: fc.constant('insert' as const), at: fraction, text: piece }),
  fc.record({ kind: fc.constant('delete' as const), at: fraction, length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('replace' as const), at: fraction, length: fc.integer({ min: 0, max: 20 }), text: piece }),
  fc.record({ kind: fc.constant('backspace' as const), count: fc.integer({ min: 1, max: 8 }) }),
  fc.constant({ kind: 'undo' as const }),
  fc.record({ kind: fc.constant('context' as const), ctx: checkContext }),
);

const position = (text: string, at: number) => Math.floor(at * text.length);

describe('engine.session()', () => {
  it('gives the same findings as a full check after every edit', () => {
    let steps = 0;
    let stepsWithFindings = 0;
    let stepsWithModel = 0;
    fc.assert(
      fc.property(post, checkContext, fc.array(edit, { minLength: 1, maxLength: 20 }), (initial, initialCtx, edits) => {
        const session = engine.session();
        let text = initial;
        let ctx = initialCtx;
        let previous = text;
        const step = (next: string) => {
          text = next;
          const full = engine.check(text, ctx);
          expect(session.check(text, ctx), `after edit to ${JSON.stringify(text)}`).toEqual(full);
          steps++;
          if (full.findings.length > 0) stepsWithFindings++;
          if (full.findings.some((f) => f.ruleId.startsWith('model.'))) stepsWithModel++;
        };
        step(text);
        for (const e of edits) {
          const before = text;
          switch (e.kind) {
            case 'type':
              for (const ch of e.chars) step(text + ch);
              break;
            case 'backspace':
              for (let i = 0; i < e.count && text.length > 0; i++) step(text.slice(0, -1));
              break;
            case 'insert': {
              const at = position(text, e.at);
              step(text.slice(0, at) + e.text + text.slice(at));
              break;
            }
            case 'delete': {
              const at = position(text, e.at);
              step(text.slice(0, at) + text.slice(at + e.length));
              break;
            }
            case 'replace': {
              const at = position(text, e.at);
              step(text.slice(0, at) + e.text + text.slice(at + e.length));
              break;
            }
            case 'undo':
              step(previous);
              break;
            case 'context':
              ctx = e.ctx;
              step(text);
              break;
          }
          previous = before;
        }
      }),
      { numRuns: 120 },
    );
    // The edits reach the rules: most steps have something to compare.
    expect(stepsWithFindings).toBeGreaterThan(steps / 4);
    // ...and the learned layer, whose sentence scores are cached as the rules' results are.
    expect(stepsWithModel).toBeGreaterThan(0);
  }, 300_000);

  it('is independent of other sessions and of full checks in between', () => {
    const a = engine.session();
    const b = engine.session();
    const ctx: CheckContext = { context: 'personal', site: 'facebook' };
    for (const text of EXAMPLE_TEXTS.slice(0, 30)) {
      const expected = engine.check(text, ctx);
      expect(a.check(text, ctx)).toEqual(expected);
      engine.check(`${text} and more`, { context: 'business' });
      expect(b.check(`${text}!`, ctx)).toEqual(engine.check(`${text}!`, ctx));
      expect(a.check(text, ctx)).toEqual(expected);
    }
  });
});
