/** The export writers: CSV a spreadsheet opens safely, Parquet DuckDB reads back, the pack's contents, the image frame. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '$lib/data/db';
import { openNativeDb } from '$lib/data/duckdb-native';
import {
  ILLUSTRATIVE_NOTE,
  contextColumns,
  parquetMetadata,
  sourcesMarkdown,
  type ChartAbout
} from '$lib/export/about';
import { composeChartSvg, serializeSvg } from '$lib/export/compose';
import { toCsv } from '$lib/export/csv';
import { reportPack } from '$lib/export/pack';
import { toParquet } from '$lib/export/parquet';
import { tableFromRows, withConstantColumns } from '$lib/export/table';

const about: ChartAbout = {
  id: 'by-area',
  title: 'Funding against needs, by priority area',
  subtitle: 'US dollars; counted: committed; all donors.',
  rules: 'counted: committed; pledges superseded by commitments dropped',
  sourcesLine: 'Sources: U.S. Department of State (2012).',
  sources: [
    { title: 'GP annex 2012', url: 'https://example.org/annex', kind: 'cited', publisher: 'G8' },
    { title: 'Made-up needs', url: null, kind: 'illustrative', publisher: null }
  ],
  illustrative: true,
  exportedAt: '2026-11-22',
  data: 'your files contributions.csv (loaded 2026-11-22 09:30 UTC; data 1a2b3c4d)',
  link: 'http://localhost:4173/funding?stage=committed&data=1a2b3c4d#by-area'
};

/** Parses our CSV back (RFC 4180), to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted && c === '"') {
      quoted = false;
    } else if (quoted) {
      field += c;
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  return rows;
}

describe('tableFromRows', () => {
  it('names columns in snake_case, types them from the values, and leaves missing values null', () => {
    const table = tableFromRows([
      { stage: 'pledged', amount: 1.5, rows: 2, flag: true },
      { stage: 'needs', priced: 10 }
    ]);
    expect(table.columns).toEqual([
      { name: 'stage', type: 'string' },
      { name: 'amount', type: 'number' },
      { name: 'rows', type: 'integer' },
      { name: 'flag', type: 'boolean' },
      { name: 'priced', type: 'integer' }
    ]);
    expect(table.rows[1]).toEqual(['needs', null, null, null, 10]);
  });
});

describe('CSV writer', () => {
  const table = tableFromRows([
    {
      name: '=HYPERLINK("http://evil")',
      amount: -5,
      note: '+1 more, "quoted"\nsecond line',
      who: 'Côte d’Ivoire 🇨🇮'
    },
    { name: '@SUM(A1)', amount: 0.25, note: '-minus', who: null },
    { name: '\tTab', amount: null, note: '\rreturn', who: 'plain' }
  ]);
  const text = toCsv(table);
  const rows = parseCsv(text.slice(1));

  it('starts with a UTF-8 byte-order mark and ends every line with CRLF', () => {
    expect(text.startsWith('\uFEFFname,amount,note,who\r\n')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('neutralises text that a spreadsheet would run as a formula, keeping the text readable', () => {
    expect(rows[1]![0]).toBe(`'=HYPERLINK("http://evil")`);
    expect(rows[2]![0]).toBe(`'@SUM(A1)`);
    expect(rows[3]![0]).toBe(`'\tTab`);
    expect(rows[1]![2]).toBe(`'+1 more, "quoted"\nsecond line`);
    expect(rows[2]![2]).toBe(`'-minus`);
    expect(rows[3]![2]).toBe(`'\rreturn`);
  });

  it('writes numbers as numbers (negative ones too), nulls as empty fields, Unicode as is', () => {
    expect(rows[1]![1]).toBe('-5');
    expect(rows[2]![1]).toBe('0.25');
    expect(rows[3]![1]).toBe('');
    expect(rows[2]![3]).toBe('');
    expect(rows[1]![3]).toBe('Côte d’Ivoire 🇨🇮');
  });

  it('quotes fields with commas, quotes or line breaks (RFC 4180)', () => {
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(text).toContain(`"'+1 more, ""quoted""\nsecond line"`);
    expect(rows).toHaveLength(4);
  });
});

describe('Parquet writer', () => {
  let dir: string;
  let db: Awaited<ReturnType<typeof openNativeDb>>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gp-parquet-'));
    db = await openNativeDb();
  });
  afterAll(() => db.close());

  it('round-trips through DuckDB: same rows, same types, the chart context as key-value metadata', async () => {
    const rows = [
      {
        area: 'fissile_material',
        stage: 'pledged',
        amount: 1250000.5,
        rows: 3,
        illustrative: false,
        note: 'Côte d’Ivoire'
      },
      { area: 'other', stage: 'needs', amount: null, rows: 1, illustrative: true, note: null }
    ];
    const path = join(dir, 'chart.parquet');
    writeFileSync(path, toParquet(tableFromRows(rows), parquetMetadata(about)));

    const back = await db.query(sql`SELECT * FROM read_parquet(${path})`);
    expect(back).toEqual(rows);
    const types = await db.query<{ column_name: string; column_type: string }>(
      sql`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet(${path}))`
    );
    expect(Object.fromEntries(types.map((t) => [t.column_name, t.column_type]))).toEqual({
      area: 'VARCHAR',
      stage: 'VARCHAR',
      amount: 'DOUBLE',
      rows: 'INTEGER',
      illustrative: 'BOOLEAN',
      note: 'VARCHAR'
    });
    const meta = await db.query<{ key: string; value: string }>(
      sql`SELECT decode(key) AS key, decode(value) AS value FROM parquet_kv_metadata(${path}) ORDER BY key`
    );
    const byKey = Object.fromEntries(meta.map((m) => [m.key, m.value]));
    expect(byKey['gp_dashboard.title']).toBe(about.title);
    expect(byKey['gp_dashboard.counting_rules']).toBe(about.rules);
    expect(byKey['gp_dashboard.includes_illustrative']).toBe('true');
    expect(byKey['gp_dashboard.illustrative_note']).toBe(ILLUSTRATIVE_NOTE);
    expect(byKey['gp_dashboard.exported_at']).toBe('2026-11-22');
    expect(byKey['gp_dashboard.data']).toBe(about.data);
    expect(JSON.parse(byKey['gp_dashboard.sources']!)[0]).toEqual(about.sources[0]);
  });
});

describe('report pack', () => {
  it('holds every chart as SVG, PNG, CSV and Parquet, and SOURCES.md with the links and rules', () => {
    const files = (id: string) => ({
      about: { ...about, id },
      svg: '<svg/>',
      png: new Uint8Array([0x89, 0x50]),
      csv: 'a\r\n',
      parquet: new Uint8Array([0x50, 0x41, 0x52, 0x31])
    });
    const zip = unzipSync(reportPack('Funding', [files('by-area'), files('by-year')]));
    expect(Object.keys(zip).sort()).toEqual([
      'SOURCES.md',
      'by-area.csv',
      'by-area.parquet',
      'by-area.png',
      'by-area.svg',
      'by-year.csv',
      'by-year.parquet',
      'by-year.png',
      'by-year.svg'
    ]);
    const sources = strFromU8(zip['SOURCES.md']!);
    expect(sources).toContain('- GP annex 2012, G8 (cited): <https://example.org/annex>');
    expect(sources).toContain('- Made-up needs (illustrative)');
    expect(sources).toContain(
      '## Counting rules\n\n- counted: committed; pledges superseded by commitments dropped'
    );
    expect(sources).toContain(`**${ILLUSTRATIVE_NOTE}**`);
  });

  it('keeps markup in titles from becoming Markdown', () => {
    const text = sourcesMarkdown('Funding', [{ ...about, title: '<script>alert(1)</script> *bold*' }]);
    expect(text).toContain('\\<script\\>alert(1)\\</script\\> \\*bold\\*');
  });
});

describe('exported image', () => {
  const { document } = new JSDOM('<!doctype html><html><body></body></html>').window;
  const chart = () => {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('width', '800');
    svg.setAttribute('height', '400');
    return svg;
  };

  it('frames the chart with its title, filters, legend, sources, date and illustrative note', () => {
    const svg = composeChartSvg(
      chart(),
      about,
      [{ label: 'Pledged', colour: '#4269d0', hatched: true }],
      document
    );
    const text = (cls: string) => [...svg.querySelectorAll(`.${cls}`)].map((t) => t.textContent).join(' ');
    expect(text('export-title')).toBe(about.title);
    expect(text('export-subtitle')).toBe(about.subtitle);
    expect(text('export-sources')).toBe(about.sourcesLine);
    expect(text('export-illustrative')).toBe(ILLUSTRATIVE_NOTE);
    expect(text('export-date')).toBe(
      `Exported 2026-11-22 from GP Dashboard; data: ${about.data}. View: ${about.link}`
    );
    expect(svg.getAttribute('width')).toBe('848');
    expect(svg.querySelector('pattern')).not.toBeNull();
  });

  it('has no illustrative note when nothing is illustrative, and keeps hostile titles as text', () => {
    const svg = composeChartSvg(
      chart(),
      { ...about, illustrative: false, title: '<script>alert(1)</script>' },
      [],
      document
    );
    expect(svg.querySelector('.export-illustrative')).toBeNull();
    expect(svg.querySelector('script')).toBeNull();
    expect(serializeSvg(svg)).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('CSV context columns', () => {
  it('carry the title, filters, rules, sources, date and data on every row', () => {
    const table = withConstantColumns(tableFromRows([{ a: 1 }, { a: 2 }]), contextColumns(about));
    expect(table.columns.map((c) => c.name)).toEqual([
      'a',
      'chart_title',
      'chart_subtitle',
      'counting_rules',
      'chart_sources',
      'chart_includes_illustrative',
      'exported_at',
      'data',
      'view_link'
    ]);
    expect(table.rows[1]![4]).toBe('GP annex 2012 <https://example.org/annex>; Made-up needs');
    expect(table.rows[1]![5]).toBe(true);
  });
});
