import { existsSync } from 'node:fs';

/** Debian's Chromium (`npm run setup:browser`, or `.ci/run`, installs it). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Whether the browser tests run. Without Chromium they skip, saying how to install it; with
 * `CUPID_REQUIRE_BROWSER=1` (as `.ci/run` sets) a missing browser fails instead of skipping.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env.CUPID_REQUIRE_BROWSER === '1') {
    throw new Error(`CUPID_REQUIRE_BROWSER=1 but there is no Chromium at ${CHROMIUM_PATH}`);
  }
  console.warn(
    `Skipping the browser tests: no Chromium at ${CHROMIUM_PATH}. Install it with \`npm run setup:browser\` (Debian's chromium).`,
  );
  return false;
}

/**
 * Launch flags: no sandbox (these machines run as root), and none of Chromium's own network
 * traffic (updates, sync, field trials), which the closed network here refuses.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
];
