// The result of running a pack's own examples (runPackExamples).
import type { ExampleReport } from '../../lib';
import { t } from '../../utils/i18n';

export function ExamplesReport({ report }: { report: ExampleReport }) {
  const failed = report.failures.length;
  return (
    <div data-testid="examples-report">
      <p role="status" class={failed ? 'error' : 'status-ok'}>
        {failed ? t('examplesSomeFailed', report.passed, failed) : t('examplesAllPassed', report.passed)}
      </p>
      {failed > 0 && (
        <ul class="example-failures">
          {report.failures.map((f, i) => (
            <li key={i}>
              <code>{f.ruleId}</code> — {f.kind === 'flag' ? t('examplesShouldFlag') : t('examplesShouldPass')} (
              {f.context === 'business' ? t('contextBusiness') : t('contextPersonal')}): <q>{f.text}</q>
              <div class="muted">{f.problem}</div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
