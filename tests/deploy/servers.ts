/**
 * nginx and Apache httpd, run as the test's own instances on free ports with the README's deploy/ snippets, serving
 * a copy of the sub-path build at <docroot>/gp/.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface WebServer {
  name: string;
  url: string;
  stop(): void;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

/** A docroot holding the site under gp/. */
export function docroot(site: string): string {
  const root = mkdtempSync(join(tmpdir(), 'gp-deploy-'));
  cpSync(site, join(root, 'www', 'gp'), { recursive: true });
  // Apache's workers run as www-data: the site must be readable by them.
  chmodSync(root, 0o755);
  return root;
}

async function started(name: string, child: ChildProcess, url: string): Promise<WebServer> {
  let output = '';
  child.stderr?.on('data', (d) => (output += d));
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`${name} stopped: ${output}`);
    try {
      await fetch(`${url}/gp/`);
      return { name, url, stop: () => child.kill('SIGTERM') };
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  child.kill('SIGKILL');
  throw new Error(`${name} did not answer: ${output}`);
}

export async function startNginx(root: string): Promise<WebServer> {
  const port = await freePort();
  const prefix = join(root, 'nginx');
  mkdirSync(join(prefix, 'logs'), { recursive: true });
  writeFileSync(
    join(prefix, 'nginx.conf'),
    `daemon off;
pid ${prefix}/nginx.pid;
error_log ${prefix}/logs/error.log;
events {}
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  server {
    listen 127.0.0.1:${port};
    root ${root}/www;
    include ${resolve('deploy/nginx.conf')};
  }
}
`
  );
  const child = spawn('/usr/sbin/nginx', ['-p', prefix, '-c', join(prefix, 'nginx.conf')], { stdio: 'pipe' });
  return started('nginx', child, `http://127.0.0.1:${port}`);
}

export async function startApache(root: string): Promise<WebServer> {
  const port = await freePort();
  const dir = join(root, 'apache');
  mkdirSync(dir, { recursive: true });
  const modules = [
    'mpm_event',
    'authz_core',
    'alias',
    'mime',
    'dir',
    'rewrite',
    'headers',
    'deflate',
    'filter'
  ];
  writeFileSync(
    join(dir, 'httpd.conf'),
    `${modules.map((m) => `LoadModule ${m}_module /usr/lib/apache2/modules/mod_${m}.so`).join('\n')}
ServerName localhost
User www-data
Group www-data
Listen 127.0.0.1:${port}
PidFile ${dir}/httpd.pid
ErrorLog ${dir}/error.log
TypesConfig /etc/mime.types
DocumentRoot ${root}/www
<Directory "${root}/www">
    Require all granted
    AllowOverride None
</Directory>
Include ${resolve('deploy/apache.conf')}
`
  );
  const child = spawn('/usr/sbin/apache2', ['-f', join(dir, 'httpd.conf'), '-DFOREGROUND'], {
    stdio: 'pipe',
    env: { ...process.env, GP_DOCROOT: `${root}/www` }
  });
  return started('Apache', child, `http://127.0.0.1:${port}`);
}

/** For failures: what a server logged. */
export const logOf = (root: string, server: 'nginx' | 'apache') =>
  readFileSync(join(root, server, server === 'nginx' ? 'logs/error.log' : 'error.log'), 'utf8');
