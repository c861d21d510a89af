/**
 * The funding view: counted money against needs under the counting rules. Its state is in the URL, so a shared
 * link reproduces the exact figures: the rules that differ from the defaults, the filters, and the preset compared
 * against: `?stage=committed&domestic=exclude&donor=CAN&area=biological_security&from=2005&to=2012&compare=as_reported`.
 */
import { PRIORITY_AREAS, type PriorityArea } from '$lib/data/contract';
import {
  DEFAULT_RULES,
  PRESETS,
  RULES,
  isPresetName,
  type CountingRules,
  type RuleSpec
} from '$lib/data/counting-rules';
import { citedSources } from '$lib/data/queries/home';
import {
  contributionsByArea,
  contributionsByDonor,
  contributionsByYear,
  countedTotal,
  donorOptions,
  fundingYearRange,
  leftOutByYears,
  ruleEffects,
  type FundingFilters
} from '$lib/data/queries/funding';
import { buildFundingBasis } from '$lib/data/queries/funding-basis-state';
import { needsByArea, needsByYear } from '$lib/data/queries/needs';
import { ENTITY_ID, parseYear, setYears, type Parsed } from './url';
import { defineView } from './view';

export interface FundingView {
  rules: CountingRules;
  filters: FundingFilters;
  /** The preset shown side by side with the current rules. */
  compare: keyof typeof PRESETS;
}

export const DEFAULT_COMPARE: FundingView['compare'] = 'new_money_only';

export const DEFAULT_FUNDING: FundingView = {
  rules: DEFAULT_RULES,
  filters: { donor: null, area: null, yearFrom: null, yearTo: null },
  compare: DEFAULT_COMPARE
};

const everyRule = RULES as readonly RuleSpec[];

/** Reads the rules from a URL query (`?stage=pledged&domestic=exclude&multi_year=first_year`), entry by entry. */
export function parseRules(params: URLSearchParams, notices: string[]): CountingRules {
  const rules: Record<string, unknown> = { ...DEFAULT_RULES };
  for (const rule of everyRule) {
    const raw = params.get(rule.urlKey);
    if (raw === null) continue;
    const found = rule.values.find((v) => v.url === raw || v.alsoUrl?.includes(raw));
    if (found) rules[rule.name] = found.value;
    else notices.push(rule.unknown(raw));
  }
  return rules as unknown as CountingRules;
}

/** Writes the rules that differ from the defaults into a URL query. */
export function serializeRules(rules: CountingRules, params: URLSearchParams): void {
  for (const rule of everyRule) {
    const value = rules[rule.name];
    if (value === rule.default) continue;
    params.set(rule.urlKey, rule.values.find((v) => v.value === value)!.url);
  }
}

/** A page whose only state is the counting rules (a participant's, a presidency year's), in the same words. */
export interface RulesView {
  rules: CountingRules;
}

export const DEFAULT_RULES_VIEW: RulesView = { rules: DEFAULT_RULES };

export function parseRulesView(params: URLSearchParams): Parsed<RulesView> {
  const notices: string[] = [];
  return { value: { rules: parseRules(params, notices) }, notices };
}

export function serializeRulesView({ rules }: RulesView): URLSearchParams {
  const params = new URLSearchParams();
  serializeRules(rules, params);
  return params;
}

/** A rules-only page's module, its queries given: its state in the URL, the funding basis prepared for it. */
export const defineRulesView = defineView<RulesView>({
  defaults: DEFAULT_RULES_VIEW,
  fromUrl: parseRulesView,
  toUrl: serializeRulesView,
  prepare: (db) => buildFundingBasis(db)
});

export function parseFunding(params: URLSearchParams): Parsed<FundingView> {
  const notices: string[] = [];
  const rules = parseRules(params, notices);
  let donor = params.get('donor');
  if (donor !== null && !ENTITY_ID.test(donor)) {
    notices.push(`"${donor}" is not a partner code; showing all partners.`);
    donor = null;
  }
  let area = params.get('area');
  if (area !== null && !(PRIORITY_AREAS as readonly string[]).includes(area)) {
    notices.push(`"${area}" is not a priority area; showing all areas.`);
    area = null;
  }
  let compare = params.get('compare') ?? DEFAULT_COMPARE;
  if (!isPresetName(compare)) {
    notices.push(`"${compare}" is not a preset; comparing with new money only.`);
    compare = DEFAULT_COMPARE;
  }
  return {
    value: {
      rules,
      filters: {
        donor,
        area: area as PriorityArea | null,
        yearFrom: parseYear(params.get('from'), 'first', notices),
        yearTo: parseYear(params.get('to'), 'last', notices)
      },
      compare: compare as FundingView['compare']
    },
    notices
  };
}

export function serializeFunding({ rules, filters, compare }: FundingView): URLSearchParams {
  const params = new URLSearchParams();
  serializeRules(rules, params);
  if (filters.donor) params.set('donor', filters.donor);
  if (filters.area) params.set('area', filters.area);
  setYears(params, filters.yearFrom, filters.yearTo);
  if (compare !== DEFAULT_COMPARE) params.set('compare', compare);
  return params;
}

/** What a reader selects in the funding charts: a partner, a priority area, or years (each a filter of the view). */
export type FundingSelection = 'donor' | 'area' | 'years';

/**
 * The view with `key` selected (a partner, an area, or one year), or that selection cleared when it is the one
 * already made (a second click).
 */
export function toggled(s: FundingView, field: FundingSelection, key: string): FundingView {
  if (field !== 'years')
    return { ...s, filters: { ...s.filters, [field]: s.filters[field] === key ? null : key } };
  const year = Number(key);
  const alone = s.filters.yearFrom === year && s.filters.yearTo === year;
  return withYears(s, alone ? null : year, alone ? null : year);
}

/** The view with a year range selected (a drag across the per-year chart), its ends in either order. */
export function withYears(s: FundingView, a: number | null, b: number | null): FundingView {
  const [yearFrom, yearTo] = a !== null && b !== null && b < a ? [b, a] : [a, b];
  return { ...s, filters: { ...s.filters, yearFrom, yearTo } };
}

/**
 * A chart is not filtered by its own selection: it keeps every mark and shows the selected one (a partner's bar in
 * the partner ranking, an area in the area charts); the view's other charts are filtered by it.
 */
const unselected = (s: FundingView, field: FundingSelection): FundingView =>
  field === 'years' ? withYears(s, null, null) : { ...s, filters: { ...s.filters, [field]: null } };

/** The view with these selections cleared (a chip's button, or Escape for all). */
export function cleared(s: FundingView, fields: readonly string[]): FundingView {
  return fields.reduce<FundingView>((view, f) => (isSelection(f) ? unselected(view, f) : view), s);
}

const isSelection = (f: string): f is FundingSelection => f === 'donor' || f === 'area' || f === 'years';

/** Needs have requesters, not donors, and no stage: they read the illustrative rule, the area and the years. */
const needsRead = ({ rules, filters: f }: FundingView) => [rules.illustrative, f.area, f.yearFrom, f.yearTo];

/** Everything the funding view shows; each query re-runs only when the parts of the state it reads change. */
export const fundingView = defineView<FundingView>({
  defaults: DEFAULT_FUNDING,
  fromUrl: parseFunding,
  toUrl: serializeFunding,
  prepare: (db) => buildFundingBasis(db)
})({
  // Sent in this order, and one engine answers them in turn: the charts' queries first, so each chart draws while
  // the engine answers the next; the headline's words, quick to show, last.
  byYear: {
    reads: (s) => [s.rules, unselected(s, 'years').filters],
    run: (db, s) => contributionsByYear(db, s.rules, unselected(s, 'years').filters)
  },
  yearNeeds: {
    reads: (s) => needsRead(unselected(s, 'years')),
    run: (db, s) => needsByYear(db, s.rules, unselected(s, 'years').filters)
  },
  byDonor: {
    reads: (s) => [s.rules, unselected(s, 'donor').filters],
    run: (db, s) => contributionsByDonor(db, s.rules, unselected(s, 'donor').filters)
  },
  byArea: {
    reads: (s) => [s.rules, unselected(s, 'area').filters],
    run: (db, s) => contributionsByArea(db, s.rules, unselected(s, 'area').filters)
  },
  areaNeeds: {
    reads: (s) => needsRead(unselected(s, 'area')),
    run: (db, s) => needsByArea(db, s.rules, unselected(s, 'area').filters)
  },
  compared: {
    reads: (s) => [s.compare, unselected(s, 'area').filters],
    run: (db, s) => contributionsByArea(db, PRESETS[s.compare].rules, unselected(s, 'area').filters)
  },
  total: { reads: ['rules', 'filters'], run: (db, s) => countedTotal(db, s.rules, s.filters) },
  effects: { reads: ['rules', 'filters'], run: (db, s) => ruleEffects(db, s.rules, s.filters) },
  leftOut: { reads: ['rules', 'filters'], run: (db, s) => leftOutByYears(db, s.rules, s.filters) },
  moneySources: { reads: [], run: (db) => citedSources(db, 'contributions') },
  needSources: { reads: [], run: (db) => citedSources(db, 'needs') },
  donors: { reads: [], run: (db) => donorOptions(db) },
  years: { reads: [], run: (db) => fundingYearRange(db) }
});
