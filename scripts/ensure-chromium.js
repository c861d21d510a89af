/**
 * The browser tests drive Debian's Chromium, never a downloaded browser. Finds it (CHROMIUM_PATH, else
 * /usr/bin/chromium); on a fresh Debian machine run as root, installs it with apt; otherwise says how to get one.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const chromiumPath = () => process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const path = chromiumPath();
if (!existsSync(path)) {
  const canApt = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get') && !process.env.CHROMIUM_PATH;
  if (!canApt) {
    console.error(
      `No Chromium at ${path}: install Debian's package (sudo apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary.`
    );
    process.exit(1);
  }
  console.log('Installing Debian chromium for the browser tests (apt-get, about a minute)…');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
    stdio: 'inherit'
  });
}
