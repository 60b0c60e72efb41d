import { t } from '../../utils/i18n';
import { useManaged } from '../../ui/hooks';
import { usePackInForce } from '../../ui/pack-state';
import { LockNote } from '../../ui/components';
import { PackSection } from './PackSection';
import { PlaygroundSection } from './PlaygroundSection';
import { ConsentSection } from './ConsentSection';
import { OrgPagesSection, PausedSitesSection } from './OrgPagesSection';
import { OverridesSection } from './OverridesSection';
import { BackupSection } from './BackupSection';
import { RepairNotice } from './RepairNotice';

const SECTIONS = [
  ['pack', 'packHeading'],
  ['playground', 'playHeading'],
  ['consent', 'consentHeading'],
  ['org-pages', 'orgHeading'],
  ['paused', 'pausedHeading'],
  ['overrides', 'overridesHeading'],
  ['backup', 'backupHeading'],
] as const;

export function App() {
  const managed = useManaged();
  const inForce = usePackInForce(managed);
  const anyManaged = managed.packText !== null || managed.orgPages !== null || Object.values(managed.locks).some(Boolean);
  return (
    <>
      <a class="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header class="page-header">
        <h1>{t('optionsTitle')}</h1>
        <p class="muted">{t('optionsTagline')}</p>
      </header>
      <div class="layout">
        <nav aria-label={t('optionsNav')} class="side-nav">
          <ul>
            {SECTIONS.map(([id, key]) => (
              <li key={id}>
                <a href={`#${id}`}>{t(key)}</a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" tabIndex={-1}>
          {anyManaged && <LockNote>{t('managedBanner')}</LockNote>}
          <RepairNotice />
          {inForce.ready ? (
            <>
              <PackSection managed={managed} inForce={inForce} />
              <PlaygroundSection managed={managed} inForce={inForce} />
            </>
          ) : (
            <p aria-busy="true">{t('loading')}</p>
          )}
          <ConsentSection />
          <OrgPagesSection managed={managed} />
          <PausedSitesSection managed={managed} />
          <OverridesSection />
          <BackupSection managed={managed} />
        </main>
      </div>
    </>
  );
}
