/**
 * Who attended which meeting: entities (rows, by kind, then most meetings) by meetings (columns, by date), each
 * cell coloured by the capacity the entity came in. Meetings without a participant list are hatched columns.
 */
import * as Plot from '@observablehq/plot';
import type { MatrixRow, MeetingRow } from '$lib/data/queries/attendance';
import { meetingName } from '$lib/words';
import { meetingScale } from './meeting-axis';
import { CAPACITY_LABELS, CHART_FONT, COLORS, addHatches, hatchId } from './theme';
import { drawable } from './drawable';
import { linkAxisLabels, openPageWords, type PageOf } from './page-links';

export interface MatrixChartOptions {
  width: number;
  id: string;
  document?: Document;
  /** Each participant's name on the axis opens its page. */
  pageOf?: PageOf;
}

const ROW_HEIGHT = 16;
const MAX_LABEL = 34;

export function matrixEntities(rows: readonly MatrixRow[]): { entityId: string; name: string }[] {
  const seen = new Map<string, { entityId: string; name: string; rank: number }>();
  for (const r of rows)
    if (!seen.has(r.entityId)) seen.set(r.entityId, { entityId: r.entityId, name: r.name, rank: r.rank });
  return [...seen.values()].sort((a, b) => a.rank - b.rank);
}

export function buildMatrixChart(
  meetings: readonly MeetingRow[],
  givenRows: readonly MatrixRow[],
  { width, id, document, pageOf }: MatrixChartOptions
): Element {
  const rows = drawable(givenRows, ['rank']);
  const byId = new Map(meetings.map((m) => [m.meetingId, m]));
  const entities = matrixEntities(rows);
  const names = entities.map((e) => e.name);
  const unrecorded = meetings.filter((m) => !m.attendanceRecorded);
  const gapCells = unrecorded.flatMap((m) => names.map((name) => ({ meetingId: m.meetingId, name })));
  const tip = (r: MatrixRow) =>
    `${r.name}\n${meetingName(byId.get(r.meetingId)!)}: ${CAPACITY_LABELS[r.capacity].toLowerCase()}` +
    (r.newcomer ? ' (first recorded attendance)' : '') +
    (r.illustrative ? '\nIllustrative data' : '') +
    `\nSource: ${r.sourceTitle}` +
    (pageOf?.(r.entityId) ? `\n${openPageWords(r.name)}` : '');
  const chart = Plot.plot({
    document,
    width,
    height: Math.max(120, names.length * ROW_HEIGHT) + 100,
    marginLeft: 215,
    marginBottom: 56,
    marginTop: 10,
    style: { fontFamily: CHART_FONT, fontSize: '12px', color: COLORS.ink },
    ariaLabel: 'Who attended which GPWG meeting, by capacity',
    ariaDescription: `${names.length} participants across ${meetings.length} meetings.`,
    x: { ...meetingScale(meetings, 0.08), axis: 'bottom' },
    // Long names are shortened on the axis; the tooltip and the table give them in full.
    y: {
      type: 'band',
      domain: names,
      label: null,
      padding: 0.12,
      tickFormat: (name: string) =>
        name.length > MAX_LABEL ? `${name.slice(0, MAX_LABEL - 1).trimEnd()}…` : name
    },
    color: {
      domain: Object.values(CAPACITY_LABELS),
      range: [COLORS.capacity.partner, COLORS.capacity.observer, COLORS.capacity.guest]
    },
    marks: [
      Plot.cell(gapCells, {
        x: 'meetingId',
        y: 'name',
        fill: `url(#${hatchId(id, 'gap')})`,
        className: 'gap',
        ariaHidden: 'true'
      }),
      Plot.cell(rows, {
        x: 'meetingId',
        y: 'name',
        fill: (r: MatrixRow) => CAPACITY_LABELS[r.capacity],
        fillOpacity: (r: MatrixRow) => (r.illustrative ? 0.45 : 1),
        title: tip,
        tip: { fontSize: 12, lineHeight: 1.3 },
        className: 'attended',
        ariaLabel: (r: MatrixRow) => tip(r).split('\n').slice(0, 2).join(': ')
      }),
      Plot.text(
        rows.filter((r) => r.newcomer),
        {
          x: 'meetingId',
          y: 'name',
          text: () => 'new',
          fill: 'white',
          fontWeight: 700,
          fontSize: 10,
          ariaHidden: 'true'
        }
      )
    ]
  });
  addHatches(chart, id, { gap: COLORS.notRecorded }, { light: true });
  if (pageOf) {
    const nameOf = new Map(entities.map((e) => [e.entityId, e.name]));
    linkAxisLabels(
      chart,
      'y',
      entities.map((e) => e.entityId),
      (key) => nameOf.get(key)!,
      pageOf
    );
  }
  return chart;
}
