/**
 * Serves the static build (build/) the way any static host would: `npm start` uses it on port 4173, and the
 * browser harness (tests/support/browser.ts: browser tests, screenshots, benchmark) starts it on a free port.
 * sirv serves .wasm as application/wasm, which duckdb-wasm needs.
 */
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';

/**
 * Starts a server for `dir`; resolves with its URL and a function that stops it. `mounts` serves other directories
 * under a path prefix, the prefix stripped: `{ '/bench/': 'bench/dist' }` serves bench/dist/index.html at /bench/.
 * @param {{ dir?: string, port?: number, host?: string, mounts?: Record<string, string> }} [options]
 */
export function serveBuild({ dir = 'build', port = 4173, host = '127.0.0.1', mounts = {} } = {}) {
  const options = { extensions: ['html'], etag: true, gzip: true, brotli: true };
  const assets = sirv(dir, options);
  const mounted = Object.entries(mounts).map(([prefix, root]) => ({
    base: prefix.replace(/\/+$/, ''),
    assets: sirv(root, options)
  }));
  const server = createServer((req, res) => {
    const notFound = () => {
      res.statusCode = 404;
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      res.end('Not found');
    };
    const url = req.url ?? '/';
    // A participant's or a presidency year's page that was not prerendered (one only in loaded files): the
    // fallback page renders it.
    const fallback = () => {
      if (!/^\/(partners|presidency)\/[^/?]+\/?(\?|$)/.test(url)) return notFound();
      req.url = '/200.html';
      assets(req, res, notFound);
    };
    const mount = mounted.find(
      ({ base }) => url.startsWith(base) && /^([/?]|$)/.test(url.slice(base.length))
    );
    if (!mount) return assets(req, res, fallback);
    const rest = url.slice(mount.base.length);
    req.url = rest.startsWith('/') ? rest : `/${rest}`;
    mount.assets(req, res, notFound);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      resolve({
        url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${actualPort}`,
        close: () => new Promise((done) => server.close(() => done(undefined)))
      });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { url } = await serveBuild({ host: 'localhost' });
  console.log(`GP Dashboard is running at ${url.replace('127.0.0.1', 'localhost')} (Ctrl+C to stop)`);
}
