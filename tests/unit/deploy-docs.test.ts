/** The README's deployment snippets are the files `npm run test:deploy` serves the site with, word for word. */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

test.each(['deploy/nginx.conf', 'deploy/apache.conf'])('README quotes %s as tested', (file) => {
  expect(readFileSync('README.md', 'utf8')).toContain(readFileSync(file, 'utf8').trim());
});
