/** Every combination of the counting rules: 3 stages × 2⁵ exclusions × 2 multi-year modes = 192. */
import { STAGES } from '$lib/data/contract';
import type { CountingRules } from '$lib/data/counting-rules';

export const ALL_RULES: CountingRules[] = STAGES.flatMap((stage) =>
  Array.from({ length: 64 }, (_, bits) => ({
    stage,
    domestic: (bits & 1) > 0,
    multilateral: (bits & 2) > 0,
    inKind: (bits & 4) > 0,
    legacyAreas: (bits & 8) > 0,
    illustrative: (bits & 16) > 0,
    multiYear: bits & 32 ? 'spread' : 'first_year'
  }))
);
