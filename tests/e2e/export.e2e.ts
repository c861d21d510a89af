/**
 * Exports, driven through real downloads in Chromium: images of the right size that carry their title and
 * sources, data files with exactly the rows the chart shows (checked against the view's own query run in Node
 * on the same sample), a report pack with every file, a link that reproduces the view, and a clean print.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { JSDOM } from 'jsdom';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendanceExportRows } from '../../src/lib/charts/attendance-over-time';
import { sql, type Db } from '../../src/lib/data/db';
import { openNativeDb } from '../../src/lib/data/duckdb-native';
import { attendanceCounts, meetingsInView } from '../../src/lib/data/queries/attendance';
import { partnersByRegion, publishedCounts } from '../../src/lib/data/queries/expansion';
import { contributionsByArea } from '../../src/lib/data/queries/funding';
import { needsByArea } from '../../src/lib/data/queries/needs';
import { PRESETS } from '../../src/lib/data/counting-rules';
import { DEFAULT_ATTENDANCE, serializeAttendance } from '../../src/lib/views/attendance';
import { DEFAULT_EXPANSION, serializeExpansion } from '../../src/lib/views/expansion';
import { DEFAULT_FUNDING, serializeFunding } from '../../src/lib/views/funding';
import { DEFAULT_NEEDS, serializeNeeds } from '../../src/lib/views/needs';
import { shown } from '../unit/match-making';
import { openSampleDb } from '../unit/sample-db';
import { startSite, waitForCharts, waitForData, watchedPage, type Site } from '../support/browser';

let site: Site;
let sample: Db;
let native: Awaited<ReturnType<typeof openNativeDb>>;
const out = join(tmpdir(), `gp-export-${process.pid}`);

beforeAll(async () => {
  mkdirSync(out, { recursive: true });
  [site, sample, native] = await Promise.all([startSite(), openSampleDb(), openNativeDb()]);
});
afterAll(async () => {
  native?.close();
  await site?.close();
});

async function download(page: Page, click: () => Promise<void>, name: string) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = join(out, name);
  await file.saveAs(path);
  return { path, suggested: file.suggestedFilename() };
}

async function exportItem(page: Page, card: Locator, item: string, name: string) {
  return download(
    page,
    async () => {
      await card.locator('summary', { hasText: 'Export' }).click();
      await card.getByRole('button', { name: item }).click();
    },
    name
  );
}

function pngSize(path: string) {
  const bytes = readFileSync(path);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function openView(path: string, params: URLSearchParams, charts: number) {
  const watched = await watchedPage(site);
  await watched.page.goto(`${site.url}${path}?${params}`);
  expect(await waitForData(watched.page)).toBe('ready');
  await waitForCharts(watched.page, charts);
  return watched;
}

/** Checks the image and data files of one chart; returns the CSV rows (data columns) for comparison. */
async function checkChart(page: Page, cardId: string, title: string) {
  const card = page.locator(`section#${cardId}`);
  const svgFile = await exportItem(page, card, 'SVG image', `${cardId}.svg`);
  expect(svgFile.suggested).toMatch(new RegExp(`^gp-dashboard-${cardId}-\\d{4}-\\d{2}-\\d{2}\\.svg$`));
  const svg = new JSDOM(readFileSync(svgFile.path, 'utf8'), { contentType: 'image/svg+xml' }).window.document;
  expect(svg.querySelector('parsererror')).toBeNull();
  const root = svg.documentElement;
  expect([...svg.querySelectorAll('.export-title')].map((t) => t.textContent).join(' ')).toBe(title);
  expect([...svg.querySelectorAll('.export-sources')].map((t) => t.textContent).join(' ')).toMatch(
    /Sources: \w/
  );
  expect(svg.querySelector('.export-date')?.textContent).toMatch(
    /^Exported \d{4}-\d{2}-\d{2} from GP Dashboard/
  );

  const png = await exportItem(page, card, 'PNG image (2×, white background)', `${cardId}.png`);
  expect(pngSize(png.path)).toEqual({
    width: 2 * Number(root.getAttribute('width')),
    height: 2 * Number(root.getAttribute('height'))
  });

  const csv = await exportItem(page, card, 'CSV data', `${cardId}.csv`);
  const parquet = await exportItem(page, card, 'Parquet data', `${cardId}.parquet`);
  const csvRows = await native.query<Record<string, unknown>>(
    sql`SELECT * FROM read_csv(${csv.path}, header = true, auto_detect = true)`
  );
  const parquetRows = await native.query<Record<string, unknown>>(
    sql`SELECT * FROM read_parquet(${parquet.path})`
  );
  const metadata = await native.query<{ key: string; value: string }>(
    sql`SELECT decode(key) AS key, decode(value) AS value FROM parquet_kv_metadata(${parquet.path})`
  );
  const meta = Object.fromEntries(metadata.map((m) => [m.key, m.value]));
  expect(meta['gp_dashboard.title']).toBe(title);
  expect(JSON.parse(meta['gp_dashboard.sources']!).length).toBeGreaterThan(0);
  expect(meta['gp_dashboard.link']).toContain(`#${cardId}`);
  // The CSV carries the same data columns, plus its context as columns.
  expect(csvRows.length).toBe(parquetRows.length);
  expect(csvRows[0]?.chart_title).toBe(title);
  for (const key of Object.keys(parquetRows[0] ?? {})) expect(Object.keys(csvRows[0]!)).toContain(key);
  return parquetRows;
}

const sum = (rows: readonly object[], key: string) =>
  rows.reduce((s: number, r) => {
    const v = (r as Record<string, unknown>)[key];
    return s + (typeof v === 'number' ? v : 0);
  }, 0);

describe('exports', () => {
  it('attendance: the chart exports as images and as exactly its rows', async () => {
    const filters = { ...DEFAULT_ATTENDANCE, yearFrom: 2011 };
    const { page, context } = await openView(
      '/attendance',
      serializeAttendance({ filters, measure: 'entities', meeting: null }),
      2
    );
    const rows = await checkChart(page, 'attendance', 'GPWG attendance per meeting, by kind of participant');
    const expected = attendanceExportRows(
      await meetingsInView(sample, filters),
      await attendanceCounts(sample, filters)
    );
    expect(rows.length).toBe(expected.length);
    expect(rows.map((r) => `${r.meeting_id}/${r.group ?? ''}`)).toEqual(
      expected.map((r) => `${r.meetingId}/${r.group ?? ''}`)
    );
    expect(sum(rows, 'entities')).toBe(sum(expected, 'entities'));
    // Not recorded stays empty, never zero.
    const unrecorded = rows.filter((r) => r.attendance_recorded === false);
    expect(unrecorded.length).toBeGreaterThan(0);
    expect(unrecorded.every((r) => r.entities === null)).toBe(true);
    await context.close();
  });

  it('funding: the data files carry the counting rules and match the query under those rules', async () => {
    const rules = PRESETS.new_money_only.rules;
    const view = { ...DEFAULT_FUNDING, rules };
    const { page, context } = await openView('/funding', serializeFunding(view), 4);
    const rows = await checkChart(page, 'by-area', 'Funding against needs, by priority area');
    const money = await contributionsByArea(sample, rules, view.filters);
    const needs = await needsByArea(sample, rules, view.filters);
    expect(rows.length).toBe(money.length + needs.length);
    expect(sum(rows, 'amount')).toBeCloseTo(sum(money, 'amount'), 2);
    expect(sum(rows, 'priced')).toBeCloseTo(sum(needs, 'priced'), 2);

    const parquet = join(out, 'by-area.parquet');
    const [rulesMeta] = await native.query<{ value: string }>(
      sql`SELECT decode(value) AS value FROM parquet_kv_metadata(${parquet}) WHERE decode(key) = 'gp_dashboard.counting_rules'`
    );
    expect(rulesMeta?.value).toBe(
      await page
        .getByTestId('rules-in-words')
        .evaluate((e) => e.textContent!.replace(/^\s*Counted under:\s*/, '').split('. ')[0])
    );
    await context.close();
  });

  it('expansion: the chart exports its rows; the report pack holds every chart, its data and SOURCES.md', async () => {
    const filters = { ...DEFAULT_EXPANSION, yearFrom: 2005 };
    const { page, context } = await openView('/expansion', serializeExpansion(filters), 2);
    const rows = await checkChart(page, 'partners-over-time', 'Partners per year, by region');
    const expected = await partnersByRegion(sample, filters);
    const published = await publishedCounts(sample, filters);
    // The counted rows, then the published counts beside them (series "published").
    expect(rows.length).toBe(expected.length + published.length);
    expect(rows.filter((r) => r.series === 'published').map((r) => r.published_count)).toEqual(
      published.map((p) => p.count)
    );
    expect(sum(rows, 'known')).toBe(sum(expected, 'known'));

    const pack = await download(
      page,
      () => page.getByRole('button', { name: 'Download report pack (.zip)' }).click(),
      'pack.zip'
    );
    expect(pack.suggested).toMatch(/^gp-dashboard-expansion-\d{4}-\d{2}-\d{2}\.zip$/);
    const files = unzipSync(new Uint8Array(readFileSync(pack.path)));
    expect(Object.keys(files).sort()).toEqual(
      [
        'SOURCES.md',
        ...['map', 'partners-over-time'].flatMap((id) =>
          ['csv', 'parquet', 'png', 'svg'].map((x) => `${id}.${x}`)
        )
      ].sort()
    );
    const sources = new TextDecoder().decode(files['SOURCES.md']);
    expect(sources).toContain('## Sources');
    expect(sources).toMatch(/<https:\/\/[^>]+>/);
    writeFileSync(join(out, 'map.png'), files['map.png']!);
    expect(pngSize(join(out, 'map.png')).width).toBeGreaterThan(1000);
    await context.close();
  });

  it('match-making: the gaps chart and the request list export their rows, rules and filters; so does the pack', async () => {
    const view = {
      ...DEFAULT_NEEDS,
      rules: { ...DEFAULT_NEEDS.rules, domestic: false },
      filters: { ...DEFAULT_NEEDS.filters, region: 'Asia' }
    };
    const { page, context } = await openView('/needs', serializeNeeds(view), 2);
    const rows = await checkChart(page, 'gaps', 'Gaps and coverage by region');
    const expected = await shown(sample, view.rules, view.filters);
    expect(rows.length).toBe(expected.gaps.length);
    expect(sum(rows, 'funding')).toBeCloseTo(sum(expected.gaps, 'funding'), 2);
    expect(sum(rows, 'unpriced')).toBe(sum(expected.gaps, 'unpriced'));
    // Its subtitle says the rules and the filters it was made under.
    const svg = new JSDOM(readFileSync(join(out, 'gaps.svg'), 'utf8'), { contentType: 'image/svg+xml' });
    const subtitle = [...svg.window.document.querySelectorAll('.export-subtitle')]
      .map((t) => t.textContent)
      .join(' ');
    expect(subtitle).toContain('domestic spending excluded');
    expect(subtitle).toContain('Region: Asia');

    const list = page.locator('section#requests');
    const csv = await exportItem(page, list, 'CSV data', 'requests.csv');
    const requests = await native.query<{ need_id: string }>(
      sql`SELECT * FROM read_csv(${csv.path}, header = true, auto_detect = true)`
    );
    expect(requests.map((r) => r.need_id).sort()).toEqual(expected.requests.map((r) => r.needId).sort());

    const pack = await download(
      page,
      () => page.getByRole('button', { name: 'Download report pack (.zip)' }).click(),
      'needs-pack.zip'
    );
    expect(pack.suggested).toMatch(/^gp-dashboard-match-making-\d{4}-\d{2}-\d{2}\.zip$/);
    const files = Object.keys(unzipSync(new Uint8Array(readFileSync(pack.path)))).sort();
    expect(files).toEqual(
      [
        'SOURCES.md',
        ...['gaps', 'requesters-map'].flatMap((id) =>
          ['csv', 'parquet', 'png', 'svg'].map((x) => `${id}.${x}`)
        ),
        'requests.csv',
        'requests.parquet'
      ].sort()
    );
    await context.close();
  });

  it('"copy link" reproduces the view, its filters and its rules, in a new page', async () => {
    const view = { ...DEFAULT_FUNDING, rules: PRESETS.new_money_only.rules };
    const { page, context } = await openView('/funding', serializeFunding(view), 4);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
    const card = page.locator('section#by-partner');
    await card.locator('summary', { hasText: 'Export' }).click();
    await card.getByRole('button', { name: 'Copy link to this view' }).click();
    await expect.poll(() => card.getByRole('status').textContent()).toContain('Link copied');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toContain('#by-partner');

    const again = await watchedPage(site);
    await again.page.goto(link);
    await waitForData(again.page);
    await waitForCharts(again.page, 4);
    const words = (p: Page) => p.getByTestId('rules-in-words').textContent();
    expect(await words(again.page)).toBe(await words(page));
    const subtitle = (p: Page) => p.locator('section#by-partner .subtitle').textContent();
    expect(await subtitle(again.page)).toBe(await subtitle(page));
    await again.context.close();
    await context.close();
  });

  it('printing gives A4 landscape pages without navigation or menus', async () => {
    const { page, context } = await openView('/attendance', new URLSearchParams(), 2);
    await page.emulateMedia({ media: 'print' });
    await expect.poll(() => page.locator('header.site nav').isVisible()).toBe(false);
    expect(await page.locator('.export-menu').first().isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Download report pack (.zip)' }).isVisible()).toBe(false);
    expect(await page.locator('.plot svg').first().isVisible()).toBe(true);
    const pdf = await page.pdf({ preferCSSPageSize: true });
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
    // A4 landscape: 297 × 210 mm = 841.9 × 595.3 pt.
    expect(Number(box?.[1])).toBeCloseTo(841.9, 0);
    expect(Number(box?.[2])).toBeCloseTo(595.3, 0);
    await context.close();
  });
});
