/**
 * `npm run test:deploy`: the sub-path build (build-gp/, made by `npm run build:subpath`) served at /gp/ by nginx
 * and by Apache httpd with the README's snippets (deploy/), every view walked in Chromium: the wasm served as
 * application/wasm and compressed, hashed files cached for a year, the fallback page for pages not prerendered,
 * nothing asked outside /gp/.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, waitForCharts, waitForData } from '../support/browser';
import { SITE_PAGES } from '../support/pages';
import { docroot, startApache, startNginx, type WebServer } from './servers';

let browser: Awaited<ReturnType<typeof launchChromium>>;
const servers: WebServer[] = [];
beforeAll(async () => {
  if (!existsSync('build-gp/index.html')) throw new Error('No build-gp/: run `npm run build:subpath` first.');
  const root = docroot('build-gp');
  browser = await launchChromium();
  servers.push(await startNginx(root), await startApache(root));
});
afterAll(async () => {
  for (const s of servers) s.stop();
  await browser?.close();
});

describe.each(['nginx', 'Apache'])('served by %s', (name) => {
  const server = () => servers.find((s) => s.name === name)!;

  test('the wasm is application/wasm and compressed; hashed files are cached for a year', async () => {
    const page = await browser.newPage();
    const responses: { url: string; type: string; encoding: string; cache: string }[] = [];
    page.on('response', async (r) => {
      const h = await r.allHeaders();
      responses.push({
        url: r.url(),
        type: h['content-type'] ?? '',
        encoding: h['content-encoding'] ?? '',
        cache: h['cache-control'] ?? ''
      });
    });
    await page.goto(`${server().url}/gp/funding`);
    expect(await waitForData(page)).toBe('ready');
    const wasm = responses.filter((r) => r.url.endsWith('.wasm'));
    expect(wasm.length).toBeGreaterThan(0);
    for (const r of wasm) {
      expect(r.type).toBe('application/wasm');
      expect(r.encoding).toMatch(/gzip|deflate|br/);
    }
    const immutable = responses.filter((r) => r.url.includes('/gp/_app/immutable/'));
    expect(immutable.length).toBeGreaterThan(0);
    for (const r of immutable) expect(r.cache).toContain('immutable');
    await page.close();
  });

  test.each(SITE_PAGES)('/gp%s loads and draws from under /gp/', async (path, charts) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    context.on('request', (r) => requests.push(r.url()));
    await page.goto(`${server().url}/gp${path}`);
    expect(await waitForData(page)).toBe('ready');
    await waitForCharts(page, charts);
    expect(errors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith(`${server().url}/gp`))).toEqual([]);
    await context.close();
  });
});
