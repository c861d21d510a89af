/**
 * The world by assistance requests: a state with a request recorded open, one whose requests are all matched or
 * met, and one whose requests' status is not recorded, told apart by colour and named in the tooltip; every other
 * state neutral. Each requester is a selectable mark (select-links.ts): its page links it to the list filtered to
 * it, so a click or Enter filters.
 */
import * as Plot from '@observablehq/plot';
import { selectHref } from './select-links';
import { CHART_FONT, COLORS } from './theme';
import { numericId, type CountryFeature } from './world';

export type RequestStanding = keyof typeof COLORS.requests;

export interface RequesterStanding {
  entityId: string;
  name: string;
  standing: RequestStanding;
  requests: number;
  /** Every request of it rests on illustrative sources. */
  illustrative: boolean;
}

export const STANDING_WORDS: Record<RequestStanding, string> = {
  open: 'a request recorded open',
  answered: 'every request matched or met',
  not_recorded: 'requests whose status is not recorded'
};

export interface RequestersMapOptions {
  width: number;
  document?: Document;
}

export function buildRequestersMap(
  features: readonly CountryFeature[],
  standings: readonly RequesterStanding[],
  { width, document }: RequestersMapOptions
): Element {
  const byNumeric = new Map<string, RequesterStanding>();
  for (const s of standings) {
    const n = numericId(s.entityId);
    if (n) byNumeric.set(n, s);
  }
  const items = features.map((f) => ({
    ...f,
    requester: f.id === undefined ? undefined : byNumeric.get(String(f.id))
  }));
  type Item = (typeof items)[number];
  const requesters = items.filter((i) => i.requester);
  const chart = Plot.plot({
    document,
    width,
    height: Math.round(width * 0.5),
    projection: 'equal-earth',
    color: { type: 'identity' },
    style: { fontFamily: CHART_FONT, fontSize: '12px', color: COLORS.ink },
    ariaLabel: 'World map of the states that requested assistance, by what their requests are recorded as',
    marks: [
      Plot.geo(
        items.filter((i) => !i.requester),
        { fill: COLORS.status.nonMember, stroke: '#ffffff', strokeWidth: 0.5 }
      ),
      Plot.geo(requesters, {
        fill: (d: Item) => COLORS.requests[d.requester!.standing],
        fillOpacity: (d: Item) => (d.requester!.illustrative ? 0.55 : 1),
        stroke: '#ffffff',
        strokeWidth: 0.5,
        href: (d: Item) => selectHref(d.requester!.entityId),
        ariaLabel: (d: Item) => `${d.requester!.name}: ${STANDING_WORDS[d.requester!.standing]}`,
        title: (d: Item) =>
          `${d.requester!.name}: ${d.requester!.requests} ${d.requester!.requests === 1 ? 'request' : 'requests'}, ` +
          `${STANDING_WORDS[d.requester!.standing]}${d.requester!.illustrative ? ' (illustrative)' : ''}\nShow its requests`,
        // A native tooltip, not Plot's pointer tip: that one pins on click, which would swallow the link.
        className: 'requesters'
      }),
      Plot.sphere({ stroke: '#c9ced6', strokeWidth: 0.75 })
    ]
  });
  return chart;
}
