// The JSON Schema pack authors point their editor at for completion and checks.
import { z } from 'zod';
import { packSchema } from './schema';

export function packJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(packSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
