/** The filter choices of the match-making view: the requesters, with their regions and sub-regions. */
import { sql, type Db } from '../db';

export interface RequesterOption {
  entityId: string;
  name: string;
  /** Null: not recorded (a regional body, say). */
  region: string | null;
  subregion: string | null;
}

/** Every requester, by name. */
export function requesterOptions(db: Db): Promise<RequesterOption[]> {
  return db.query<RequesterOption>(sql`
    SELECT DISTINCT e.entity_id AS "entityId", e.name, e.region, e.subregion
    FROM needs n JOIN entities e ON e.entity_id = n.requester_id
    ORDER BY e.name`);
}
