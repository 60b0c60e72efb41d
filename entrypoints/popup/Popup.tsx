// The toolbar popup: how PostGuard stands on the current tab.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CATEGORIES, type AccountContext } from '../../lib/types';
import type { GetStatusMessage, SetContextMessage, TabStatus } from '../../utils/messages';
import { pausedSites } from '../../utils/settings';
import { normaliseHost } from '../../utils/settings-logic';
import { t } from '../../utils/i18n';
import { useManaged, useStored } from '../../ui/hooks';
import { LockNote } from '../../ui/components';

type TabState =
  | { kind: 'loading' }
  | { kind: 'none'; host: string | null } // no content script in this tab
  | { kind: 'ready'; tabId: number; host: string | null; status: TabStatus };

/** The tab the popup is about: `?tabId=` (used by tests and when opened in a tab), else the active tab. */
async function targetTab(): Promise<{ id: number; url?: string } | null> {
  const param = new URLSearchParams(location.search).get('tabId');
  if (param && /^\d+$/.test(param)) {
    try {
      const tab = await browser.tabs.get(Number(param));
      return tab.id === undefined ? null : { id: tab.id, url: tab.url };
    } catch {
      return null;
    }
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? null : { id: tab.id, url: tab.url };
}

async function getStatus(tabId: number): Promise<TabStatus | null> {
  try {
    const msg: GetStatusMessage = { type: 'postguard:get-status' };
    const status = (await browser.tabs.sendMessage(tabId, msg)) as TabStatus | undefined;
    return status && typeof status === 'object' && 'context' in status ? status : null;
  } catch {
    return null; // "Receiving end does not exist": not Facebook or LinkedIn, or the page predates the extension
  }
}

/**
 * The tab's host name, as the content script compares it with `pausedSites`.
 * The content script may report it; the tab's URL is only visible with host
 * permission; failing both, the site's usual host.
 */
function hostOf(url: string | undefined, status: TabStatus): string | null {
  const reported = status.host;
  if (typeof reported === 'string' && normaliseHost(reported)) return normaliseHost(reported);
  const fromUrl = url ? normaliseHost(url) : null;
  if (fromUrl) return fromUrl;
  return status.site ? `www.${status.site}.com` : null;
}

export function Popup() {
  const [state, setState] = useState<TabState>({ kind: 'loading' });
  const [error, setError] = useState('');
  const managed = useManaged();
  const paused = useStored(pausedSites) ?? [];

  const refresh = useCallback(async () => {
    const tab = await targetTab();
    if (!tab) {
      setState({ kind: 'none', host: null });
      return;
    }
    const status = await getStatus(tab.id);
    setState(status ? { kind: 'ready', tabId: tab.id, host: hostOf(tab.url, status), status } : { kind: 'none', host: null });
  }, []);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), 1500);
    return () => clearInterval(timer);
  }, [refresh]);

  const openOptions = (e: Event) => {
    e.preventDefault();
    void browser.runtime.openOptionsPage();
  };

  const header = (
    <header class="popup-header">
      <h1>{t('extName')}</h1>
      {state.kind === 'ready' && (
        <p class="muted" data-testid="popup-pack">
          {t('popupPack', state.status.packName, state.status.packVersion)}
        </p>
      )}
    </header>
  );
  const footer = (
    <footer class="popup-footer">
      <a href={browser.runtime.getURL('/options.html')} onClick={openOptions}>
        {t('popupOpenOptions')}
      </a>
    </footer>
  );

  if (state.kind === 'loading') {
    return (
      <main class="popup" aria-busy="true">
        {header}
        <p>{t('loading')}</p>
      </main>
    );
  }
  if (state.kind === 'none') {
    return (
      <main class="popup">
        {header}
        <p data-testid="popup-inactive">{t('popupNotHere')}</p>
        {footer}
      </main>
    );
  }

  const { status, tabId } = state;
  const host = state.host;
  const isPaused = host !== null && paused.includes(host);
  const pauseLocked = managed.locks.cannotPause;
  const choice: AccountContext | 'auto' = status.contextSource === 'tab-setting' ? status.context : 'auto';
  const counts = CATEGORIES.filter((c) => (status.findings[c] ?? 0) > 0).map((c) => [c, status.findings[c] ?? 0] as const);
  const total = counts.reduce((n, [, k]) => n + k, 0);
  const ctxLabel = (c: AccountContext) => (c === 'business' ? t('contextBusiness') : t('contextPersonal'));

  const setContext = async (context: AccountContext | 'auto') => {
    setError('');
    try {
      const msg: SetContextMessage = { type: 'postguard:set-context', context };
      await browser.tabs.sendMessage(tabId, msg);
    } catch {
      setError(t('popupSendFailed'));
    }
    await refresh();
  };

  const togglePause = async () => {
    if (!host) return;
    const current = await pausedSites.getValue();
    await pausedSites.setValue(isPaused ? current.filter((h) => h !== host) : [...current, host]);
    setTimeout(() => void refresh(), 200);
  };

  return (
    <main class="popup">
      {header}
      <p class={`state ${status.active ? 'state-on' : 'state-off'}`} data-testid="popup-state">
        <span aria-hidden="true">{status.active ? '●' : '○'}</span>{' '}
        {status.active ? t('popupActive', host ?? status.site ?? '') : t('popupPaused', host ?? status.site ?? '')}
      </p>

      <fieldset class="context" data-testid="popup-context">
        <legend>{t('popupContextLegend')}</legend>
        <p class="muted small">
          {t(
            status.contextSource === 'org-page' ? 'popupDetectedOrgPage' : 'popupDetected',
            ctxLabel(status.detectedContext),
          )}
        </p>
        <label class="inline">
          <input type="radio" name="ctx" checked={choice === 'auto'} onChange={() => setContext('auto')} /> {t('popupContextAuto')}
        </label>
        <label class="inline">
          <input type="radio" name="ctx" checked={choice === 'personal'} onChange={() => setContext('personal')} /> {t('contextPersonal')}
        </label>
        <label class="inline">
          <input type="radio" name="ctx" checked={choice === 'business'} onChange={() => setContext('business')} /> {t('contextBusiness')}
        </label>
        <p class="small">
          {t('popupContextInForce')} <strong data-testid="popup-context-value">{ctxLabel(status.context)}</strong>
        </p>
      </fieldset>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}

      <section aria-labelledby="popup-findings-h" class="findings-summary" data-testid="popup-findings">
        <h2 id="popup-findings-h">{t('popupFindingsHeading')}</h2>
        {total === 0 ? (
          <p>{t('popupNoFindings')}</p>
        ) : (
          <>
            <p>{t('popupFindingsCount', total)}</p>
            <ul>
              {counts.map(([c, n]) => (
                <li key={c}>
                  {t(`category_${c}`)}: {n}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <div class="pause">
        <button type="button" onClick={togglePause} disabled={!host || (pauseLocked && !isPaused)} aria-pressed={isPaused} data-testid="popup-pause">
          {isPaused ? t('popupResume') : t('popupPause')}
        </button>
        {pauseLocked && <LockNote>{t('pauseLockedNote')}</LockNote>}
      </div>
      {footer}
    </main>
  );
}
