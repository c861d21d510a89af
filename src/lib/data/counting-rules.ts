/**
 * Counting rules: what counts as a GP contribution (README "Counting rules"). Every funding figure is computed
 * under one named set of these rules, which users can see, change, share (in the URL) and compare.
 */
import { STAGES } from './contract';

export type Stage = (typeof STAGES)[number];

export interface CountingRules {
  /** The stage the headline totals count; charts still show all three. */
  stage: Stage;
  /** Amounts a partner spends on its own territory (`channel = 'domestic'`). */
  domestic: boolean;
  /** Amounts given through an organisation's fund (`channel = 'multilateral'`). */
  multilateral: boolean;
  /** Valued equipment, expertise and training (`in_kind`). */
  inKind: boolean;
  /** The 2002 focus areas other than scientist engagement. */
  legacyAreas: boolean;
  /** A multi-year amount: attributed to its first year, or spread evenly over its years. */
  multiYear: 'first_year' | 'spread';
  /** Rows whose source is illustrative (still marked as such when counted). */
  illustrative: boolean;
}

export type RuleName = keyof CountingRules;

export const RULE_NAMES: readonly RuleName[] = [
  'stage',
  'domestic',
  'multilateral',
  'inKind',
  'legacyAreas',
  'multiYear',
  'illustrative'
];

export const LEGACY_AREAS = [
  'chemical_weapons_destruction',
  'submarine_dismantlement',
  'fissile_material'
] as const;

export const DEFAULT_RULES: CountingRules = {
  stage: 'disbursed',
  domestic: true,
  multilateral: true,
  inKind: true,
  legacyAreas: true,
  multiYear: 'spread',
  illustrative: true
};

export const PRESETS = {
  as_reported: { label: 'As reported (GP reporting practice)', rules: DEFAULT_RULES },
  new_money_only: {
    label: 'New money only',
    rules: { ...DEFAULT_RULES, domestic: false, legacyAreas: false, stage: 'disbursed' } as CountingRules
  }
} as const;

export type PresetName = keyof typeof PRESETS;

export function isPresetName(name: string): name is PresetName {
  return name in PRESETS;
}

/** The preset these rules are, if any. */
export function presetOf(rules: CountingRules): PresetName | null {
  for (const [name, preset] of Object.entries(PRESETS)) {
    if (RULE_NAMES.every((r) => preset.rules[r] === rules[r])) return name as PresetName;
  }
  return null;
}

/** The rules that differ from the defaults. */
export function changedRules(rules: CountingRules): RuleName[] {
  return RULE_NAMES.filter((r) => rules[r] !== DEFAULT_RULES[r]);
}

/** One rule, as a person would say it. */
export function describeRule(rules: CountingRules, rule: RuleName): string {
  switch (rule) {
    case 'stage':
      return `${rules.stage} amounts`;
    case 'domestic':
      return rules.domestic ? 'domestic spending counted' : 'domestic spending excluded';
    case 'multilateral':
      return rules.multilateral ? 'multilateral funds counted' : 'multilateral funds excluded';
    case 'inKind':
      return rules.inKind ? 'in-kind support counted' : 'in-kind support excluded';
    case 'legacyAreas':
      return rules.legacyAreas
        ? 'the original 2002 areas counted'
        : 'the original 2002 areas (chemical weapons, submarines, fissile material) excluded';
    case 'multiYear':
      return rules.multiYear === 'spread'
        ? 'multi-year amounts spread evenly over their years'
        : 'multi-year amounts in their first year';
    case 'illustrative':
      return rules.illustrative ? 'illustrative rows included (marked)' : 'illustrative rows excluded';
  }
}

/** The whole rule set in words, named by its preset where it is one. */
export function describeRules(rules: CountingRules): string {
  const preset = presetOf(rules);
  const words = RULE_NAMES.map((r) => describeRule(rules, r)).join('; ');
  return preset ? `${PRESETS[preset].label}: ${words}` : `Custom rules: ${words}`;
}

/** `true` for count or include, from the URL words `count`/`include` and `exclude`. */
function parseSwitch(params: URLSearchParams, key: string, fallback: boolean, notices: string[]): boolean {
  const raw = params.get(key);
  if (raw === null) return fallback;
  if (raw === 'count' || raw === 'include') return true;
  if (raw === 'exclude') return false;
  notices.push(`Unknown value "${raw}" for the ${key} rule; using the default.`);
  return fallback;
}

const URL_KEYS: Record<Exclude<RuleName, 'stage' | 'multiYear'>, string> = {
  domestic: 'domestic',
  multilateral: 'multilateral',
  inKind: 'in_kind',
  legacyAreas: 'legacy_areas',
  illustrative: 'illustrative'
};

/** Reads the rules from a URL query (`?stage=pledged&domestic=exclude&multi_year=first_year`). */
export function parseRules(params: URLSearchParams, notices: string[]): CountingRules {
  const rules = { ...DEFAULT_RULES };
  const stage = params.get('stage');
  if (stage !== null) {
    if ((STAGES as readonly string[]).includes(stage)) rules.stage = stage as Stage;
    else notices.push(`Unknown stage "${stage}"; counting ${DEFAULT_RULES.stage} amounts.`);
  }
  const multiYear = params.get('multi_year');
  if (multiYear !== null) {
    if (multiYear === 'spread' || multiYear === 'first_year') rules.multiYear = multiYear;
    else notices.push(`Unknown multi-year rule "${multiYear}"; spreading multi-year amounts.`);
  }
  for (const [rule, key] of Object.entries(URL_KEYS) as [keyof typeof URL_KEYS, string][]) {
    rules[rule] = parseSwitch(params, key, DEFAULT_RULES[rule], notices);
  }
  return rules;
}

/** Writes the rules that differ from the defaults into a URL query. */
export function serializeRules(rules: CountingRules, params: URLSearchParams): void {
  if (rules.stage !== DEFAULT_RULES.stage) params.set('stage', rules.stage);
  if (rules.multiYear !== DEFAULT_RULES.multiYear) params.set('multi_year', rules.multiYear);
  for (const [rule, key] of Object.entries(URL_KEYS) as [keyof typeof URL_KEYS, string][]) {
    if (rules[rule] !== DEFAULT_RULES[rule]) params.set(key, rules[rule] ? 'count' : 'exclude');
  }
}
