/**
 * `npm run build`: the static site in build/ (or GP_BUILD_DIR), for the server's root or for GP_BASE_PATH. With
 * GP_DATA_DIR, a team's own extracts are checked and baked in as the bundled data first (scripts/data-dir.ts),
 * prerendered charts included. The site is built aside and put in place only when whole: a folder with any problem
 * stops the build with every problem listed, and an earlier build stays exactly as it was.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { bakeDataDir } from './data-dir.ts';

const out = process.env.GP_BUILD_DIR ?? 'build';
// Beside the output, so putting it in place is a rename on the same disk.
const work = resolve(`${out}.partial`);
rmSync(work, { recursive: true, force: true });
const env: NodeJS.ProcessEnv = { ...process.env, GP_BUILD_DIR: join(work, 'site') };

const dataDir = process.env.GP_DATA_DIR;
if (dataDir) {
  const baked = await bakeDataDir(dataDir, join(work, 'static'), process.env.GP_DATA_FROM_SAMPLE === '1');
  if (!baked.ok) {
    console.error(
      `GP_DATA_DIR=${dataDir}: these extracts cannot be built into the site; ${out}/ is unchanged.\n`
    );
    for (const problem of baked.problems) console.error(`  ${problem}`);
    rmSync(work, { recursive: true, force: true });
    process.exit(1);
  }
  for (const line of baked.lines) console.log(line);
  env.GP_ASSETS_DIR = join(work, 'static');
}

const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
try {
  execFileSync(process.execPath, [vite, 'build'], { stdio: 'inherit', env });
} catch {
  rmSync(work, { recursive: true, force: true });
  console.error(`The build failed; ${out}/ is unchanged.`);
  process.exit(1);
}
rmSync(out, { recursive: true, force: true });
renameSync(join(work, 'site'), out);
rmSync(work, { recursive: true, force: true });
