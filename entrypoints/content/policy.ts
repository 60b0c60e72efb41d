// What the pack says about stopping a post: the engine's shared definition
// (lib/engine/stops.ts), so the CLI's exit status and the extension agree.
export { needsReason, stoppingFindings, warningFindings } from '../../lib/engine/stops';
