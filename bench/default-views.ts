/** Every view's query set in its default state: what the benchmark times, in the page and on native DuckDB. */
import { DEFAULT_RULES, PRESETS } from '../src/lib/data/counting-rules';
import { attendanceQueries } from '../src/lib/data/queries/attendance';
import { expansionQueries } from '../src/lib/data/queries/expansion';
import { fundingQueries } from '../src/lib/data/queries/funding';
import { homeQueries } from '../src/lib/data/queries/home';
import type { QuerySet } from '../src/lib/data/queries/view-set';
import { DEFAULT_ATTENDANCE } from '../src/lib/state/attendance-url';
import { DEFAULT_EXPANSION } from '../src/lib/state/expansion-url';
import { DEFAULT_FUNDING } from '../src/lib/state/funding-url';

export const defaultViews = (): Record<string, QuerySet> => ({
  home: homeQueries(),
  attendance: attendanceQueries(() => DEFAULT_ATTENDANCE),
  funding: fundingQueries({
    rules: () => DEFAULT_RULES,
    filters: () => DEFAULT_FUNDING.filters,
    compareWith: () => PRESETS[DEFAULT_FUNDING.compare].rules
  }),
  expansion: expansionQueries(() => DEFAULT_EXPANSION)
});
