/** What every funding card says besides its own rows: the rules, the scope, the stage legend, the sources. */
import { COLORS } from '$lib/charts/theme';
import { STAGES } from '$lib/data/contract';
import { describeRules, type CountingRules } from '$lib/data/counting-rules';
import type { CountedTotal, DonorOption } from '$lib/data/queries/funding';
import type { CitedSourceRow } from '$lib/data/queries/home';
import type { FundingSelection, FundingView } from '$lib/views/funding';
import { scopeWords } from '$lib/views/funding-rows';
import { cardSources, joinSources, type CardSources } from '$lib/views/sources';

export interface FundingCardContext {
  rules: CountingRules;
  rulesInWords: string;
  scope: string;
  stageLegend: { label: string; colour: string }[];
  money: CardSources;
  /** For the charts of money against needs: both tables' sources. */
  moneyAndNeeds: CardSources;
  /** What is selected: a partner, an area, years (each a filter of the view). */
  selected: { donor: string | null; area: string | null; years: { from: number | null; to: number | null } };
  /** The address that selects a partner, an area or a year (or clears it, when it is the one selected). */
  linkTo: Record<FundingSelection, (key: string) => string>;
  /** The address that selects the years from one to another (a drag across the per-year chart). */
  yearsTo: (from: string, to: string) => string;
}

export function fundingCardContext(
  view: FundingView,
  donors: readonly DonorOption[] | undefined,
  leftOut: CountedTotal | undefined,
  moneySources: readonly CitedSourceRow[] | undefined,
  needSources: readonly CitedSourceRow[] | undefined,
  links: Pick<FundingCardContext, 'linkTo' | 'yearsTo'>
): FundingCardContext {
  return {
    rules: view.rules,
    rulesInWords: describeRules(view.rules),
    scope: scopeWords(view.filters, donors, leftOut && { ...leftOut, stage: view.rules.stage }),
    stageLegend: STAGES.map((s) => ({
      label: s === view.rules.stage ? `${s} (counted)` : s,
      colour: COLORS.stage[s]
    })),
    money: cardSources(moneySources),
    moneyAndNeeds: joinSources(cardSources(moneySources), cardSources(needSources, 'Needs: ')),
    selected: {
      donor: view.filters.donor,
      area: view.filters.area,
      years: { from: view.filters.yearFrom, to: view.filters.yearTo }
    },
    ...links
  };
}
