// `npm run stack`: runs the embedded local stack in the foreground until Ctrl-C.
import { startLocalStack } from './index.ts';

const started = Date.now();
let stack: Awaited<ReturnType<typeof startLocalStack>>;
try {
  stack = await startLocalStack({ watchFunctions: true });
} catch (error) {
  console.error(`\nThe local stack did not start: ${(error as Error).message}`);
  process.exit(1);
}
const seconds = ((Date.now() - started) / 1000).toFixed(1);

console.log(`
Local stack ready in ${seconds} s
  API URL           ${stack.url}
  DB URL            ${stack.dbUrl}
  anon key          ${stack.anonKey}
  service_role key  ${stack.serviceRoleKey}
  JWT secret        ${stack.jwtSecret}
Press Ctrl-C to stop.`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the local stack…`);
  await stack.stop();
  console.log('Stopped.');
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
