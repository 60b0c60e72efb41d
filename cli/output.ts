// Writing to stdout: waits when the pipe is full (a large batch must not pile up
// in memory) and stops quietly when the reader goes away (`postguard ... | head`).
import { once } from 'node:events';
import type { Writable } from 'node:stream';

export function writer(stream: Writable): (chunk: string) => Promise<void> {
  return async (chunk) => {
    if (!stream.write(chunk)) await once(stream, 'drain');
  };
}

export function exitQuietlyOnBrokenPipe(stream: Writable): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}
