/**
 * The views' reshaping functions, fed the real answers of their views' queries on the sample (duckdb-wasm in
 * Node): what the cards, tables and exports show is pinned here, not in the pages.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../../src/lib/data/db';
import { PRESETS } from '../../src/lib/data/counting-rules';
import { OTHER_PARTNERS_ID } from '../../src/lib/data/queries/funding';
import { attendanceView } from '../../src/lib/views/attendance';
import {
  attendanceCell,
  attendanceFigureItems,
  attendanceScope,
  matrixCell
} from '../../src/lib/views/attendance-rows';
import { expansionView } from '../../src/lib/views/expansion';
import {
  expansionFigureItems,
  expansionScope,
  firstMeetingWords,
  partnersIn,
  regionsShown,
  standingWords
} from '../../src/lib/views/expansion-rows';
import { cleared, fundingView, toggled, withYears } from '../../src/lib/views/funding';
import {
  amountAt,
  compareByArea,
  comparisonTable,
  fundingFigures,
  rankPartners,
  scopeWords,
  yearsListed
} from '../../src/lib/views/funding-rows';
import { cardSources, joinSources } from '../../src/lib/views/sources';
import { answerAll } from '../../src/lib/views/view';
import { openSampleDb } from './sample-db';

let db: Db & { close(): void };
beforeAll(async () => {
  db = await openSampleDb();
});
afterAll(() => db.close());

describe('funding rows', () => {
  test('partners are ranked by the counted stage, "Other partners" last, each once', async () => {
    const a = await answerAll(db, fundingView);
    const ranked = rankPartners(a.byDonor, 'disbursed');
    expect(new Set(ranked.map((r) => r.key)).size).toBe(ranked.length);
    const amounts = ranked
      .filter((r) => r.key !== OTHER_PARTNERS_ID)
      .map((r) => amountAt(a.byDonor, 'disbursed', (x) => x.donorId === r.key));
    expect(amounts).toEqual([...amounts].sort((x, y) => y - x));
    const byPledges = rankPartners(a.byDonor, 'pledged');
    expect(byPledges[0]!.key).not.toBe(ranked[0]!.key);
  });

  test('the comparison is compared minus current, in its rows, its words and its export', async () => {
    const a = await answerAll(db, fundingView);
    const rows = compareByArea(a.byArea, 'disbursed', a.compared, 'disbursed');
    const legacy = rows.find((r) => r.area === 'chemical_weapons_destruction')!;
    expect(legacy.current).toBeGreaterThan(0);
    expect(legacy.compared).toBe(0);
    expect(legacy.difference).toBe(-legacy.current);
    const table = comparisonTable(rows, PRESETS.new_money_only.label);
    const column = (name: string) => table.columns.findIndex((c) => c.name === name);
    const exported = table.rows.find((r) => r[column('area')] === 'chemical_weapons_destruction')!;
    expect(exported[column('difference')]).toBe(-legacy.current);
    expect(exported[column('difference_is')]).toBe('New money only minus the current rules');
  });

  test('the headline counts priced needs and says "no coverage" where nothing is priced', async () => {
    const a = await answerAll(db, fundingView);
    const items = fundingFigures('disbursed', a.total, a.areaNeeds);
    expect(items.map((i) => i.label)).toEqual([
      'Counted, disbursed',
      'Of which illustrative',
      'Priced needs',
      'Needs not priced'
    ]);
    expect(items[3]!.value).toBe(String(a.areaNeeds.reduce((s, n) => s + n.unpriced, 0)));
    const none = fundingFigures('disbursed', a.total, []);
    expect(none[2]!.note).toBe('no priced needs: no coverage');
  });

  test('scope and years say what the filters show', async () => {
    const a = await answerAll(db, fundingView);
    const f = { donor: 'CAN', area: 'biological_security' as const, yearFrom: 2005, yearTo: null };
    expect(scopeWords(f, a.donors)).toBe('Donor: Canada; Biological security; 2005–last');
    expect(scopeWords(fundingView.defaults.filters, a.donors)).toBe(
      'All donors; all priority areas; all years'
    );
    const years = yearsListed(a.byYear, a.yearNeeds);
    expect(years.at(-1)).toBeNull();
    const dated = years.filter((y) => y !== null);
    expect(dated).toEqual([...new Set(dated)].sort((x, y) => x - y));
    expect(years).toEqual(expect.arrayContaining(a.yearNeeds.map((n) => n.year)));
  });
});

describe('funding selections', () => {
  test('a year selects it alone, a second time clears it; a range keeps its ends in order', () => {
    const d = fundingView.defaults;
    const y2011 = toggled(d, 'years', '2011');
    expect([y2011.filters.yearFrom, y2011.filters.yearTo]).toEqual([2011, 2011]);
    expect(toggled(y2011, 'years', '2011').filters).toEqual(d.filters);
    expect(toggled(withYears(d, 2005, 2012), 'years', '2011').filters.yearFrom).toBe(2011);
    expect(withYears(d, 2012, 2005).filters).toMatchObject({ yearFrom: 2005, yearTo: 2012 });
    const all = cleared(toggled(toggled(y2011, 'donor', 'CAN'), 'area', 'biological_security'), [
      'donor',
      'area',
      'years'
    ]);
    expect(all.filters).toEqual(d.filters);
  });

  test('the per-year chart keeps every year when years are selected; the other charts count those years', async () => {
    const every = await answerAll(db, fundingView);
    const s = withYears(fundingView.defaults, 2005, 2008);
    const some = await answerAll(db, fundingView, s);
    expect(some.byYear).toEqual(every.byYear);
    expect(some.yearNeeds).toEqual(every.yearNeeds);
    const inYears = every.byYear.filter(
      (r) => r.stage === 'disbursed' && r.year !== null && r.year >= 2005 && r.year <= 2008
    );
    const counted = inYears.reduce((sum, r) => sum + r.amount, 0);
    expect(some.total.amount).toBeCloseTo(counted, 0);
    expect(some.total.amount).toBeLessThan(every.total.amount);
  });
});

describe('attendance rows', () => {
  test('a meeting without a list reads "not recorded", never 0; delegates say what they leave out', async () => {
    const a = await answerAll(db, attendanceView);
    const unrecorded = a.meetings.find((m) => !m.attendanceRecorded)!;
    const miami = a.meetings.find((m) => m.city === 'Miami')!;
    expect(attendanceCell(unrecorded, a.counts, null, 'entities')).toBe('not recorded');
    expect(attendanceCell(miami, a.counts, 'international_org', 'entities')).toBe('8');
    expect(attendanceCell(miami, a.counts, 'international_org', 'delegates')).toBe('1 (7 not counted)');
    expect(matrixCell(unrecorded, a.matrix, 'CAN')).toBe('not recorded');
  });

  test('the figures and the scope follow the answers and filters', async () => {
    const a = await answerAll(db, attendanceView);
    const items = attendanceFigureItems(a.figures, a.newcomers, a.meetings);
    expect(items[0]!.note).toBe(
      `of ${a.figures.meetingsInView} meetings in view; the others are not recorded`
    );
    expect(items.filter((i) => i.label.startsWith('First seen: ')).length).toBe(a.newcomers.length);
    expect(attendanceScope(attendanceView.defaults.filters, a.presidencies)).toBe(
      'All presidencies; all years; all participants'
    );
    expect(
      attendanceScope({ ...attendanceView.defaults.filters, presidency: 'USA', groups: [] }, a.presidencies)
    ).toBe('United States presidency; all years; no participants');
  });
});

describe('expansion rows', () => {
  test('figures, regions and cells sum to what the chart shows', async () => {
    const a = await answerAll(db, expansionView);
    const regions = regionsShown(a.byRegion);
    const last = Math.max(...a.byRegion.map((r) => r.year));
    const sum = regions.reduce((s, r) => s + partnersIn(a.byRegion, last, r), 0);
    const items = expansionFigureItems(a.byRegion, a.approaching, true);
    expect(items[0]).toMatchObject({ label: `Partners in ${last}`, value: String(sum) });
    expect(expansionScope(expansionView.defaults)).toBe(
      'all regions; all years; the EU counted as a partner'
    );
  });

  test('standings and first meetings in words, unknown join years said so', async () => {
    const a = await answerAll(db, expansionView);
    const unknown = a.states.find((s) => s.status === 'partner' && !s.yearKnown)!;
    expect(standingWords(unknown)).toBe(`partner by ${unknown.joinYear}, join year unknown`);
    const mexico = a.approaching.find((r) => r.entityId === 'MEX')!;
    expect(firstMeetingWords(mexico)).toBe('Miami, 17 Apr 2012');
  });

  test('sources: a line and titles, joined for a money-against-needs chart', () => {
    const money = cardSources([
      { sourceId: 'a', title: 'A', publisher: 'CNS', published: '2008-01-01', kind: 'cited' }
    ]);
    const needs = cardSources(undefined, 'Needs: ');
    expect(money.line).toBe('Sources: CNS (2008).');
    expect(joinSources(money, needs)).toEqual({ line: 'Sources: CNS (2008).', titles: ['A'] });
  });
});
