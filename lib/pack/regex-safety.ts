// Pack patterns run on every keystroke, so a pattern that can backtrack
// catastrophically ("(a+)+$") would freeze the page. They are refused at load
// time: safe-regex2 measures star height (nested unbounded repetition), and a
// quick probe with an adversarial input catches overlapping alternations.
import safeRegex from 'safe-regex2';

export function regexProblem(source: string, flags: string): string | undefined {
  let re: RegExp;
  try {
    re = new RegExp(source, flags.replace(/[gy]/g, '') + 'g');
  } catch (e) {
    return `not a valid regular expression: ${(e as Error).message}`;
  }
  if (re.test('')) return 'matches empty text, so it would flag every post';
  if (!safeRegex(source)) return 'can backtrack catastrophically (nested repetition such as "(a+)+"); rewrite it without a repeated group that itself repeats';
  if (/\\[1-9]/.test(source)) return 'back-references are not allowed (they can take exponential time)';
  return undefined;
}
