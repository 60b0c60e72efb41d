// One definition of "this post would be stopped", shared by the extension's
// submit guard and the CLI's exit status: a finding stops a post when its
// severity reaches the pack's `settings.stopOn` (default "warn"). Which
// findings need a reason before "Post anyway" is `settings.reasonFor`.
import type { Pack } from '../pack/schema';
import type { Finding, Severity } from '../types';

const RANK: Record<Severity, number> = { info: 0, warn: 1, block: 2 };

/** Does this finding stop the post at submission? */
export function stopsPost(pack: Pack, finding: Finding): boolean {
  return RANK[finding.severity] >= RANK[pack.settings?.stopOn ?? 'warn'];
}

/** Findings that stop the post at submission. */
export function stoppingFindings(pack: Pack, findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => stopsPost(pack, f));
}

/** Findings worth showing in the warning: everything from "warn" up. */
export function warningFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => RANK[f.severity] >= RANK.warn);
}

/** Whether "Post anyway" needs a reason for these findings. */
export function needsReason(pack: Pack, findings: readonly Finding[]): boolean {
  const reasonFor = pack.settings?.reasonFor ?? 'block';
  if (reasonFor === 'never') return false;
  return findings.some((f) => RANK[f.severity] >= RANK[reasonFor]);
}
