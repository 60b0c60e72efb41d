// What this tab needs from storage, kept current: the pack (managed, else the
// user's, else the bundled default) and its engine, org pages, the consent
// register, paused sites and disabled rules. A change in any of them (a new
// pack from the options page, IT pushing a policy) applies without a reload.
import { createEngine, defaultPack, parsePackJson, type ConsentEntry, type Engine, type Pack } from '../../lib';
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
  return {
    pack: defaultPack,
    engine: createEngine(defaultPack),
    orgPages: { facebook: [], linkedin: [] },
    consentRegister: [],
    disabledRules: [],
    pausedSites: [],
  };
}

let lastPackText: string | null | undefined;
let lastPack: { pack: Pack; engine: Engine } | null = null;

function packFrom(text: string | null): { pack: Pack; engine: Engine } {
  // Rebuilding the engine is the costly part: only when the pack text changed.
  if (lastPack && text === lastPackText) return lastPack;
  let pack = defaultPack;
  if (text !== null) {
    const loaded = parsePackJson(text);
    if (loaded.ok) pack = loaded.pack;
    else console.warn('[PostGuard] The stored policy pack is not valid; using the default pack.', loaded.problems);
  }
  lastPackText = text;
  lastPack = { pack, engine: createEngine(pack) };
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
  const { pack, engine } = packFrom(managedPack ?? customPack ?? null);
  return {
    pack,
    engine,
    orgPages: {
      facebook: [...(managedPages?.facebook ?? []), ...(pages.facebook ?? [])],
      linkedin: [...(managedPages?.linkedin ?? []), ...(pages.linkedin ?? [])],
    },
    consentRegister: register,
    disabledRules: locks?.cannotDisableRules ? [] : disabled,
    pausedSites: paused,
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
