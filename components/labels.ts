// Display names for the engine's categories and severities (messages.json).
import type { Category, Severity } from '../lib';
import { t } from '../utils/i18n';

export function categoryLabel(category: Category): string {
  return t(`content_category_${category}`);
}

export function severityLabel(severity: Severity): string {
  return t(`content_severity_${severity}`);
}

/** A finding about the whole post (an attached photo) has no excerpt to quote. */
export function excerptLabel(excerpt: string): string {
  return excerpt.trim() === '' ? t('content_excerptMedia') : `“${excerpt}”`;
}
