/**
 * Nothing unformattable reaches a page or a file: the figures, the words beside charts and the exports, fed NaN,
 * ±Infinity, null or undefined where a number goes, say "not recorded" or leave the value empty; a ratio with
 * nothing to divide by says so in words.
 */
import { describe, expect, test } from 'vitest';
import { toCsv } from '$lib/export/csv';
import { toParquet } from '$lib/export/parquet';
import { tableFromRows } from '$lib/export/table';
import { formatCount, formatMoneyFull, formatMoneyShort, formatShare } from '$lib/format';
import { attendanceFigureItems } from '$lib/views/attendance-rows';
import { expansionFigureItems } from '$lib/views/expansion-rows';
import { fundingFigures, moneyAndNeedsTable } from '$lib/views/funding-rows';
import { needsNote, signedMoney } from '$lib/words';
import { parquetReadObjects } from 'hyparquet';

const UNFORMATTABLE = /NaN|Infinity|undefined|\bnull\b/;
const BAD = [NaN, Infinity, -Infinity, null, undefined] as unknown as number[];

const text = (value: unknown) => JSON.stringify(value);

describe('numbers as words', () => {
  test('a number that is none reads "not recorded", in every formatter', () => {
    for (const bad of BAD) {
      for (const format of [formatCount, formatMoneyShort, formatMoneyFull, signedMoney]) {
        expect(format(bad)).toBe('not recorded');
      }
      expect(formatShare(bad, 10)).toBe('not recorded');
      expect(formatShare(10, bad)).toBe('not recorded');
    }
  });

  test('a ratio with nothing to divide by says so in words', () => {
    expect(formatShare(5, 0, 'no priced needs')).toBe('no priced needs');
    const needs = { priced: 0, pricedCount: 0, unpriced: 2, illustrative: 0, labels: '', sources: '' };
    const figures = fundingFigures('disbursed', { amount: 0, rows: 0, illustrative: 0 }, [needs]);
    expect(figures.map((f) => [f.value, f.note])).toEqual([
      ['$0', '$0 from 0 rows'],
      ['nothing counted', 'none'],
      ['$0', 'no priced needs: no coverage'],
      ['2', 'counted, never summed as zero']
    ]);
    expect(needsNote(5e6, needs)).toBe('2 not priced');
  });
});

describe('figures fed values that are no number write none of them', () => {
  for (const bad of BAD) {
    test(String(bad), () => {
      const needs = {
        priced: bad,
        pricedCount: bad,
        unpriced: bad,
        illustrative: bad,
        labels: 'N',
        sources: 'S'
      };
      const funding = fundingFigures('pledged', { amount: bad, rows: bad, illustrative: bad }, [needs]);
      const attendance = attendanceFigureItems(
        {
          meetingsInView: bad,
          meetingsRecorded: bad,
          distinctParticipants: bad,
          states: bad,
          internationalOrgs: bad
        },
        [{ meetingId: 'm', newcomers: bad, names: 'A' }],
        []
      );
      const expansion = expansionFigureItems(
        [{ year: 2002, region: 'Europe', known: bad, yearUnknown: bad, illustrative: bad }],
        [],
        true
      );
      for (const figures of [funding, attendance, expansion])
        expect(text(figures)).not.toMatch(UNFORMATTABLE);
      expect(needsNote(bad, needs)).not.toMatch(UNFORMATTABLE);
    });
  }
});

describe('exports fed values that are no number write empty cells', () => {
  const rows = BAD.map((bad, i) => ({ stage: `s${i}`, amount: bad, rows: i }));

  test('CSV', () => {
    const csv = toCsv(tableFromRows(rows));
    expect(csv).not.toMatch(UNFORMATTABLE);
    expect(csv.split('\r\n').slice(1, 3)).toEqual(['s0,,0', 's1,,1']);
  });

  test('Parquet: nulls, read back as nulls', async () => {
    const bytes = toParquet(tableFromRows(rows), {});
    const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const back = await parquetReadObjects({ file });
    expect(back.map((r) => r.amount)).toEqual([null, null, null, null, null]);
  });

  test('a chart table of money and needs', () => {
    const table = moneyAndNeedsTable(
      [{ stage: 'pledged', amount: NaN, rows: 1, illustrative: Infinity, labels: 'L', sources: 'S' }],
      [{ priced: NaN, pricedCount: 0, unpriced: 1, illustrative: 0, labels: 'N', sources: 'S' }]
    );
    expect(toCsv(table)).not.toMatch(UNFORMATTABLE);
  });
});
