// Run first by `pnpm test`: the browser tests drive Debian's chromium through playwright-core, and the feed
// tests check every feed with libxml2's xmllint; a fresh machine may have neither. Where one is missing and
// apt-get can install it (root, or passwordless sudo), it is installed; elsewhere this says exactly what to
// do. No browser is ever downloaded by a test tool.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.PAPERTREND_CHROMIUM ?? '/usr/bin/chromium';
const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
const missing = [
  ...(existsSync(chromium) ? [] : ['chromium', 'fonts-dejavu-core']),
  ...(has('xmllint') ? [] : ['libxml2-utils']),
];
if (missing.length === 0) process.exit(0);

const isRoot = process.getuid?.() === 0;
const sudo = !isRoot && has('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;

if (has('apt-get') && (isRoot || sudo)) {
  console.error(`pnpm test: installing Debian's ${missing.join(', ')} with apt-get (once).`);
  const run = (args) =>
    execFileSync(sudo ? 'sudo' : args[0], sudo ? args : args.slice(1), {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  run(['apt-get', 'update']);
  run(['apt-get', 'install', '-y', ...missing]);
  if (existsSync(chromium) && has('xmllint')) process.exit(0);
}

if (!has('xmllint')) {
  console.error(`pnpm test checks every feed it writes with xmllint and found none.
  Debian or Ubuntu:  sudo apt-get install libxml2-utils   (macOS has it already)`);
}
if (existsSync(chromium)) process.exit(1);
console.error(`pnpm test needs a Chromium for its browser tests and found none at ${chromium}.
  Debian or Ubuntu:  sudo apt-get install chromium        (then run pnpm test again)
  Elsewhere:         install Chromium or Chrome and set PAPERTREND_CHROMIUM=/path/to/the/binary
No browser is downloaded by the tests themselves.`);
process.exit(1);
