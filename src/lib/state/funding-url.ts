/**
 * The funding view in the URL, so a shared link reproduces the exact figures: the counting rules (only those that
 * differ from the defaults), the filters, and the preset compared against:
 * `?stage=committed&domestic=exclude&donor=CAN&area=biological_security&from=2005&to=2012&compare=as_reported`.
 */
import { PRIORITY_AREAS, type PriorityArea } from '$lib/data/contract';
import {
  DEFAULT_RULES,
  isPresetName,
  parseRules,
  serializeRules,
  type CountingRules,
  type PresetName
} from '$lib/data/counting-rules';
import type { FundingFilters } from '$lib/data/queries/funding';
import { parseYear, setYears, type Parsed } from './url-values';

export interface FundingView {
  rules: CountingRules;
  filters: FundingFilters;
  /** The preset shown side by side with the current rules. */
  compare: PresetName;
}

export const DEFAULT_COMPARE: PresetName = 'new_money_only';

export const DEFAULT_FUNDING: FundingView = {
  rules: DEFAULT_RULES,
  filters: { donor: null, area: null, yearFrom: null, yearTo: null },
  compare: DEFAULT_COMPARE
};

const ENTITY_ID = /^[A-Z0-9]{2,12}$/;

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
      compare: compare as PresetName
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
