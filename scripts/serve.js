/**
 * Serves the static build (build/) the way any static host would: `npm start` uses it on port 4173, and the
 * browser harness (tests/support/browser.ts: browser tests, screenshots, benchmark) starts it on a free port.
 * sirv serves .wasm as application/wasm, which duckdb-wasm needs.
 */
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';

/**
 * Starts a server for `dir`; resolves with its URL and a function that stops it. `base` serves the site under a
 * sub-path (`/gp`, for a build made with GP_BASE_PATH=/gp): `/` then leads there. `mounts` serves other
 * directories under a path prefix, the prefix stripped: `{ '/bench/': 'bench/dist' }` serves bench/dist/index.html
 * at /bench/.
 * @param {{ dir?: string, port?: number, host?: string, mounts?: Record<string, string>, base?: string }} [options]
 */
export function serveBuild({ dir = 'build', port = 4173, host = '127.0.0.1', mounts = {}, base = '' } = {}) {
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
    const mount = mounted.find(
      ({ base }) => url.startsWith(base) && /^([/?]|$)/.test(url.slice(base.length))
    );
    if (mount) {
      const rest = url.slice(mount.base.length);
      req.url = rest.startsWith('/') ? rest : `/${rest}`;
      return mount.assets(req, res, notFound);
    }
    // The site, under its base path: anything outside it is not the site's.
    if (base && !(url.startsWith(base) && /^([/?]|$)/.test(url.slice(base.length)))) {
      if (url !== '/') return notFound();
      res.statusCode = 302;
      res.setHeader('location', `${base}/`);
      return res.end();
    }
    const rest = url.slice(base.length);
    const path = rest.startsWith('/') ? rest : `/${rest}`;
    req.url = path;
    // A participant's or a presidency year's page that was not prerendered (one only in loaded files): the
    // fallback page renders it.
    const fallback = () => {
      if (!/^\/(partners|presidency)\/[^/?]+\/?(\?|$)/.test(path)) return notFound();
      req.url = '/200.html';
      assets(req, res, notFound);
    };
    assets(req, res, fallback);
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
  // `GP_BASE_PATH=/gp npm start` serves the site built for that sub-path, under it.
  const base = process.env.GP_BASE_PATH ?? '';
  const { url } = await serveBuild({ host: 'localhost', base });
  console.log(`GP Dashboard is running at ${url}${base}/ (Ctrl+C to stop)`);
}
