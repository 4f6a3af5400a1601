// Installs the browser the UI's tests drive: Debian's Chromium at /usr/bin/chromium
// (playwright-core downloads no browser of its own). Does nothing when it is already there.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
if (existsSync(CHROMIUM)) {
  console.log(`Chromium is installed: ${CHROMIUM}`);
  process.exit(0);
}
const asRoot = process.getuid?.() === 0 ? [] : ['sudo'];
const run = (args) => {
  console.log(`$ ${[...asRoot, ...args].join(' ')}`);
  execFileSync(asRoot[0] ?? args[0], asRoot.length > 0 ? args : args.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
};
try {
  run(['apt-get', 'update']);
  run(['apt-get', 'install', '-y', 'chromium']);
} catch {
  console.error(
    'Could not install Chromium with apt-get; install Debian\'s "chromium" package by hand.',
  );
  process.exit(1);
}
if (!existsSync(CHROMIUM)) {
  console.error(`apt-get finished but ${CHROMIUM} is missing`);
  process.exit(1);
}
console.log(`Chromium installed: ${CHROMIUM}`);
