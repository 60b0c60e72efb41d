// The model that ships with PostGuard, trained by `npm run train` from
// corpus/batches and stored beside the default pack. A pack turns it on with
// `"model": { "id": "social-care-1", ... }`.
import modelFile from '../../rules/social-care.model.json';
import { loadModel, type Model, type ModelFile } from './model';

export const BUNDLED_MODEL_ID = (modelFile as ModelFile).id;

let loaded: Model | null = null;

/** Decoded on first use: a pack without a model never pays for it. */
export function bundledModel(): Model {
  loaded ??= loadModel(modelFile as ModelFile);
  return loaded;
}
