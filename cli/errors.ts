// The failures the CLI reports with exit status 2: misuse, and packs that do not load.
// Kept free of engine imports so that reporting them never loads the engine.
import type { PackProblem } from '../lib/types';

export class UsageError extends Error {}

export class PackError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly PackProblem[],
  ) {
    super(`${source} is not a valid pack`);
  }
}

/** One line per problem: its JSON path and what is wrong there. */
export function formatPackProblems(error: PackError): string {
  const count = error.problems.length;
  const lines = error.problems.map((p) => `  ${p.path || '(root)'}: ${p.message}`);
  return `postguard: ${error.source} is not a valid pack (${count} ${count === 1 ? 'problem' : 'problems'}):\n${lines.join('\n')}\n`;
}
