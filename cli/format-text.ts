// Text formatting: findings for a person reading a terminal. Colour only when asked
// (the caller decides: stdout is a TTY and NO_COLOR is unset).
import type { CheckResult, Finding, Severity } from '../lib/types';
import { locate } from './offsets';

export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  severity(severity: Severity, s: string): string;
}

const plain: Style = { bold: (s) => s, dim: (s) => s, severity: (_severity, s) => s };

const ansi = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
const SEVERITY_COLOUR: Record<Severity, (s: string) => string> = {
  block: ansi(31, 39), // red
  warn: ansi(33, 39), // yellow
  info: ansi(36, 39), // cyan
};
const coloured: Style = {
  bold: ansi(1, 22),
  dim: ansi(2, 22),
  severity: (severity, s) => SEVERITY_COLOUR[severity](ansi(1, 22)(s)),
};

export function textStyle(colour: boolean): Style {
  return colour ? coloured : plain;
}

/** Whether to colour output written to `stream`: a TTY, unless NO_COLOR says otherwise (FORCE_COLOR forces it). */
export function wantsColour(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  return stream.isTTY === true;
}

const EXCERPT_MAX = 80;
const WIDTH = 78;

/** One line, no control characters (they could drive the terminal), at most EXCERPT_MAX code points. */
function displayExcerpt(excerpt: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = excerpt.replace(/\s+/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '\uFFFD');
  const chars = [...flat];
  return chars.length <= EXCERPT_MAX ? flat : `${chars.slice(0, EXCERPT_MAX - 1).join('')}…`;
}

function wrap(text: string, indent: string): string {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && indent.length + line.length + 1 + word.length > WIDTH) {
        lines.push(indent + line);
        line = word;
      } else {
        line = line ? `${line} ${word}` : word;
      }
    }
    lines.push(indent + line);
  }
  return lines.join('\n');
}

function countBySeverity(findings: readonly Finding[]): string {
  const counts = new Map<Severity, number>();
  for (const f of findings) counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1);
  return (['block', 'warn', 'info'] as const)
    .filter((s) => counts.has(s))
    .map((s) => `${counts.get(s)} ${s}`)
    .join(', ');
}

export function formatText(text: string, result: CheckResult, style: Style): string {
  const { findings } = result;
  if (findings.length === 0) return `${style.bold('OK')}: nothing in this post goes against the policy.\n`;

  const positions = locate(text, findings.map((f) => f.start));
  const verdictLabel = result.verdict === 'ok' ? 'OK' : result.verdict.toUpperCase();
  const heading =
    style.severity(result.verdict === 'ok' ? 'info' : result.verdict, verdictLabel) +
    `: ${findings.length} ${findings.length === 1 ? 'finding' : 'findings'} (${countBySeverity(findings)})`;

  const blocks = findings.map((f, i) => {
    // A finding about the post as a whole (an attached photo, say) has no excerpt.
    const at = f.start === f.end ? undefined : positions.get(f.start);
    const what = at ? `“${style.bold(displayExcerpt(f.excerpt))}”${style.dim(` (line ${at.line}, column ${at.column})`)}` : style.dim('(the whole post)');
    const lines = [
      `${i + 1}. ${style.severity(f.severity, f.severity.toUpperCase())}  ${f.category}  ${what}`,
      wrap(f.message, '   '),
    ];
    if (f.suggestion) lines.push(wrap(`Suggestion: ${f.suggestion}`, '   '));
    lines.push(`   ${style.dim(`Policy: ${f.clauseTitle ? `${f.clauseTitle} (${f.clause})` : f.clause}`)}`);
    lines.push(wrap(`“${f.quote}”`, '     '));
    lines.push(style.dim(`   rule: ${f.ruleId}`));
    return lines.join('\n');
  });
  return `${heading}\n\n${blocks.join('\n\n')}\n`;
}
