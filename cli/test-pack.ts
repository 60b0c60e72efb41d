// `postguard test-pack`: runs every rule's examples and reports the ones that fail.
import { runPackExamples, type ExampleFailure, type Pack } from '../lib/index';

function describe(failure: ExampleFailure): string {
  const expected = failure.kind === 'flag' ? 'flag this text' : 'pass this text';
  return [
    `FAIL ${failure.ruleId} (${failure.context} context): should ${expected}`,
    `  text: ${JSON.stringify(failure.text)}`,
    `  ${failure.problem}`,
  ].join('\n');
}

/** Writes the report; returns the exit status (1 when any example fails). */
export async function testPack(pack: Pack, write: (chunk: string) => Promise<void>): Promise<number> {
  const report = runPackExamples(pack);
  const failed = report.failures.length;
  const total = report.passed + failed;
  if (failed > 0) await write(`${report.failures.map(describe).join('\n\n')}\n\n`);
  const rules = `${pack.rules.length} ${pack.rules.length === 1 ? 'rule' : 'rules'}`;
  await write(
    failed === 0
      ? `ok: all ${total} examples of ${rules} pass\n`
      : `${failed} of ${total} examples failed (${report.passed} passed, ${rules})\n`,
  );
  return failed > 0 ? 1 : 0;
}
