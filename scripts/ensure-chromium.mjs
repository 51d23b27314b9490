// Run first by `pnpm test`: the browser tests drive Debian's chromium through playwright-core, and a fresh
// machine may not have it. Where it is missing and apt-get can install it (root, or passwordless sudo), it is
// installed; elsewhere this says exactly what to do. No browser is ever downloaded by a test tool.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.PAPERTREND_CHROMIUM ?? '/usr/bin/chromium';
if (existsSync(chromium)) process.exit(0);

const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
const isRoot = process.getuid?.() === 0;
const sudo = !isRoot && has('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;

if (has('apt-get') && (isRoot || sudo)) {
  console.error(`pnpm test: ${chromium} is missing; installing Debian's chromium with apt-get (once).`);
  const run = (args) =>
    execFileSync(sudo ? 'sudo' : args[0], sudo ? args : args.slice(1), {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  run(['apt-get', 'update']);
  run(['apt-get', 'install', '-y', 'chromium', 'fonts-dejavu-core']);
  if (existsSync(chromium)) process.exit(0);
}

console.error(`pnpm test needs a Chromium for its browser tests and found none at ${chromium}.
  Debian or Ubuntu:  sudo apt-get install chromium        (then run pnpm test again)
  Elsewhere:         install Chromium or Chrome and set PAPERTREND_CHROMIUM=/path/to/the/binary
No browser is downloaded by the tests themselves.`);
process.exit(1);
