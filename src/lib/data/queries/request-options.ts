/** The filter choices of the match-making view: the regions and sub-regions requesters are in. */
import { sql, type Db } from '../db';

export interface RegionOption {
  /** Null: not recorded (a regional body, say). */
  region: string | null;
  subregion: string | null;
}

/** Every region and sub-region of a requester, in order; not recorded last. */
export function requesterRegions(db: Db): Promise<RegionOption[]> {
  return db.query<RegionOption>(sql`
    SELECT DISTINCT e.region, e.subregion FROM needs n JOIN entities e ON e.entity_id = n.requester_id
    ORDER BY e.region NULLS LAST, e.subregion NULLS LAST`);
}
