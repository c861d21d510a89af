/**
 * What every chart shares: one colour per meaning (from Observable 10, colour-blind safe), sizes, and the hatch
 * that marks illustrative data and honest gaps ("year unknown"). Defined once; charts, legends and exports use it.
 */
import type { SourceKind } from '$lib/data/contract';
import type { ParticipantGroup } from '$lib/data/domain';

/** Observable 10, in its published order. */
export const OBSERVABLE_10 = [
  '#4269d0',
  '#efb118',
  '#ff725c',
  '#6cc5b0',
  '#3ca951',
  '#ff8ab7',
  '#a463f2',
  '#97bbf5',
  '#9c6b4e',
  '#9498a0'
] as const;

export const COLORS = {
  partner: OBSERVABLE_10[0],
  /** A partner whose join year is not recorded: the partner colour, hatched. */
  partnerYearUnknown: OBSERVABLE_10[0],
  sourceKind: {
    seed: OBSERVABLE_10[4],
    cited: OBSERVABLE_10[0],
    illustrative: OBSERVABLE_10[1]
  } satisfies Record<SourceKind, string>,
  /** Who attends a meeting: one colour per kind of participant, in every chart and legend. */
  participant: {
    state_partner: OBSERVABLE_10[0],
    state_observer: OBSERVABLE_10[1],
    state_guest: OBSERVABLE_10[9],
    european_union: OBSERVABLE_10[3],
    international_org: OBSERVABLE_10[2],
    civil_society: OBSERVABLE_10[6]
  } satisfies Record<ParticipantGroup, string>,
  /** The capacity an entity came in: partner, observer or guest. */
  capacity: {
    partner: OBSERVABLE_10[0],
    observer: OBSERVABLE_10[1],
    guest: OBSERVABLE_10[8]
  },
  notRecorded: '#9498a0',
  /** Money through its stages: pledged, committed, disbursed (money actually out, in green). */
  stage: { pledged: OBSERVABLE_10[7], committed: OBSERVABLE_10[0], disbursed: OBSERVABLE_10[4] },
  needs: '#1b1e23',
  /** UN M49 regions, and the EU where a region is expected. */
  region: {
    Africa: OBSERVABLE_10[8],
    Americas: OBSERVABLE_10[2],
    Asia: OBSERVABLE_10[1],
    Europe: OBSERVABLE_10[0],
    Oceania: OBSERVABLE_10[4],
    'European Union': OBSERVABLE_10[3]
  } as Record<string, string>,
  /** Standing on the map. */
  status: {
    former: OBSERVABLE_10[9],
    observer: OBSERVABLE_10[1],
    invitee: OBSERVABLE_10[6],
    attended: OBSERVABLE_10[2],
    nonMember: '#e6e8eb'
  },
  /** Requesters on the match-making map, by what their requests are recorded as. */
  requests: {
    open: '#c2410c',
    answered: '#2f855a',
    not_recorded: '#8a94a3'
  },
  /** Member counts as the sources publish them, beside the counted ones. */
  published: '#b42318',
  ink: '#1b1e23',
  muted: '#5f6368',
  grid: '#e3e5e8'
} as const;

export const PARTICIPANT_LABELS: Record<ParticipantGroup, string> = {
  state_partner: 'States as partners',
  state_observer: 'States as observers',
  state_guest: 'States as guests',
  european_union: 'European Union',
  international_org: 'International organisations',
  civil_society: 'Civil society'
};

/** Regions in a fixed order for stacks and legends. */
export const REGION_ORDER = ['Europe', 'Americas', 'Asia', 'Oceania', 'Africa', 'European Union'];

export const AREA_LABELS: Record<string, string> = {
  chemical_weapons_destruction: 'Chemical weapons destruction',
  submarine_dismantlement: 'Submarine dismantlement',
  fissile_material: 'Fissile material',
  scientist_engagement: 'Scientist engagement',
  nuclear_radiological_security: 'Nuclear and radiological security',
  biological_security: 'Biological security',
  resolution_1540: 'Resolution 1540',
  other: 'Other or not broken down'
};

export const CAPACITY_LABELS = { partner: 'Partner', observer: 'Observer', guest: 'Guest' } as const;

export const CHART_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

export const CHART_HEIGHT = 320;

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The id of a hatch pattern in `colour`, unique to one chart so several charts can share a page. */
export function hatchId(chartId: string, name: string): string {
  return `${chartId}-hatch-${name}`;
}

/** Adds diagonal-hatch patterns (light ones for gaps that must not outshine data; overlays of white stripes) to a chart (Plot's SVG, or the figure around it); marks fill with `url(#<hatchId>)`. */
export function addHatches(
  chart: Element,
  chartId: string,
  colours: Record<string, string>,
  { light = false, overlay = false }: { light?: boolean; overlay?: boolean } = {}
): void {
  const svg = chart.nodeName.toLowerCase() === 'svg' ? chart : chart.querySelector('svg');
  if (!svg) return;
  const doc = svg.ownerDocument;
  const defs = doc.createElementNS(SVG_NS, 'defs');
  for (const [name, colour] of Object.entries(colours)) {
    const pattern = doc.createElementNS(SVG_NS, 'pattern');
    pattern.setAttribute('id', hatchId(chartId, name));
    pattern.setAttribute('patternUnits', 'userSpaceOnUse');
    pattern.setAttribute('width', '6');
    pattern.setAttribute('height', '6');
    pattern.setAttribute('patternTransform', 'rotate(45)');
    const background = doc.createElementNS(SVG_NS, 'rect');
    background.setAttribute('width', '6');
    background.setAttribute('height', '6');
    background.setAttribute('fill', colour);
    // An overlay keeps the colour of the mark beneath: white stripes only.
    background.setAttribute('fill-opacity', overlay ? '0' : light ? '0.08' : '0.25');
    const line = doc.createElementNS(SVG_NS, 'line');
    line.setAttribute('x1', '0');
    line.setAttribute('y1', '0');
    line.setAttribute('x2', '0');
    line.setAttribute('y2', '6');
    line.setAttribute('stroke', overlay ? '#ffffff' : colour);
    line.setAttribute('stroke-width', light ? '1' : '2.5');
    if (light) line.setAttribute('stroke-opacity', '0.45');
    if (overlay) line.setAttribute('stroke-opacity', '0.8');
    pattern.append(background, line);
    defs.append(pattern);
  }
  svg.prepend(defs);
}
