// Preact hooks over WXT storage items, shared by the options page and the popup.
import { useEffect, useState } from 'preact/hooks';
import type { WxtStorageItem } from 'wxt/utils/storage';
import { readManagedSettings, watchManagedSettings, type ManagedSettings } from '../utils/settings-store';
import { NO_LOCKS } from '../utils/settings-logic';

/** The item's current value (undefined while loading), kept up to date as storage changes. */
export function useStored<T>(item: WxtStorageItem<T, Record<string, unknown>>): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    let live = true;
    item.getValue().then((v) => live && setValue(v));
    const unwatch = item.watch((v) => setValue(v));
    return () => {
      live = false;
      unwatch();
    };
  }, [item]);
  return value;
}

export const NOTHING_MANAGED: ManagedSettings = { packText: null, orgPages: null, locks: NO_LOCKS };

/** What the organisation manages, kept up to date. */
export function useManaged(): ManagedSettings {
  const [value, setValue] = useState<ManagedSettings>(NOTHING_MANAGED);
  useEffect(() => {
    let live = true;
    const load = () => readManagedSettings().then((v) => live && setValue(v));
    load();
    const unwatch = watchManagedSettings(load);
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return value;
}
