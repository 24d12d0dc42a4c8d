import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/**
 * The end-to-end tests drive Debian's Chromium (Playwright's own browser download cannot work on
 * these machines). Installs it when missing and we are root; otherwise says how.
 */
export function ensureChromium(executable = process.env.HUNIAN_CHROMIUM ?? '/usr/bin/chromium'): void {
  if (fs.existsSync(executable)) return;
  if (process.getuid?.() !== 0) {
    console.error(`Chromium is missing at ${executable}. Install it with:\n  sudo apt-get update && sudo apt-get install -y chromium\nor set HUNIAN_CHROMIUM to a Chromium binary.`);
    process.exit(1);
  }
  console.log(`Chromium is missing at ${executable}; installing Debian's package…`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}
