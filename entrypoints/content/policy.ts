// What the pack says about stopping a post: which findings stop it
// (`settings.stopOn`, default "warn") and which need a reason before
// "Post anyway" (`settings.reasonFor`, default "block").
import type { Finding, Pack, Severity } from '../../lib';

const RANK: Record<Severity, number> = { info: 0, warn: 1, block: 2 };

/** Findings that stop the post at submission. */
export function stoppingFindings(pack: Pack, findings: Finding[]): Finding[] {
  const stopOn = pack.settings?.stopOn ?? 'warn';
  return findings.filter((f) => RANK[f.severity] >= RANK[stopOn]);
}

/** Findings worth showing in the warning: everything from "warn" up. */
export function warningFindings(findings: Finding[]): Finding[] {
  return findings.filter((f) => RANK[f.severity] >= RANK.warn);
}

/** Whether "Post anyway" needs a reason for these findings. */
export function needsReason(pack: Pack, findings: Finding[]): boolean {
  const reasonFor = pack.settings?.reasonFor ?? 'block';
  if (reasonFor === 'never') return false;
  return findings.some((f) => RANK[f.severity] >= RANK[reasonFor]);
}
