// Try text against the pack in force, with the same settings the content script uses.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { createEngine, type CheckSession } from '../../lib';
import type { AccountContext, CheckResult, Finding, Site } from '../../lib/types';
import { consentRegister, disabledRules } from '../../utils/settings';
import type { ManagedSettings } from '../../utils/settings-store';
import { localToday } from '../../utils/settings-logic';
import { t } from '../../utils/i18n';
import { useStored } from '../../ui/hooks';
import type { PackInForce } from '../../ui/pack-state';
import { categoryLabel, contextLabel, severityLabel } from './PackSection';

/** Splits text into plain and highlighted pieces (overlapping findings merge; the strongest severity wins). */
export function highlightPieces(text: string, findings: readonly Finding[]): { text: string; severity?: Finding['severity'] }[] {
  const rank = { info: 0, warn: 1, block: 2 } as const;
  const spans = [...findings].filter((f) => f.end > f.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: { start: number; end: number; severity: Finding['severity'] }[] = [];
  for (const f of spans) {
    const last = merged[merged.length - 1];
    if (last && f.start < last.end) {
      last.end = Math.max(last.end, f.end);
      if (rank[f.severity] > rank[last.severity]) last.severity = f.severity;
    } else merged.push({ start: f.start, end: f.end, severity: f.severity });
  }
  const out: { text: string; severity?: Finding['severity'] }[] = [];
  let at = 0;
  for (const m of merged) {
    if (m.start > at) out.push({ text: text.slice(at, m.start) });
    out.push({ text: text.slice(m.start, m.end), severity: m.severity });
    at = m.end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

export function PlaygroundSection({ managed, inForce }: { managed: ManagedSettings; inForce: PackInForce }) {
  const register = useStored(consentRegister) ?? [];
  const disabled = useStored(disabledRules) ?? [];
  const [text, setText] = useState('');
  const [context, setContext] = useState<AccountContext>('personal');
  const [site, setSite] = useState<Site | ''>('');
  const [hasMedia, setHasMedia] = useState(false);
  const [result, setResult] = useState<CheckResult | null>(null);
  const [error, setError] = useState('');

  // one session per pack, as in a composer: re-checks only the sentences that changed
  const engine = useMemo<CheckSession | null>(() => {
    try {
      return createEngine(inForce.pack).session();
    } catch (e) {
      setError(String((e as Error).message ?? e));
      return null;
    }
  }, [inForce.pack]);

  useEffect(() => {
    if (!engine || !text.trim()) {
      setResult(null);
      return;
    }
    const timer = setTimeout(() => {
      try {
        setResult(
          engine.check(text, {
            context,
            site: site || undefined,
            hasMedia,
            consentRegister: register,
            disabledRules: managed.locks.cannotDisableRules ? [] : disabled,
            today: localToday(),
          }),
        );
        setError('');
      } catch (e) {
        setError(String((e as Error).message ?? e));
      }
    }, 150);
    return () => clearTimeout(timer);
  }, [engine, text, context, site, hasMedia, register, disabled, managed.locks.cannotDisableRules]);

  const findings = result?.findings ?? [];

  return (
    <section aria-labelledby="play-h" id="playground">
      <h2 id="play-h">{t('playHeading')}</h2>
      <p class="muted">{t('playIntro')}</p>
      <div class="row">
        <fieldset class="inline-fieldset">
          <legend>{t('playContext')}</legend>
          {(['personal', 'business'] as const).map((c) => (
            <label class="inline" key={c}>
              <input type="radio" name="play-context" value={c} checked={context === c} onChange={() => setContext(c)} /> {contextLabel(c)}
            </label>
          ))}
        </fieldset>
        <label>
          {t('playSite')}{' '}
          <select value={site} onChange={(e) => setSite(e.currentTarget.value as Site | '')}>
            <option value="">{t('playSiteAny')}</option>
            <option value="facebook">Facebook</option>
            <option value="linkedin">LinkedIn</option>
          </select>
        </label>
        <label class="inline">
          <input type="checkbox" checked={hasMedia} onChange={(e) => setHasMedia(e.currentTarget.checked)} /> {t('playHasMedia')}
        </label>
      </div>
      <label for="play-text">{t('playTextLabel')}</label>
      <textarea id="play-text" rows={6} value={text} onInput={(e) => setText(e.currentTarget.value)} data-testid="play-text" />
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div aria-live="polite" data-testid="play-result">
        {result && (
          <p class={`verdict verdict-${result.verdict}`}>
            {result.verdict === 'ok' ? t('playVerdictOk') : t('playVerdictFindings', findings.length, t(`verdict_${result.verdict}`))}
          </p>
        )}
      </div>
      {result && findings.length > 0 && (
        <>
          <h3 class="visually-hidden">{t('playHighlighted')}</h3>
          <p class="highlighted" data-testid="play-highlighted">
            {highlightPieces(text, findings).map((p, i) =>
              p.severity ? (
                <mark key={i} class={`mark-${p.severity}`}>
                  {p.text}
                </mark>
              ) : (
                p.text
              ),
            )}
          </p>
          <ol class="findings" data-testid="play-findings">
            {findings.map((f, i) => (
              <li key={i} data-rule-id={f.ruleId}>
                <div>
                  <span class={`badge sev-${f.severity}`}>{severityLabel(f.severity)}</span> <span class="badge">{categoryLabel(f.category)}</span>{' '}
                  <q>{f.excerpt}</q>
                </div>
                <p>{f.message}</p>
                {f.suggestion && <p class="muted">{t('suggestionPrefix', f.suggestion)}</p>}
                <blockquote class="clause-quote">
                  <strong>{f.clauseTitle}</strong>: {f.quote}
                </blockquote>
                <p class="muted small">
                  <code>{f.ruleId}</code>
                </p>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
