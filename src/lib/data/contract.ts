/**
 * The data contract (README "Data contract"): the tables every extract must follow, described once.
 * The build script, the in-browser validator and the TypeScript row types all derive from this description.
 */

export type DuckType = 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'BOOLEAN' | 'DATE';

export interface ColumnSpec {
  readonly name: string;
  readonly type: DuckType;
  readonly notNull?: boolean;
  readonly values?: readonly string[];
  /** A number that must not be negative (money, people). */
  readonly nonNegative?: boolean;
  /** A link shown to users: only http(s) is allowed. */
  readonly httpUrl?: boolean;
  /** A column added after the first extracts: a file without it loads, the column empty (null). */
  readonly optional?: boolean;
  /** A year, or a date whose year, must be plausible for the GP (PLAUSIBLE_YEARS). */
  readonly year?: boolean;
}

/**
 * The years a GP figure can be about: from 1990 (before the 2002 Kananaskis launch, for programmes it took over)
 * to ten years ahead (pledges and plans). A year outside is a slip (99999, 2O11 read as 11), refused.
 */
export const PLAUSIBLE_YEARS = {
  first: 1990,
  last: (today: Date = new Date()) => today.getFullYear() + 10
} as const;

export interface ReferenceSpec {
  readonly column: string;
  readonly table: TableName;
  readonly targetColumn: string;
}

export interface TableSpec {
  readonly columns: readonly ColumnSpec[];
  /** Columns whose values, together, are unique. */
  readonly key?: readonly string[];
  readonly references?: readonly ReferenceSpec[];
  /** Pairs (earlier, later) where the later value, when present, must not come before the earlier one. */
  readonly ordered?: readonly (readonly [string, string])[];
  /** A table added after the first extracts: data without it loads, the table empty. */
  readonly optional?: boolean;
}

/** Load order: a table comes after the tables it references. */
export const TABLE_NAMES = [
  'sources',
  'entities',
  'memberships',
  'meetings',
  'participation',
  'contributions',
  'needs',
  'published_counts',
  'presidencies'
] as const;

export type TableName = (typeof TABLE_NAMES)[number];

import {
  CAPACITIES,
  CHANNELS,
  DATE_PRECISIONS,
  ENTITY_KINDS,
  EU_BASES,
  MEETING_FORMATS,
  MEMBERSHIP_STATUSES,
  NEED_STATUSES,
  PRIORITY_AREAS,
  REGIONS,
  SOURCE_KINDS,
  STAGES,
  YEAR_BASES
} from './contract-values';

export * from './contract-values';

const sourceRef = { column: 'source_id', table: 'sources', targetColumn: 'source_id' } as const;
const entityRef = (column: string) => ({ column, table: 'entities', targetColumn: 'entity_id' }) as const;
const sourceColumn = { name: 'source_id', type: 'VARCHAR', notNull: true } as const;

export const CONTRACT = {
  sources: {
    columns: [
      { name: 'source_id', type: 'VARCHAR', notNull: true },
      { name: 'title', type: 'VARCHAR', notNull: true },
      { name: 'publisher', type: 'VARCHAR' },
      { name: 'url', type: 'VARCHAR', httpUrl: true },
      { name: 'published', type: 'DATE' },
      { name: 'kind', type: 'VARCHAR', notNull: true, values: SOURCE_KINDS },
      { name: 'note', type: 'VARCHAR' }
    ],
    key: ['source_id']
  },
  entities: {
    columns: [
      { name: 'entity_id', type: 'VARCHAR', notNull: true },
      { name: 'name', type: 'VARCHAR', notNull: true },
      { name: 'kind', type: 'VARCHAR', notNull: true, values: ENTITY_KINDS },
      { name: 'region', type: 'VARCHAR', values: REGIONS },
      { name: 'subregion', type: 'VARCHAR' },
      sourceColumn
    ],
    key: ['entity_id'],
    references: [sourceRef]
  },
  memberships: {
    columns: [
      { name: 'entity_id', type: 'VARCHAR', notNull: true },
      { name: 'status', type: 'VARCHAR', notNull: true, values: MEMBERSHIP_STATUSES },
      { name: 'from_year', type: 'INTEGER', year: true },
      { name: 'to_year', type: 'INTEGER', year: true },
      { name: 'confirmed_year', type: 'INTEGER', year: true },
      // A source shows the period over by this year; when exactly it ended is not known.
      { name: 'ended_by_year', type: 'INTEGER', optional: true, year: true },
      sourceColumn
    ],
    references: [entityRef('entity_id'), sourceRef],
    ordered: [
      ['from_year', 'to_year'],
      ['from_year', 'ended_by_year'],
      ['confirmed_year', 'ended_by_year']
    ]
  },
  meetings: {
    columns: [
      { name: 'meeting_id', type: 'VARCHAR', notNull: true },
      { name: 'date_start', type: 'DATE', notNull: true, year: true },
      { name: 'date_end', type: 'DATE', notNull: true, year: true },
      { name: 'date_precision', type: 'VARCHAR', notNull: true, values: DATE_PRECISIONS },
      { name: 'city', type: 'VARCHAR', notNull: true },
      { name: 'country', type: 'VARCHAR', notNull: true },
      { name: 'presidency', type: 'VARCHAR', notNull: true },
      { name: 'presidency_year', type: 'INTEGER', notNull: true, year: true },
      // Null: the sources do not say.
      { name: 'format', type: 'VARCHAR', values: MEETING_FORMATS },
      { name: 'attendance_recorded', type: 'BOOLEAN', notNull: true },
      { name: 'attendance_note', type: 'VARCHAR' },
      sourceColumn
    ],
    key: ['meeting_id'],
    references: [entityRef('presidency'), sourceRef],
    ordered: [['date_start', 'date_end']]
  },
  participation: {
    columns: [
      { name: 'meeting_id', type: 'VARCHAR', notNull: true },
      { name: 'entity_id', type: 'VARCHAR', notNull: true },
      { name: 'capacity', type: 'VARCHAR', notNull: true, values: CAPACITIES },
      { name: 'delegates', type: 'INTEGER', nonNegative: true },
      sourceColumn
    ],
    key: ['meeting_id', 'entity_id'],
    references: [
      { column: 'meeting_id', table: 'meetings', targetColumn: 'meeting_id' },
      entityRef('entity_id'),
      sourceRef
    ]
  },
  contributions: {
    columns: [
      { name: 'contribution_id', type: 'VARCHAR', notNull: true },
      { name: 'donor_id', type: 'VARCHAR', notNull: true },
      { name: 'recipient_id', type: 'VARCHAR' },
      { name: 'priority_area', type: 'VARCHAR', notNull: true, values: PRIORITY_AREAS },
      { name: 'year', type: 'INTEGER', notNull: true, year: true },
      { name: 'period_end_year', type: 'INTEGER', year: true },
      { name: 'stage', type: 'VARCHAR', notNull: true, values: STAGES },
      { name: 'amount_usd', type: 'DOUBLE', notNull: true, nonNegative: true },
      // Null: the source does not say (a rule about channels or in-kind support then leaves the row counted).
      { name: 'channel', type: 'VARCHAR', values: CHANNELS },
      { name: 'in_kind', type: 'BOOLEAN' },
      { name: 'project', type: 'VARCHAR' },
      // Null reads as `stated`.
      { name: 'year_basis', type: 'VARCHAR', values: YEAR_BASES, optional: true },
      // The assistance request this contribution answers, where the data links them; null: no link recorded.
      { name: 'need_id', type: 'VARCHAR', optional: true },
      sourceColumn
    ],
    key: ['contribution_id'],
    references: [
      entityRef('donor_id'),
      entityRef('recipient_id'),
      { column: 'need_id', table: 'needs', targetColumn: 'need_id' },
      sourceRef
    ],
    ordered: [['year', 'period_end_year']]
  },
  needs: {
    columns: [
      { name: 'need_id', type: 'VARCHAR', notNull: true },
      { name: 'requester_id', type: 'VARCHAR', notNull: true },
      // Null: not recorded (the 1540 Committee lists who requested after 2008, not when or in which area).
      { name: 'priority_area', type: 'VARCHAR', values: PRIORITY_AREAS },
      { name: 'year', type: 'INTEGER', year: true },
      { name: 'estimated_usd', type: 'DOUBLE', nonNegative: true },
      // Null: not recorded.
      { name: 'status', type: 'VARCHAR', values: NEED_STATUSES },
      { name: 'description', type: 'VARCHAR' },
      sourceColumn
    ],
    key: ['need_id'],
    references: [entityRef('requester_id'), sourceRef]
  },
  published_counts: {
    columns: [
      { name: 'year', type: 'INTEGER', notNull: true, year: true },
      { name: 'count', type: 'INTEGER', notNull: true, nonNegative: true },
      { name: 'includes_eu', type: 'VARCHAR', notNull: true, values: EU_BASES },
      /** The source's own words, quoted. */
      { name: 'wording', type: 'VARCHAR', notNull: true },
      sourceColumn
    ],
    references: [sourceRef],
    optional: true
  },
  /** Who held the GP's presidency (the G8/G7 presidency, by rotation) and when, as precisely as a source says. */
  presidencies: {
    columns: [
      { name: 'holder_id', type: 'VARCHAR', notNull: true },
      { name: 'start_year', type: 'INTEGER', notNull: true, year: true },
      { name: 'end_year', type: 'INTEGER', notNull: true, year: true },
      /** The period in the source's precision: "2012", "from June 2014 to the end of 2015". */
      { name: 'period', type: 'VARCHAR', notNull: true },
      /** The source's own words, quoted. */
      { name: 'wording', type: 'VARCHAR', notNull: true },
      sourceColumn
    ],
    key: ['holder_id', 'start_year'],
    references: [entityRef('holder_id'), sourceRef],
    ordered: [['start_year', 'end_year']],
    optional: true
  }
} as const satisfies Record<TableName, TableSpec>;

export function tableSpec(table: TableName): TableSpec {
  return CONTRACT[table];
}

export type SourceKind = (typeof SOURCE_KINDS)[number];
export type PriorityArea = (typeof PRIORITY_AREAS)[number];
