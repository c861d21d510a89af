/**
 * Counting rules: what counts as a GP contribution (README "Counting rules"). Every funding figure is computed
 * under one set of these rules, which users can see, change, share (in the URL) and compare.
 *
 * RULES is the one table of them: a rule's values, default, words, URL key and SQL predicate are one entry. The
 * rules panel, the headline wording, the URL codec (views/funding.ts), the effects panel and the SQL all read it,
 * so adding a rule is one entry here (plus its field in CountingRules and its test).
 */
import { STAGES } from './contract';
import { constList, sql, type Sql } from './db';

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

/** One value of a rule: what it is, how the URL writes it, and how the panel labels it. */
export interface RuleValue<V> {
  value: V;
  url: string;
  /** Other URL words read as this value (older links). */
  alsoUrl?: readonly string[];
  label: string;
}

export interface RuleSpec<K extends RuleName = RuleName> {
  name: K;
  /** The panel's legend for the rule, and a longer help text. */
  label: string;
  help?: string;
  values: readonly RuleValue<CountingRules[K]>[];
  default: CountingRules[K];
  urlKey: string;
  /** The rule's setting as a person would say it. */
  words(value: CountingRules[K]): string;
  /** The notice for a URL value the rule does not know (the default is used instead). */
  unknown(raw: string): string;
  /**
   * The rows this setting keeps, as a predicate on a contribution `c` joined with its source `s`; absent for
   * rules that are not a filter (the stage picks the headline, multi-year amounts are spread or not).
   */
  keeps?(value: CountingRules[K]): Sql;
  /**
   * The columns `keeps` reads (`c.channel`, `s.kind`): the funding basis (queries/funding-basis.ts) keys on them,
   * so a new rule extends the basis by naming its columns here.
   */
  reads?: readonly string[];
}

export const LEGACY_AREAS = [
  'chemical_weapons_destruction',
  'submarine_dismantlement',
  'fissile_material'
] as const;

/** A rule that counts or leaves out the rows a predicate names. */
function exclusion(
  name: 'domestic' | 'multilateral' | 'inKind' | 'legacyAreas' | 'illustrative',
  spec: {
    urlKey: string;
    label: string;
    help: string;
    counted: string;
    excluded: string;
    /** The rows the rule is about: left out when the rule is off. */
    concerns: Sql;
    /** The columns `concerns` reads. */
    reads: readonly string[];
    yes?: 'count' | 'include';
  }
): RuleSpec<typeof name> {
  const yes = spec.yes ?? 'count';
  return {
    name,
    label: spec.label,
    help: spec.help,
    values: [
      { value: true, url: yes, alsoUrl: [yes === 'count' ? 'include' : 'count'], label: yes },
      { value: false, url: 'exclude', label: 'exclude' }
    ],
    default: true,
    urlKey: spec.urlKey,
    words: (on) => (on ? spec.counted : spec.excluded),
    unknown: (raw) => `Unknown value "${raw}" for the ${spec.urlKey} rule; using the default.`,
    // A row the rule cannot tell about (its channel, say, not recorded) is not one it concerns: it stays counted.
    keeps: (on) => sql`(${on} OR NOT COALESCE(${spec.concerns}, false))`,
    reads: spec.reads
  };
}

export const RULES = [
  {
    name: 'stage',
    label: 'Stage the totals count',
    values: STAGES.map((s) => ({ value: s, url: s, label: s })),
    default: 'disbursed',
    urlKey: 'stage',
    words: (stage) => `${stage} amounts`,
    unknown: (raw) => `Unknown stage "${raw}"; counting disbursed amounts.`
  } satisfies RuleSpec<'stage'>,
  exclusion('domestic', {
    urlKey: 'domestic',
    label: 'Domestic spending',
    help: 'a partner spending on its own territory',
    counted: 'domestic spending counted',
    excluded: 'domestic spending excluded',
    concerns: sql`c.channel = 'domestic'`,
    reads: ['c.channel']
  }),
  exclusion('multilateral', {
    urlKey: 'multilateral',
    label: 'Multilateral funds',
    help: "given through an organisation's fund",
    counted: 'multilateral funds counted',
    excluded: 'multilateral funds excluded',
    concerns: sql`c.channel = 'multilateral'`,
    reads: ['c.channel']
  }),
  exclusion('inKind', {
    urlKey: 'in_kind',
    label: 'In-kind support',
    help: 'equipment, expertise and training valued in USD',
    counted: 'in-kind support counted',
    excluded: 'in-kind support excluded',
    concerns: sql`c.in_kind`,
    reads: ['c.in_kind']
  }),
  exclusion('legacyAreas', {
    urlKey: 'legacy_areas',
    label: 'The original 2002 areas',
    help: 'chemical weapons destruction, submarine dismantlement, fissile material',
    counted: 'the original 2002 areas counted',
    excluded: 'the original 2002 areas (chemical weapons, submarines, fissile material) excluded',
    concerns: sql`list_contains(${constList(LEGACY_AREAS)}, c.priority_area)`,
    reads: ['c.priority_area']
  }),
  {
    name: 'multiYear',
    label: 'Multi-year amounts',
    values: [
      { value: 'spread', url: 'spread', label: 'spread over their years' },
      { value: 'first_year', url: 'first_year', label: 'in their first year' }
    ],
    default: 'spread',
    urlKey: 'multi_year',
    words: (mode) =>
      mode === 'spread'
        ? 'multi-year amounts spread evenly over their years'
        : 'multi-year amounts in their first year',
    unknown: (raw) => `Unknown multi-year rule "${raw}"; spreading multi-year amounts.`
  } satisfies RuleSpec<'multiYear'>,
  exclusion('illustrative', {
    urlKey: 'illustrative',
    label: 'Illustrative rows',
    help: 'made up to show the features; always marked',
    counted: 'illustrative rows included (marked)',
    excluded: 'illustrative rows excluded',
    concerns: sql`s.kind = 'illustrative'`,
    reads: ['s.kind'],
    yes: 'include'
  })
] as const satisfies readonly RuleSpec[];

/** A rule's entry, typed by its name. */
export function ruleSpec<K extends RuleName>(name: K): RuleSpec<K> {
  return RULES.find((r) => r.name === name) as unknown as RuleSpec<K>;
}

export const RULE_NAMES: readonly RuleName[] = RULES.map((r) => r.name);

export const DEFAULT_RULES = Object.fromEntries(
  RULES.map((r) => [r.name, r.default])
) as unknown as CountingRules;

export const PRESETS = {
  as_reported: { label: 'As reported (GP reporting practice)', rules: DEFAULT_RULES },
  new_money_only: {
    label: 'New money only',
    rules: { ...DEFAULT_RULES, domestic: false, legacyAreas: false, stage: 'disbursed' } as CountingRules
  }
} as const;

export type PresetName = keyof typeof PRESETS;

export function isPresetName(name: string): name is PresetName {
  return Object.hasOwn(PRESETS, name);
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
export function describeRule<K extends RuleName>(rules: CountingRules, rule: K): string {
  return ruleSpec(rule).words(rules[rule]);
}

/** The whole rule set in words, named by its preset where it is one. */
export function describeRules(rules: CountingRules): string {
  const preset = presetOf(rules);
  const words = RULE_NAMES.map((r) => describeRule(rules, r)).join('; ');
  return preset ? `${PRESETS[preset].label}: ${words}` : `Custom rules: ${words}`;
}

/** Every filtering rule's predicate under these rules, ANDed: the contribution rows they count. */
export function rulesKeep(rules: CountingRules): Sql {
  const predicates = (RULES as readonly RuleSpec[]).flatMap((r) =>
    r.keeps ? [r.keeps(rules[r.name] as never)] : []
  );
  return predicates.reduce((all, p) => sql`${all} AND ${p}`, sql`TRUE`);
}
