/**
 * The world by GP standing: partners coloured by the year they joined (a hatch where the year is not recorded),
 * observers and invitees in their own colours, states that attended without being members outlined, and every
 * other state neutral.
 */
import * as Plot from '@observablehq/plot';
import type { StateStatusRow } from '$lib/data/queries/expansion-states';
import { selectHref } from './select-links';
import { CHART_FONT, COLORS, addHatches, hatchId } from './theme';
import { numericId, type CountryFeature } from './world';
import { drawable } from './drawable';

export interface PartnersMapOptions {
  /** Each state with a standing is a selectable mark (select-links.ts). */
  selectable?: boolean;
  /** The selected state: in full, the others with a standing faded. */
  selected?: string | null;
  width: number;
  id: string;
  document?: Document;
}

/** Join-year cohorts in order, each with its colour (light to dark: founders darkest). */
export function joinCohorts(states: readonly StateStatusRow[]): { year: number; colour: string }[] {
  const years = [
    ...new Set(states.filter((s) => s.status === 'partner' && s.yearKnown).map((s) => s.joinYear!))
  ].sort((a, b) => a - b);
  const ramp = ['#08306b', '#1f4e99', '#3b6fc4', '#5f8fd6', '#86ade3', '#adc9ee', '#cfe0f6'];
  return years.map((year, i) => ({
    year,
    colour: ramp[Math.round((i * (ramp.length - 1)) / Math.max(1, years.length - 1))]!
  }));
}

export function mapStateFeatures(features: readonly CountryFeature[], states: readonly StateStatusRow[]) {
  const byNumeric = new Map<string, StateStatusRow>();
  for (const s of states) {
    const n = numericId(s.entityId);
    if (n) byNumeric.set(n, s);
  }
  return features.map((f) => ({
    feature: f,
    state: f.id === undefined ? undefined : byNumeric.get(String(f.id))
  }));
}

export function buildPartnersMap(
  features: readonly CountryFeature[],
  givenStates: readonly StateStatusRow[],
  { width, id, document, selectable, selected }: PartnersMapOptions
): Element {
  const states = drawable(givenStates, [], ['joinYear']);
  const cohorts = new Map(joinCohorts(states).map((c) => [c.year, c.colour]));
  const matched = mapStateFeatures(features, states);
  type Item = (typeof matched)[number];
  const fillOf = ({ state }: Item) => {
    if (!state) return COLORS.status.nonMember;
    if (state.status === 'partner') {
      return state.yearKnown ? cohorts.get(state.joinYear!)! : `url(#${hatchId(id, 'unknown')})`;
    }
    if (state.status === 'attended') return COLORS.status.nonMember;
    return COLORS.status[state.status];
  };
  // A selectable state's tooltip says what a click does, and where its page opens.
  const next = (name: string, entityId: string) =>
    entityId === selected
      ? `\nSelected (click again to clear): “Open ${name}'s page” on its chip`
      : `\nClick to select; then “Open ${name}'s page” on its chip`;
  const tip = ({ feature, state }: Item) =>
    state
      ? `${state.name}\n${state.history}\nSources: ${state.sources}` +
        (selectable ? next(state.name, state.entityId) : '')
      : `${feature.properties.name}: not a GP member`;
  const chart = Plot.plot({
    document,
    width,
    height: Math.round(width * 0.5),
    projection: 'equal-earth',
    // Fills are literal colours (and hatch patterns) decided above, not values to be scaled.
    color: { type: 'identity' },
    style: { fontFamily: CHART_FONT, fontSize: '12px', color: COLORS.ink },
    ariaLabel: 'World map of GP partners by year joined, observers and invitees',
    marks: [
      Plot.geo(
        matched.map((m) => ({ ...m.feature, item: m })),
        {
          fill: (d: { item: Item }) => fillOf(d.item),
          stroke: (d: { item: Item }) =>
            d.item.state?.status === 'attended' ? COLORS.status.attended : '#ffffff',
          strokeWidth: (d: { item: Item }) => (d.item.state?.status === 'attended' ? 2 : 0.5),
          // Standings on illustrative sources keep their colour, faded; the tooltip and the card say so.
          fillOpacity: (d: { item: Item }) =>
            (d.item.state?.illustrative ? 0.45 : 1) *
            (selected && d.item.state && d.item.state.entityId !== selected ? 0.3 : 1),
          ...(selectable
            ? { href: (d: { item: Item }) => (d.item.state ? selectHref(d.item.state.entityId) : null) }
            : {}),
          title: (d: { item: Item }) => tip(d.item),
          ariaLabel: (d: { item: Item }) => d.item.state?.name ?? d.item.feature.properties.name,
          tip: { fontSize: 12, lineHeight: 1.3 },
          className: 'countries'
        }
      ),
      Plot.sphere({ stroke: '#c9ced6', strokeWidth: 0.75 })
    ]
  });
  addHatches(chart, id, { unknown: COLORS.partner });
  return chart;
}
