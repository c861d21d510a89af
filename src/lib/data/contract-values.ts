/** The contract's enumerations (contract.ts): the values a column may take. */
export const SOURCE_KINDS = ['seed', 'cited', 'illustrative'] as const;
export const ENTITY_KINDS = ['state', 'european_union', 'international_org', 'civil_society'] as const;
export const MEMBERSHIP_STATUSES = ['partner', 'observer', 'invitee'] as const;
export const DATE_PRECISIONS = ['day', 'month', 'year'] as const;
export const MEETING_FORMATS = ['regular', 'enlarged'] as const;
export const CAPACITIES = ['partner', 'observer', 'guest'] as const;
export const STAGES = ['pledged', 'committed', 'disbursed'] as const;
export const CHANNELS = ['bilateral', 'multilateral', 'domestic'] as const;
export const NEED_STATUSES = ['open', 'matched', 'met'] as const;
/** How a contribution's year is known: `stated` by its source, or `by`: reached by that year, its years not given. */
export const YEAR_BASES = ['stated', 'by'] as const;
/** Whether a published member count counts the European Union; `unknown` where its source does not say. */
export const EU_BASES = ['yes', 'no', 'unknown'] as const;
export const REGIONS = ['Africa', 'Americas', 'Asia', 'Europe', 'Oceania'] as const;

/** The 2002 focus areas first, then the priorities named for the renewed GP in 2011, then `other`. */
export const PRIORITY_AREAS = [
  'chemical_weapons_destruction',
  'submarine_dismantlement',
  'fissile_material',
  'scientist_engagement',
  'nuclear_radiological_security',
  'biological_security',
  'resolution_1540',
  'other'
] as const;
