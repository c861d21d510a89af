/**
 * `npm run screenshots`: captures each view of the production build (run `npm run build` first) in Debian's
 * Chromium, for the README, and one printed page (pdftoppm, from Debian's poppler-utils). Look at them before
 * committing.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { startSite, waitForCharts, waitForData, watchedPage } from '../tests/support/browser.ts';

const views = [
  { path: '/', file: 'home.png', charts: 1, height: 1000 },
  { path: '/attendance', file: 'attendance.png', charts: 2, height: 1500 },
  { path: '/funding', file: 'funding.png', charts: 4, height: 2000 },
  { path: '/expansion', file: 'expansion.png', charts: 2, height: 1700 },
  { path: '/needs?request=ill-need-009', file: 'needs.png', charts: 1, height: 2200 },
  { path: '/partners/CAN', file: 'participant.png', charts: 1, height: 1900 },
  {
    path: '/partners/compare?ids=CAN,FRA,MEX',
    file: 'comparison.png',
    charts: 0,
    height: 1300,
    ready: '#comparison table'
  },
  { path: '/attendance?meeting=2011-10-paris', file: 'attendance-selected.png', charts: 2, height: 1500 },
  { path: '/expansion?state=CAN', file: 'expansion-selected.png', charts: 2, height: 1700 },
  { path: '/presidency/2012', file: 'presidency.png', charts: 0, height: 1800, ready: '#year-funding' }
];

const site = await startSite();
try {
  for (const view of views) {
    const w = await watchedPage(site);
    await w.page.setViewportSize({ width: 1440, height: view.height });
    await w.page.goto(site.url + view.path);
    await waitForData(w.page);
    await waitForCharts(w.page, view.charts);
    if ('ready' in view && view.ready) await w.page.locator(view.ready).waitFor();
    await w.page.screenshot({ path: `docs/screenshots/${view.file}` });
    console.log(`docs/screenshots/${view.file}`);
    await w.context.close();
  }
  // The match-making view's gaps chart, below the fold of its screenshot.
  {
    const w = await watchedPage(site);
    await w.page.setViewportSize({ width: 1440, height: 1000 });
    await w.page.goto(site.url + '/needs');
    await waitForData(w.page);
    await waitForCharts(w.page, 2);
    await w.page.locator('section#gaps').screenshot({ path: 'docs/screenshots/needs-gaps.png' });
    console.log('docs/screenshots/needs-gaps.png');
    await w.context.close();
  }
  // The funding view's per-year chart with years selected (a drag across them), the other charts counting them.
  {
    const w = await watchedPage(site);
    await w.page.setViewportSize({ width: 1440, height: 1000 });
    await w.page.goto(site.url + '/funding?from=2004&to=2008');
    await waitForData(w.page);
    await waitForCharts(w.page, 4);
    await w.page.locator('#by-year').screenshot({ path: 'docs/screenshots/funding-years.png' });
    console.log('docs/screenshots/funding-years.png');
    await w.context.close();
  }
  // A printed page: the presidency year as Chromium prints it (A4 landscape), its first page as an image.
  {
    const w = await watchedPage(site);
    await w.page.goto(site.url + '/presidency/2012');
    await waitForData(w.page);
    await w.page.locator('#year-funding').waitFor();
    writeFileSync('/tmp/gp-print.pdf', await w.page.pdf({ preferCSSPageSize: true, printBackground: true }));
    execFileSync('pdftoppm', [
      '-r',
      '110',
      '-f',
      '1',
      '-l',
      '1',
      '-png',
      '-singlefile',
      '/tmp/gp-print.pdf',
      'docs/screenshots/print-presidency'
    ]);
    console.log('docs/screenshots/print-presidency.png');
    await w.context.close();
  }
  // The data view after a user's file was loaded, and a refused file's report.
  {
    const w = await watchedPage(site);
    await w.page.setViewportSize({ width: 1440, height: 1100 });
    await w.page.goto(site.url + '/data');
    await waitForData(w.page);
    await w.page.getByTestId('load-input').setInputFiles('data/examples/contributions.csv');
    await w.page.getByRole('status', { name: 'Load result' }).waitFor();
    await w.page.screenshot({ path: 'docs/screenshots/data.png' });
    console.log('docs/screenshots/data.png');
    await w.page
      .getByTestId('load-input')
      .setInputFiles('tests/fixtures/user-files/hostile/contributions.csv');
    await w.page.getByRole('alert').waitFor();
    await w.page.screenshot({
      path: 'docs/screenshots/load-refused.png',
      clip: { x: 0, y: 0, width: 1440, height: 420 }
    });
    console.log('docs/screenshots/load-refused.png');
    await w.context.close();
  }

  // Files kept on this device, back after a reload: the header says since when.
  {
    const w = await watchedPage(site);
    await w.page.setViewportSize({ width: 1440, height: 900 });
    await w.page.goto(site.url + '/data');
    await waitForData(w.page);
    await w.page.getByLabel('Keep my data on this device').check();
    await w.page.getByTestId('load-input').setInputFiles('data/examples/contributions.csv');
    await w.page.getByText('Your files, kept on this device since').waitFor();
    await w.page.reload();
    await w.page.getByText('Your files, kept on this device since').waitFor({ timeout: 30_000 });
    await w.page.locator('#data-mix').waitFor();
    await w.page.screenshot({
      path: 'docs/screenshots/data-kept.png',
      clip: { x: 0, y: 0, width: 1440, height: 640 }
    });
    console.log('docs/screenshots/data-kept.png');
    await w.context.close();
  }
  // A site built on contributions too many for a browser (the /gp test build summarises its 70): the Data view.
  {
    const gp = await startSite({ dir: 'build-gp', base: '/gp' });
    const w = await watchedPage(gp);
    await w.page.setViewportSize({ width: 1440, height: 900 });
    await w.page.goto(gp.url + '/gp/data');
    await waitForData(w.page);
    await w.page.getByTestId('summarised').waitFor();
    await w.page.locator('#data-mix').screenshot({ path: 'docs/screenshots/data-summarised.png' });
    console.log('docs/screenshots/data-summarised.png');
    await gp.close();
  }

  // An exported image, as a user would put it in a report: the funding chart's "PNG image" export.
  const w = await watchedPage(site);
  await w.page.goto(site.url + '/funding');
  await waitForData(w.page);
  await waitForCharts(w.page, 4);
  const card = w.page.locator('section#by-area');
  await card.locator('summary', { hasText: 'Export' }).click();
  const [download] = await Promise.all([
    w.page.waitForEvent('download'),
    card.getByRole('button', { name: 'PNG image (2×, white background)' }).click()
  ]);
  await download.saveAs('docs/screenshots/export-funding-by-area.png');
  console.log('docs/screenshots/export-funding-by-area.png');
  await w.context.close();
} finally {
  await site.close();
}
