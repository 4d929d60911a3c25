import net from 'node:net';
import { freePort } from './functions-runner.ts';

export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** The port the CLI convention gives (gateway + offset) when free, otherwise any free port. */
export async function preferredPort(preferred: number): Promise<number> {
  return (await isPortFree(preferred)) ? preferred : freePort();
}
