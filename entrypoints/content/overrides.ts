// "Post anyway" leaves a trace: when, where, as whom, which rules and the
// reason given. Never the post text. Entries older than the retention period
// are dropped as new ones are added.
import type { AccountContext, Site } from '../../lib';
import { overrideRetentionDays, overridesLog } from '../../utils/settings';

export async function logOverride(entry: { site: Site; context: AccountContext; ruleIds: string[]; reason: string }): Promise<void> {
  const [log, days] = await Promise.all([overridesLog.getValue(), overrideRetentionDays.getValue()]);
  const cutoff = Date.now() - days * 24 * 60 * 60 * 1000;
  const kept = log.filter((e) => Date.parse(e.time) >= cutoff);
  kept.push({
    time: new Date().toISOString(),
    site: entry.site,
    context: entry.context,
    ruleIds: [...new Set(entry.ruleIds)],
    reason: entry.reason,
  });
  await overridesLog.setValue(kept);
}
