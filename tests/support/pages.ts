/** Every kind of page of the site, with the charts each draws: what a walk through a deployed site visits. */
export const SITE_PAGES: [path: string, charts: number][] = [
  ['/', 1],
  ['/attendance', 2],
  ['/funding', 4],
  ['/needs', 2],
  ['/expansion', 2],
  ['/data', 0],
  ['/partners/CAN', 1],
  ['/presidency/2012', 0],
  // Not prerendered: the fallback page renders it.
  ['/partners/ZZZ', 0]
];
