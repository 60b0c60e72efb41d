// Answers the popup: is PostGuard on here, which site, which context and why,
// and what the focused (or last focused) composer has found.
import type { Category, Pack, Site } from '../../lib';
import type { TabStatus } from '../../utils/messages';
import type { Composer } from './composer';
import type { ContextDecision } from './context';

export function tabStatus(opts: {
  active: boolean;
  site: Site;
  context: ContextDecision;
  composer: Composer | null;
  pack: Pack;
}): TabStatus {
  const findings: Partial<Record<Category, number>> = {};
  if (opts.active && opts.composer) {
    for (const f of opts.composer.visibleFindings()) findings[f.category] = (findings[f.category] ?? 0) + 1;
  }
  return {
    active: opts.active,
    host: location.hostname,
    site: opts.site,
    context: opts.context.context,
    detectedContext: opts.context.detected,
    contextSource: opts.context.source,
    findings,
    packName: opts.pack.meta.name,
    packVersion: opts.pack.meta.version,
  };
}
