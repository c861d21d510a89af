// app.html's inline script runs before any module: it must spell the flag and the class as the app does.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KEPT_KEY, RESTORING_CLASS } from '../../src/lib/keep/flag';

describe('the first-paint guard for kept files', () => {
  const html = readFileSync('src/app.html', 'utf8');
  it('reads the same localStorage key and sets the class the app takes off', () => {
    expect(html).toContain(`localStorage.getItem('${KEPT_KEY}')`);
    expect(html).toContain(`classList.add('${RESTORING_CLASS}')`);
    expect(html).toContain(`html.${RESTORING_CLASS} [data-gated]`);
  });
  it("is allowed by the pages' Content-Security-Policy through its hash", async () => {
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    const hash = `sha256-${createHash('sha256').update(script).digest('base64')}`;
    const { default: config } = await import('../../svelte.config.js');
    expect(config.kit?.csp?.directives?.['script-src']).toContain(hash);
  });
});
