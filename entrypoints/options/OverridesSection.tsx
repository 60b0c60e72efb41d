// The "Post anyway" log: when, where, which rules, why. Never the post text.
import { useEffect, useState } from 'preact/hooks';
import { overrideRetentionDays, overridesLog } from '../../utils/settings';
import { pruneOverridesLog } from '../../utils/settings-store';
import { formatOverridesCsv, isValidRetention, localToday, MAX_RETENTION_DAYS, MIN_RETENTION_DAYS } from '../../utils/settings-logic';
import { t } from '../../utils/i18n';
import { useStored } from '../../ui/hooks';
import { download, Status } from '../../ui/components';

export function OverridesSection() {
  const log = useStored(overridesLog) ?? [];
  const retention = useStored(overrideRetentionDays);
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState('');
  const [status, setStatus] = useState('');

  useEffect(() => {
    void pruneOverridesLog();
  }, []);
  useEffect(() => {
    if (retention !== undefined) setDraft(String(retention));
  }, [retention]);

  const saveRetention = async (ev: Event) => {
    ev.preventDefault();
    const days = Number(draft);
    if (!isValidRetention(days)) {
      setProblem(t('retentionInvalid', MIN_RETENTION_DAYS, MAX_RETENTION_DAYS));
      return;
    }
    setProblem('');
    await overrideRetentionDays.setValue(days);
    const removed = await pruneOverridesLog();
    setStatus(t('retentionSaved', days, removed));
  };

  const clear = async () => {
    if (!confirm(t('overridesConfirmClear'))) return;
    await overridesLog.setValue([]);
    setStatus(t('overridesCleared'));
  };

  const newestFirst = [...log].sort((a, b) => b.time.localeCompare(a.time));
  const fmt = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  const when = (iso: string) => {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : fmt.format(d);
  };

  return (
    <section aria-labelledby="overrides-h" id="overrides">
      <h2 id="overrides-h">{t('overridesHeading')}</h2>
      <p class="muted">{t('overridesIntro')}</p>
      {newestFirst.length ? (
        <div class="table-wrap">
          <table data-testid="overrides-table">
            <caption class="visually-hidden">{t('overridesHeading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('overridesTime')}</th>
                <th scope="col">{t('overridesSite')}</th>
                <th scope="col">{t('overridesContext')}</th>
                <th scope="col">{t('overridesRules')}</th>
                <th scope="col">{t('overridesReason')}</th>
              </tr>
            </thead>
            <tbody>
              {newestFirst.map((e, i) => (
                <tr key={`${e.time}-${i}`}>
                  <td>
                    <time dateTime={e.time}>{when(e.time)}</time>
                  </td>
                  <td>{e.site}</td>
                  <td>{e.context === 'business' ? t('contextBusiness') : t('contextPersonal')}</td>
                  <td>
                    {e.ruleIds.map((id) => (
                      <code key={id} class="rule-id">
                        {id}
                      </code>
                    ))}
                  </td>
                  <td>{e.reason || <span class="muted">{t('overridesNoReason')}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t('overridesEmpty')}</p>
      )}
      <div class="row">
        <button type="button" disabled={!log.length} onClick={() => download(`postguard-overrides-${localToday()}.csv`, formatOverridesCsv(newestFirst), 'text/csv')}>
          {t('overridesExport')}
        </button>
        <button type="button" class="danger" disabled={!log.length} onClick={clear}>
          {t('overridesClear')}
        </button>
      </div>
      <form class="row" onSubmit={saveRetention}>
        <label for="retention">{t('retentionLabel')}</label>
        <input
          id="retention"
          type="number"
          min={MIN_RETENTION_DAYS}
          max={MAX_RETENTION_DAYS}
          step={1}
          value={draft}
          onInput={(e) => setDraft(e.currentTarget.value)}
          aria-invalid={problem ? 'true' : undefined}
          aria-describedby={problem ? 'retention-problem' : undefined}
          class="narrow"
        />
        <button type="submit">{t('save')}</button>
      </form>
      {problem && (
        <p id="retention-problem" class="error" role="alert">
          {problem}
        </p>
      )}
      {status && <Status text={status} />}
    </section>
  );
}
