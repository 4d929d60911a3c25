/**
 * `pretest`: the end-to-end tests drive Debian's Chromium. On a fresh machine it is not installed yet, so install it
 * (root with apt-get) or say exactly what is missing, instead of letting the e2e suite fail half-way.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const wanted = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(wanted)) {
  const canInstall = process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get']).status === 0;
  if (!canInstall || process.env.CHROMIUM_PATH) {
    console.error(`Chromium not found at ${wanted}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
    process.exit(1);
  }
  console.log('Chromium is missing: installing Debian\'s chromium for the end-to-end tests…');
  const install = spawnSync(
    'sh',
    ['-c', 'apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium fonts-dejavu-core'],
    { stdio: 'inherit' },
  );
  if (install.status !== 0 || !existsSync(wanted)) {
    console.error('Installing chromium failed; the end-to-end tests cannot run.');
    process.exit(1);
  }
}
