// Which policy pack is in force, as the content script sees it.
import { useMemo } from 'preact/hooks';
import { defaultPack, parsePackJson, type Pack } from '../lib';
import type { PackProblem } from '../lib/types';
import { customPackText } from '../utils/settings';
import { resolvePackSource, type PackSource } from '../utils/settings-logic';
import type { ManagedSettings } from '../utils/settings-store';
import { useStored } from './hooks';

export interface PackInForce {
  /** False until storage has been read. */
  ready: boolean;
  source: PackSource;
  pack: Pack;
  /** Set when the stored pack text no longer loads and the bundled pack is used instead. */
  storedProblems: PackProblem[];
}

export function resolvePackInForce(custom: string | null, managed: ManagedSettings): Omit<PackInForce, 'ready'> {
  const { source, text } = resolvePackSource(custom, managed.packText, managed.locks);
  if (text === null) return { source: 'default', pack: defaultPack, storedProblems: [] };
  const loaded = parsePackJson(text);
  return loaded.ok
    ? { source, pack: loaded.pack, storedProblems: [] }
    : { source: 'default', pack: defaultPack, storedProblems: loaded.problems };
}

export function usePackInForce(managed: ManagedSettings): PackInForce {
  const custom = useStored(customPackText);
  return useMemo(
    () => ({ ready: custom !== undefined, ...resolvePackInForce(custom ?? null, managed) }),
    [custom, managed],
  );
}
