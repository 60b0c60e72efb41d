// What was found, why, the policy's own words and what to do instead: the
// same content in the hover card and in the warning dialog.
import type { Finding } from '../lib';
import { t } from '../utils/i18n';
import { excerptLabel, severityLabel } from './labels';

/**
 * `excerpts`: every place the same rule matched, when shown together (the
 * warning dialog). `quote: false` leaves the clause out (the dialog quotes
 * each clause once, on demand).
 */
export function FindingDetails({ finding, excerpts = [finding.excerpt], quote = true }: { finding: Finding; excerpts?: string[]; quote?: boolean }) {
  return (
    <>
      <p class="pg-excerpt">
        {[...new Set(excerpts)].map((excerpt, i) => (
          <span key={excerpt}>
            {i > 0 && ', '}
            <span class="pg-excerpt-text">{excerptLabel(excerpt)}</span>
          </span>
        ))}{' '}
        <span class="pg-severity" data-severity={finding.severity}>
          {severityLabel(finding.severity)}
        </span>
      </p>
      <p class="pg-message">{finding.message}</p>
      {quote && (
        <blockquote class="pg-quote">
          <p>{finding.quote}</p>
          <footer>{t('content_policyClause', finding.clauseTitle)}</footer>
        </blockquote>
      )}
      {finding.suggestion && (
        <p class="pg-suggestion">
          <strong>{t('content_suggestion')}</strong> {finding.suggestion}
        </p>
      )}
    </>
  );
}
