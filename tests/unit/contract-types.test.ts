/** The row types derive from the contract: svelte-check (in `npm test`) fails if they drift from it. */
import { expect, test } from 'vitest';
import { CONTRACT, TABLE_NAMES } from '../../src/lib/data/contract';
import type { Row } from '../../src/lib/data/contract-rows';

test('row types follow the contract: enumerations, required and nullable columns', () => {
  const row: Row<'participation'> = {
    meeting_id: '2012-04-miami',
    entity_id: 'UN1540',
    capacity: 'guest',
    delegates: 1,
    source_id: 'note-1540-gpwg-2012-04-miami'
  };
  // @ts-expect-error a capacity outside the enumeration is not a participation row
  const wrong: Row<'participation'> = { ...row, capacity: 'visitor' };
  // @ts-expect-error a required column cannot be null
  const missing: Row<'meetings'>['city'] = null;
  const nullable: Row<'contributions'>['recipient_id'] = null;
  expect([wrong.capacity, missing, nullable]).toEqual(['visitor', null, null]);
  expect(Object.keys(row).sort()).toEqual(CONTRACT.participation.columns.map((c) => c.name).sort());
  expect(TABLE_NAMES).toEqual(Object.keys(CONTRACT));
});
