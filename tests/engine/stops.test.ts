// Which findings stop a post, and when "Post anyway" needs a reason: the pack's settings.
import { describe, expect, it } from 'vitest';
import { defaultPack, needsReason, stoppingFindings, type Finding, type Severity } from '../../lib';

const f = (severity: Severity): Finding => ({
  ruleId: severity, category: 'opinion', severity, start: 0, end: 1, excerpt: 'x',
  message: 'm', clause: 'c', clauseTitle: 't', quote: 'q',
});
const all = [f('info'), f('warn'), f('block')];

describe('pack settings at submission', () => {
  it('stops on warn and block by default', () => {
    const pack = { ...defaultPack, settings: { stopOn: 'warn' as const, reasonFor: 'block' as const } };
    expect(stoppingFindings(pack, all).map((x) => x.severity)).toEqual(['warn', 'block']);
  });

  it('stops on block only when the pack says so', () => {
    const pack = { ...defaultPack, settings: { stopOn: 'block' as const, reasonFor: 'block' as const } };
    expect(stoppingFindings(pack, all).map((x) => x.severity)).toEqual(['block']);
  });

  it('asks for a reason per reasonFor', () => {
    const pack = (reasonFor: 'block' | 'warn' | 'never') => ({ ...defaultPack, settings: { stopOn: 'warn' as const, reasonFor } });
    expect(needsReason(pack('block'), [f('warn')])).toBe(false);
    expect(needsReason(pack('block'), [f('warn'), f('block')])).toBe(true);
    expect(needsReason(pack('warn'), [f('warn')])).toBe(true);
    expect(needsReason(pack('never'), [f('block')])).toBe(false);
  });
});
