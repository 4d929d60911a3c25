// `npm run stack`: runs the embedded local stack in the foreground until Ctrl-C.
import { ONE_ADDRESS_MANY_CLIENTS } from './auth/settings.ts';
import { startLocalStack } from './index.ts';

// Every local client comes from 127.0.0.1, so a load test from one machine would meet the per-address auth
// limits at once; LOCAL_STACK_AUTH_LIMITS=off opens them (the benchmarks set it; users never need to).
const auth = process.env.LOCAL_STACK_AUTH_LIMITS === 'off' ? ONE_ADDRESS_MANY_CLIENTS : undefined;

const started = Date.now();
let stack: Awaited<ReturnType<typeof startLocalStack>>;
try {
  stack = await startLocalStack({ watchFunctions: true, auth });
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
