/**
 * Serves the static build (build/) the way any static host would: `npm start` uses it on port 4173, and the
 * browser tests start it on a free port. sirv serves .wasm as application/wasm, which duckdb-wasm needs.
 */
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';

/** Starts a server for `dir`; resolves with its URL and a function that stops it. */
export function serveBuild({ dir = 'build', port = 4173, host = '127.0.0.1' } = {}) {
  const assets = sirv(dir, { extensions: ['html'], etag: true, gzip: true, brotli: true });
  const server = createServer((req, res) =>
    assets(req, res, () => {
      res.statusCode = 404;
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      res.end('Not found');
    })
  );
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
