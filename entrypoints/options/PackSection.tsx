// The policy pack: what is in force, loading a new one, its clauses and rules,
// its examples, and switching rules off where the pack allows it.
import { useState } from 'preact/hooks';
import { canDisable, parsePackJson, runPackExamples, type ExampleReport, type Pack, type Rule } from '../../lib';
import type { PackProblem } from '../../lib/types';
import { customPackText, disabledRules } from '../../utils/settings';
import type { ManagedSettings } from '../../utils/settings-store';
import { packIsLocked } from '../../utils/settings-logic';
import { t } from '../../utils/i18n';
import { useStored } from '../../ui/hooks';
import { type PackInForce } from '../../ui/pack-state';
import { FileDrop, LockNote, ProblemList, Status } from '../../ui/components';
import { ExamplesReport } from './ExamplesReport';

export function categoryLabel(c: string) {
  return t(`category_${c}`);
}
export function severityLabel(s: string) {
  return t(`severity_${s}`);
}
export function contextLabel(c: string) {
  return c === 'business' ? t('contextBusiness') : t('contextPersonal');
}

function PackMeta({ pack, source }: { pack: Pack; source: PackInForce['source'] }) {
  const m = pack.meta;
  return (
    <dl class="pack-meta" data-testid="pack-meta">
      <dt>{t('packName')}</dt>
      <dd data-testid="pack-name">{m.name}</dd>
      <dt>{t('packVersion')}</dt>
      <dd data-testid="pack-version">{m.version}</dd>
      <dt>{t('packOrganisation')}</dt>
      <dd>{m.organisation}</dd>
      <dt>{t('packPolicy')}</dt>
      <dd>
        {m.policy.title} <span class="muted">({m.policy.date})</span>
        {m.policy.url && /^https?:\/\//i.test(m.policy.url) && (
          <>
            {' '}
            <a href={m.policy.url} target="_blank" rel="noopener noreferrer">
              {t('packPolicyLink')}
            </a>
          </>
        )}
      </dd>
      <dt>{t('packSource')}</dt>
      <dd data-testid="pack-source">{t(`packSource_${source}`)}</dd>
      <dt>{t('packCounts')}</dt>
      <dd>{t('packCountsValue', pack.clauses.length, pack.rules.length)}</dd>
      {m.description && (
        <>
          <dt>{t('packDescription')}</dt>
          <dd>{m.description}</dd>
        </>
      )}
    </dl>
  );
}

function RuleRow({ rule, disabled, lockAll, onToggle }: { rule: Rule; disabled: boolean; lockAll: boolean; onToggle: (on: boolean) => void }) {
  const allowed = canDisable(rule);
  const boxId = `rule-on-${rule.id}`;
  const whyId = `rule-why-${rule.id}`;
  return (
    <li class="rule" data-rule-id={rule.id}>
      <div class="rule-head">
        <code>{rule.id}</code> <span class={`badge sev-${rule.severity}`}>{severityLabel(rule.severity)}</span>{' '}
        <span class="badge">{categoryLabel(rule.category)}</span>{' '}
        <span class="muted">
          {rule.contexts.map(contextLabel).join(' · ')}
          {rule.sites && ` — ${rule.sites.join(', ')}`}
        </span>
      </div>
      <p class="rule-message">{rule.message}</p>
      {rule.suggestion && <p class="muted">{t('suggestionPrefix', rule.suggestion)}</p>}
      <div class="rule-toggle">
        <input
          id={boxId}
          type="checkbox"
          checked={!disabled}
          disabled={!allowed || lockAll}
          aria-describedby={!allowed || lockAll ? whyId : undefined}
          onChange={(e) => onToggle(e.currentTarget.checked)}
        />
        <label for={boxId}>{t('ruleOn')}</label>
        {(!allowed || lockAll) && (
          <span id={whyId} class="muted">
            {' '}
            — {lockAll ? t('ruleLockedByOrg') : t('ruleLockedByPack')}
          </span>
        )}
        {disabled && allowed && !lockAll && <span class="badge sev-warn">{t('ruleSwitchedOff')}</span>}
        {disabled && lockAll && <span class="muted"> {t('ruleOffIgnored')}</span>}
      </div>
    </li>
  );
}

export function PackSection({ managed, inForce }: { managed: ManagedSettings; inForce: PackInForce }) {
  const custom = useStored(customPackText);
  const disabled = useStored(disabledRules) ?? [];
  const [problems, setProblems] = useState<PackProblem[]>([]);
  const [rejectedName, setRejectedName] = useState('');
  const [status, setStatus] = useState('');
  const [report, setReport] = useState<ExampleReport | null>(null);
  const [reportError, setReportError] = useState('');
  const lockPack = packIsLocked(managed.packText, managed.locks);
  const lockRules = managed.locks.cannotDisableRules;
  const { pack, source } = inForce;

  const load = async (text: string, fileName: string) => {
    setStatus('');
    setReport(null);
    const loaded = parsePackJson(text);
    if (!loaded.ok) {
      setRejectedName(fileName);
      setProblems(loaded.problems);
      requestAnimationFrame(() => document.getElementById('pack-problems')?.focus());
      return;
    }
    setProblems([]);
    await customPackText.setValue(text);
    setStatus(t('packLoaded', loaded.pack.meta.name, loaded.pack.meta.version));
  };

  const restore = async () => {
    await customPackText.setValue(null);
    setProblems([]);
    setReport(null);
    setStatus(t('packRestored'));
  };

  const toggle = async (rule: Rule, on: boolean) => {
    const current = await disabledRules.getValue();
    const next = on ? current.filter((id) => id !== rule.id) : [...new Set([...current, rule.id])];
    await disabledRules.setValue(next);
  };

  const runExamples = () => {
    setReportError('');
    try {
      setReport(runPackExamples(pack));
    } catch (e) {
      setReport(null);
      setReportError(String((e as Error).message ?? e));
    }
  };

  const rulesByClause = new Map<string, Rule[]>();
  for (const r of pack.rules) rulesByClause.set(r.clause, [...(rulesByClause.get(r.clause) ?? []), r]);

  return (
    <section aria-labelledby="pack-h" id="pack">
      <h2 id="pack-h">{t('packHeading')}</h2>
      {inForce.storedProblems.length > 0 && (
        <ProblemList title={t('packStoredBroken')} problems={inForce.storedProblems} />
      )}
      <PackMeta pack={pack} source={source} />

      {lockPack && <LockNote>{managed.packText ? t('packManagedNote') : t('packLockedNote')}</LockNote>}
      <div class="row">
        <FileDrop
          label={t('packLoad')}
          hint={t('packLoadHint')}
          accept=".json,application/json"
          disabled={lockPack}
          onFile={load}
          testId="pack-file"
        />
        <button type="button" disabled={lockPack || custom === null || custom === undefined} onClick={restore}>
          {t('packRestore')}
        </button>
      </div>
      <ProblemList
        id="pack-problems"
        title={problems.length === 1 ? t('packRejectedOne', rejectedName) : t('packRejected', rejectedName, problems.length)}
        problems={problems}
      />
      {problems.length > 0 && <p class="muted">{t('packKept', pack.meta.name)}</p>}
      {status && <Status text={status} />}

      <h3>{t('packExamplesHeading')}</h3>
      <p class="muted">{t('packExamplesIntro')}</p>
      <button type="button" onClick={runExamples}>
        {t('packExamplesRun')}
      </button>
      {reportError && <p class="error" role="alert">{reportError}</p>}
      {report && <ExamplesReport report={report} />}

      <h3>{t('packRulesHeading')}</h3>
      {lockRules && <LockNote>{t('rulesLockedNote')}</LockNote>}
      <div class="clauses" data-testid="clauses">
        {pack.clauses.map((c) => {
          const rules = rulesByClause.get(c.id) ?? [];
          return (
            <details key={c.id} class="clause">
              <summary>
                <span class="clause-title">{c.title}</span> <span class="muted">{t('clauseRuleCount', rules.length)}</span>
              </summary>
              <blockquote class="clause-quote">{c.text}</blockquote>
              <ul class="rules">
                {rules.map((r) => (
                  <RuleRow key={r.id} rule={r} disabled={disabled.includes(r.id)} lockAll={lockRules} onToggle={(on) => toggle(r, on)} />
                ))}
              </ul>
            </details>
          );
        })}
      </div>
    </section>
  );
}
