// Organisation pages (business context) and sites where PostGuard is paused.
import { useState } from 'preact/hooks';
import type { Site } from '../../lib/types';
import { orgPages, pausedSites } from '../../utils/settings';
import type { ManagedSettings } from '../../utils/settings-store';
import { t } from '../../utils/i18n';
import { useStored } from '../../ui/hooks';
import { LockIcon, LockNote } from '../../ui/components';

const SITE_LABEL: Record<Site, string> = { facebook: 'Facebook', linkedin: 'LinkedIn' };

function PageList({ site, managedNames }: { site: Site; managedNames: readonly string[] }) {
  const pages = useStored(orgPages);
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState('');
  const mine = pages?.[site] ?? [];
  const inputId = `org-${site}-input`;

  const add = async (ev: Event) => {
    ev.preventDefault();
    const name = draft.trim().replace(/\s+/g, ' ');
    if (!name) return;
    const all = [...managedNames, ...mine];
    if (all.some((n) => n.toLowerCase() === name.toLowerCase())) {
      setProblem(t('orgAlreadyListed', name));
      return;
    }
    setProblem('');
    const current = (await orgPages.getValue()) ?? { facebook: [], linkedin: [] };
    await orgPages.setValue({ ...current, [site]: [...current[site], name] });
    setDraft('');
  };

  const remove = async (name: string) => {
    const current = await orgPages.getValue();
    await orgPages.setValue({ ...current, [site]: current[site].filter((n) => n !== name) });
    document.getElementById(inputId)?.focus();
  };

  return (
    <div class="card" data-testid={`org-${site}`}>
      <h3>{SITE_LABEL[site]}</h3>
      <ul class="plain-list">
        {managedNames.map((n) => (
          <li key={`m-${n}`}>
            <span>{n}</span> <span class="badge">
              <LockIcon /> {t('setByOrg')}
            </span>
          </li>
        ))}
        {mine.map((n) => (
          <li key={n}>
            <span>{n}</span>{' '}
            <button type="button" class="danger" onClick={() => remove(n)} aria-label={t('orgRemoveLabel', n, SITE_LABEL[site])}>
              {t('remove')}
            </button>
          </li>
        ))}
        {!managedNames.length && !mine.length && <li class="muted">{t('orgNone')}</li>}
      </ul>
      <form class="row" onSubmit={add}>
        <label for={inputId}>{t('orgAddLabel', SITE_LABEL[site])}</label>
        <input
          id={inputId}
          type="text"
          value={draft}
          onInput={(e) => setDraft(e.currentTarget.value)}
          aria-invalid={problem ? 'true' : undefined}
          aria-describedby={problem ? `${inputId}-problem` : undefined}
        />
        <button type="submit">{t('add')}</button>
      </form>
      {problem && (
        <p id={`${inputId}-problem`} class="error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

export function OrgPagesSection({ managed }: { managed: ManagedSettings }) {
  return (
    <section aria-labelledby="org-h" id="org-pages">
      <h2 id="org-h">{t('orgHeading')}</h2>
      <p class="muted">{t('orgIntro')}</p>
      {managed.orgPages && <LockNote>{t('orgManagedNote')}</LockNote>}
      <div class="two-col">
        <PageList site="facebook" managedNames={managed.orgPages?.facebook ?? []} />
        <PageList site="linkedin" managedNames={managed.orgPages?.linkedin ?? []} />
      </div>
    </section>
  );
}

export function PausedSitesSection({ managed }: { managed: ManagedSettings }) {
  const paused = useStored(pausedSites) ?? [];
  const locked = managed.locks.cannotPause;
  return (
    <section aria-labelledby="paused-h" id="paused">
      <h2 id="paused-h">{t('pausedHeading')}</h2>
      <p class="muted">{t('pausedIntro')}</p>
      {locked && <LockNote>{t('pauseLockedNote')}</LockNote>}
      {paused.length ? (
        <ul class="plain-list">
          {paused.map((host) => (
            <li key={host}>
              <span>{host}</span>{' '}
              <button
                type="button"
                onClick={async () => pausedSites.setValue((await pausedSites.getValue()).filter((h) => h !== host))}
                aria-label={t('pausedResumeLabel', host)}
              >
                {t('pausedResume')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('pausedNone')}</p>
      )}
    </section>
  );
}
