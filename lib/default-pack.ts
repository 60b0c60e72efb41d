// The bundled default pack, from a social-care employer's social media policy.
import packJson from '../rules/social-care.json';
import { parsePack } from './pack/parse';
import type { Pack } from './pack/schema';

export const defaultPackText = JSON.stringify(packJson, null, 2);

export const defaultPack: Pack = (() => {
  const loaded = parsePack(packJson);
  if (!loaded.ok) throw new Error(`The bundled pack is invalid: ${loaded.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return loaded.pack;
})();
