/**
 * Domain lists the views share, typed from the contract's enumerations: who a participant is at a meeting, and
 * what attendance can be counted in.
 */
import { CAPACITIES, ENTITY_KINDS } from './contract';

type Capacity = (typeof CAPACITIES)[number];
type EntityKind = (typeof ENTITY_KINDS)[number];

/** Who a participant is at a meeting: states by the capacity they came in, other participants by their kind. */
export type ParticipantGroup = `state_${Capacity}` | Exclude<EntityKind, 'state'>;

export const PARTICIPANT_GROUPS: readonly ParticipantGroup[] = [
  ...CAPACITIES.map((c) => `state_${c}` as const),
  ...ENTITY_KINDS.filter((k): k is Exclude<EntityKind, 'state'> => k !== 'state')
];

/** Attendance counted as participants (entities), or as delegates where the sources give a number. */
export const ATTENDANCE_MEASURES = ['entities', 'delegates'] as const;
export type AttendanceMeasure = (typeof ATTENDANCE_MEASURES)[number];
