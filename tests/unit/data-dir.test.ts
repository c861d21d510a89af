/**
 * `GP_DATA_DIR=... npm run build` on folders with a problem: the build stops before anything is built, lists every
 * problem as the browser says it (file, column, row, value), and leaves the earlier build exactly as it was.
 * (A good folder is built by `npm run build:subpath`; tests/e2e/subpath.e2e.ts checks its pages.)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

function build(env: Record<string, string>) {
  const out = mkdtempSync(join(tmpdir(), 'gp-build-'));
  writeFileSync(join(out, 'index.html'), 'the earlier build');
  try {
    execFileSync('npx', ['tsx', 'scripts/build.ts'], {
      env: { ...process.env, GP_BUILD_DIR: out, ...env },
      stdio: 'pipe'
    });
    return { ok: true, stderr: '', out };
  } catch (e) {
    const error = e as { status: number; stderr: Buffer };
    return { ok: false, status: error.status, stderr: error.stderr.toString(), out };
  }
}

describe('GP_DATA_DIR with a problem', () => {
  test('a bad row stops the build with its file, column and row; the earlier build is unchanged', () => {
    const result = build({ GP_DATA_DIR: 'tests/fixtures/data-dir/bad', GP_DATA_FROM_SAMPLE: '1' });
    expect(result.ok).toBe(false);
    expect(result.stderr).toContain(
      'meetings.csv, column "date_precision", row 10: "weekly" is not one of: day, month, year'
    );
    expect(readdirSync(result.out)).toEqual(['index.html']);
    expect(readFileSync(join(result.out, 'index.html'), 'utf8')).toBe('the earlier build');
  });

  test('tables the folder leaves out come from the sample only when asked', () => {
    const result = build({ GP_DATA_DIR: 'tests/fixtures/data-dir/good' });
    expect(result.ok).toBe(false);
    expect(result.stderr).toContain(
      'has no file for sources, entities, memberships, contributions, needs, published_counts, presidencies: add them, or set GP_DATA_FROM_SAMPLE=1'
    );
    expect(readdirSync(result.out)).toEqual(['index.html']);
  });
});
