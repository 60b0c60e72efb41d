// What this tab needs from storage, kept current: the pack (chosen as the
// options page does, see resolvePackSource) and its engine, org pages, the consent
// register, paused sites and disabled rules. A change in any of them (a new
// pack from the options page, IT pushing a policy) applies without a reload.
import { createEngine, defaultPack, parsePackJson, type ConsentEntry, type Engine, type Pack } from '../../lib';
import { lazyEngine } from '../../lib/engine/lazy';
import {
  consentRegister,
  customPackText,
  disabledRules,
  managedLocks,
  managedOrgPages,
  managedPackText,
  orgPages,
  pausedSites,
  type OrgPages,
} from '../../utils/settings';
import { mergeOrgPages, resolveLocks, resolvePackSource } from '../../utils/settings-logic';

export interface ContentSettings {
  pack: Pack;
  engine: Engine;
  /** Page names per site, the organisation's (managed) and the user's together. */
  orgPages: OrgPages;
  consentRegister: ConsentEntry[];
  /** Empty when IT has locked rules on. */
  disabledRules: string[];
  pausedSites: string[];
}

/** The bundled default, ready before storage answers (a post can't wait on it). */
export function defaultSettings(): ContentSettings {
  const { pack, engine } = packFrom(null);
  return {
    pack,
    engine,
    orgPages: { facebook: [], linkedin: [] },
    consentRegister: [],
    disabledRules: [],
    pausedSites: [],
  };
}

let lastPackText: string | null | undefined;
let lastPack: { pack: Pack; engine: Engine } | null = null;

/**
 * An engine's first checks compile regular expressions and warm the language
 * parser; run a few while the page is idle, one per idle slot, so the
 * person's first keystrokes do not pay for them.
 */
const WARM_UP = [
  'Mrs Jane Doe in room 12 had a good day with her family at the seaside.',
  'I think the new rules are silly, honestly! We are going to the park on Sunday at 3pm.',
  'Call 07700 900123 or email someone@example.com about the night shift rota for ward 4.',
  'Our team had a lovely lunch; the manager said it was the best week ever?',
];

function warmUp(engine: Engine): void {
  const idle = (fn: () => void): void => {
    if ('requestIdleCallback' in window) window.requestIdleCallback(fn, { timeout: 3000 });
    else setTimeout(fn, 100);
  };
  const session = engine.session();
  let text = '';
  const step = (i: number): void => {
    const sentence = WARM_UP[i];
    if (sentence === undefined) return;
    text += `${sentence} `;
    try {
      session.check(text, { context: i % 2 ? 'personal' : 'business', hasMedia: i === 0 });
    } catch (error) {
      // A check that fails here fails again when a post goes out, and is held there (fail closed).
      console.warn('[PostGuard] Warm-up check failed:', error);
      return;
    }
    idle(() => step(i + 1));
  };
  idle(() => step(0));
}

let defaultEngine: Engine | null = null;

function packFrom(text: string | null): { pack: Pack; engine: Engine } {
  // Building an engine is the costly part: only when the pack text changed.
  if (lastPack && text === lastPackText) return lastPack;
  lastPackText = text;
  const loaded = text === null ? null : parsePackJson(text);
  if (loaded && !loaded.ok) {
    console.warn('[PostGuard] The stored policy pack is not valid; using the default pack.', loaded.problems);
  }
  if (loaded?.ok) {
    const pack = loaded.pack;
    lastPack = { pack, engine: lazyEngine(pack, () => createEngine(pack)) };
    warmUp(lastPack.engine);
  } else {
    if (!defaultEngine) {
      defaultEngine = lazyEngine(defaultPack, () => createEngine(defaultPack));
      warmUp(defaultEngine);
    }
    lastPack = { pack: defaultPack, engine: defaultEngine };
  }
  return lastPack;
}

async function load(): Promise<ContentSettings> {
  const [managedPack, customPack, managedPages, pages, register, disabled, paused, locks] = await Promise.all([
    managedPackText.getValue().catch(() => null),
    customPackText.getValue(),
    managedOrgPages.getValue().catch(() => null),
    orgPages.getValue(),
    consentRegister.getValue(),
    disabledRules.getValue(),
    pausedSites.getValue(),
    managedLocks.getValue().catch(() => null),
  ]);
  const locked = resolveLocks(locks);
  const { pack, engine } = packFrom(resolvePackSource(customPack, managedPack, locked).text);
  return {
    pack,
    engine,
    orgPages: mergeOrgPages(pages, managedPages),
    consentRegister: register,
    disabledRules: locked.cannotDisableRules ? [] : disabled,
    // When the organisation says PostGuard cannot be paused, earlier pauses no longer count.
    pausedSites: locked.cannotPause ? [] : paused,
  };
}

/** Calls `apply` with the stored settings now and after every change. Returns an unwatch function. */
export function watchSettings(apply: (settings: ContentSettings) => void): () => void {
  let generation = 0;
  const reload = (): void => {
    const mine = ++generation;
    load()
      .then((s) => {
        if (mine === generation) apply(s); // a newer change won the race
      })
      .catch((e) => console.warn('[PostGuard] Could not read settings.', e));
  };
  const items = [managedPackText, customPackText, managedOrgPages, orgPages, consentRegister, disabledRules, pausedSites, managedLocks];
  const unwatchers = items.map((item) => (item as { watch(cb: () => void): () => void }).watch(reload));
  reload();
  return () => unwatchers.forEach((u) => u());
}
