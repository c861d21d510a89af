import { describe, expect, test } from 'vitest';
import { attendanceMarks, buildAttendanceChart } from '../../src/lib/charts/attendance-over-time';
import { buildMatrixChart } from '../../src/lib/charts/attendance-matrix';
import type { AttendanceCountRow, MatrixRow, MeetingRow } from '../../src/lib/data/queries/attendance';
import { chartDocument, normaliseSvg } from './svg';

const meeting = (
  id: string,
  city: string,
  start: string,
  end: string,
  recorded: boolean,
  note: string | null = null
): MeetingRow => ({
  meetingId: id,
  dateStart: start,
  dateEnd: end,
  datePrecision: id.includes('vancouver') ? 'month' : 'day',
  city,
  country: 'X',
  presidency: 'USA',
  presidencyName: 'United States',
  presidencyYear: Number(start.slice(0, 4)),
  format: 'regular',
  attendanceRecorded: recorded,
  attendanceNote: note,
  sourceTitle: 'A note',
  sourceKind: 'seed'
});

const meetings = [
  meeting(
    '2010-10-vancouver',
    'Vancouver',
    '2010-10-01',
    '2010-10-31',
    false,
    'A 1540 Committee expert participated.'
  ),
  meeting('2012-04-miami', 'Miami', '2012-04-17', '2012-04-18', true)
];
const count = (
  group: AttendanceCountRow['group'],
  entities: number,
  delegatesKnown = 0,
  illustrative = 0
): AttendanceCountRow => ({
  meetingId: '2012-04-miami',
  group,
  entities,
  delegatesKnown,
  delegatesUnknown: entities - (delegatesKnown ? 1 : 0),
  names: 'A, B',
  sources: 'A note',
  illustrative
});
const counts = [
  count('state_partner', 15),
  count('international_org', 8, 1),
  count('civil_society', 1, 0, 1)
];

describe('buildAttendanceChart', () => {
  test('a meeting without a list is a labelled gap, never a bar', () => {
    const svg = buildAttendanceChart(meetings, counts, {
      width: 640,
      id: 't',
      measure: 'entities',
      document: chartDocument()
    });
    expect(svg.querySelectorAll('g.attendance rect')).toHaveLength(3);
    expect(svg.querySelectorAll('g.gap rect')).toHaveLength(1);
    expect(svg.textContent).toContain('not recorded');
    expect(svg.querySelector('g.gap rect')!.getAttribute('aria-label')).toContain(
      'no participant list is known'
    );
  });

  test('delegates: only known numbers are drawn, and the rest is said', () => {
    const { bars, gaps, unknownDelegates } = attendanceMarks(meetings, counts, 'delegates');
    expect(bars.map((b) => [b.group, b.value])).toEqual([['international_org', 1]]);
    expect(gaps.map((g) => g.text)).toEqual(['not recorded']);
    expect(unknownDelegates.get('2012-04-miami')).toBe(15 + 7 + 1);
  });

  test('illustrative rows are faded and say so in their tooltip', () => {
    const { bars } = attendanceMarks(meetings, counts, 'entities');
    expect(bars.find((b) => b.group === 'civil_society')!.label).toContain('Includes illustrative data');
  });

  test('a selected meeting: every meeting kept, its bars in full, the others faded; each meeting a link', async () => {
    const paris = meeting('2011-10-paris', 'Paris', '2011-10-10', '2011-10-10', true);
    const parisCounts = [{ ...count('state_partner', 18), meetingId: '2011-10-paris' }];
    const svg = buildAttendanceChart([meetings[0]!, paris, meetings[1]!], [...parisCounts, ...counts], {
      width: 640,
      id: 't',
      measure: 'entities',
      selectable: true,
      selected: '2011-10-paris',
      document: chartDocument()
    });
    const bars = [...svg.querySelectorAll('g.attendance a')].map((a) => ({
      href: a.getAttribute('href'),
      opacity: Number(a.querySelector('rect')?.getAttribute('fill-opacity') ?? 1)
    }));
    expect(bars.map((b) => b.href).sort()).toEqual([
      '#select:2011-10-paris',
      '#select:2012-04-miami',
      '#select:2012-04-miami',
      '#select:2012-04-miami'
    ]);
    for (const b of bars) expect(b.opacity < 0.5).toBe(b.href !== '#select:2011-10-paris');
    await expect(normaliseSvg(svg)).toMatchFileSnapshot('./__snapshots__/attendance-over-time-selected.svg');
  });

  test('matches the committed snapshot', async () => {
    const svg = buildAttendanceChart(meetings, counts, {
      width: 640,
      id: 't',
      measure: 'entities',
      document: chartDocument()
    });
    await expect(normaliseSvg(svg)).toMatchFileSnapshot('./__snapshots__/attendance-over-time.svg');
  });
});

describe('buildMatrixChart', () => {
  const row = (
    entityId: string,
    name: string,
    capacity: MatrixRow['capacity'],
    rank: number,
    newcomer: boolean
  ): MatrixRow => ({
    entityId,
    name,
    entityKind: 'state',
    meetingId: '2012-04-miami',
    capacity,
    newcomer,
    rank,
    sourceTitle: 'A note',
    illustrative: false
  });
  const rows = [
    row('CAN', 'Canada', 'partner', 1, false),
    row('MEX', 'Mexico', 'observer', 2, true),
    row('OPCW', 'Organization for the Prohibition of Chemical Weapons', 'guest', 3, true)
  ];

  test('one cell per attendance, hatched cells for the unrecorded meeting, "new" for newcomers', () => {
    const svg = buildMatrixChart(meetings, rows, { width: 640, id: 'm', document: chartDocument() });
    expect(svg.querySelectorAll('g.attended rect')).toHaveLength(3);
    expect(svg.querySelectorAll('g.gap rect')).toHaveLength(3);
    expect([...svg.querySelectorAll('text')].filter((t) => t.textContent === 'new')).toHaveLength(2);
    expect(svg.textContent).toContain('Organization for the Prohibition…');
  });

  test('matches the committed snapshot', async () => {
    const svg = buildMatrixChart(meetings, rows, { width: 640, id: 'm', document: chartDocument() });
    await expect(normaliseSvg(svg)).toMatchFileSnapshot('./__snapshots__/attendance-matrix.svg');
  });

  test("each name on the axis opens its participant's page", () => {
    const svg = buildMatrixChart(meetings, rows, {
      width: 640,
      id: 'm',
      document: chartDocument(),
      pageOf: (id) => `/partners/${id}`
    });
    const links = [...svg.querySelectorAll('g[aria-label="y-axis tick label"] a')];
    expect(links.map((a) => [a.getAttribute('href'), a.querySelector('title')?.textContent])).toEqual(
      rows.map((r) => [`/partners/${r.entityId}`, `Open ${r.name}'s page`])
    );
    // Pointer only: the table's names are the keyboard's way to the same pages.
    expect(links.every((a) => a.getAttribute('tabindex') === '-1')).toBe(true);
  });
});
