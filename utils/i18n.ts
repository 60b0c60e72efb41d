// All user-facing strings live in public/_locales/<lang>/messages.json.
// `t('key', 'sub1', 'sub2')` looks one up; outside the extension (unit tests)
// or for a missing key it returns the key itself, so a gap is visible rather than blank.
import { browser } from 'wxt/browser';

export function t(key: string, ...substitutions: (string | number)[]): string {
  try {
    const subs = substitutions.map(String);
    const m = browser.i18n.getMessage(key as never, subs.length ? subs : undefined);
    if (m) return m;
  } catch {
    // not running as an extension page
  }
  return substitutions.length ? `${key}(${substitutions.join(', ')})` : key;
}
