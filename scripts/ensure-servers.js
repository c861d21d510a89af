/**
 * `npm run test:deploy` serves the site through nginx and Apache httpd, Debian's own. Finds them; on a Debian
 * machine run as root, installs what is missing with apt (their services are not started: the test runs its
 * own instances on free ports); otherwise says how to get them.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const servers = { nginx: '/usr/sbin/nginx', apache2: '/usr/sbin/apache2' };
const missing = Object.entries(servers)
  .filter(([, path]) => !existsSync(path))
  .map(([name]) => name);
if (missing.length > 0) {
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) {
    console.error(`Missing ${missing.join(' and ')}: sudo apt-get install ${missing.join(' ')}`);
    process.exit(1);
  }
  console.log(`Installing Debian ${missing.join(' and ')} for the deployment test (apt-get)…`);
  // policy-rc.d 101: the packages' services are installed, not started.
  execSync(
    `printf '#!/bin/sh\\nexit 101\\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && ` +
      `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')}; ` +
      `status=$?; rm -f /usr/sbin/policy-rc.d; exit $status`,
    { stdio: 'inherit', shell: '/bin/bash' }
  );
}
