/** The data in words and its fingerprint, as print, exports and links state it. */
import { describe, expect, test } from 'vitest';
import { TABLE_NAMES, type TableName } from '$lib/data/contract';
import { fingerprintOf, linkWithData, provenanceWords, type TableOrigin } from '$lib/state/provenance';
import { cssString } from '$lib/state/print-words';

const sample = Object.fromEntries(
  TABLE_NAMES.map((t) => [t, { kind: 'sample', sha256: `hash-of-${t}` }])
) as Record<TableName, TableOrigin>;
const loadedAt = Date.UTC(2026, 10, 30, 9, 15);

describe('provenance', () => {
  test('the same data has the same fingerprint; one changed table changes it', async () => {
    const a = await fingerprintOf(sample);
    expect(a).toMatch(/^[0-9a-f]{8}$/);
    expect(await fingerprintOf({ ...sample })).toBe(a);
    const loaded = {
      ...sample,
      contributions: { kind: 'file', file: 'c.csv', loadedAt, sha256: 'x' } as const
    };
    expect(await fingerprintOf(loaded)).not.toBe(a);
  });

  test('the sample with its date; loaded files with their names, load time and the tables they leave', () => {
    expect(provenanceWords(sample, '2026-11-30', '1a2b3c4d')).toBe(
      'the bundled sample of 2026-11-30 (data 1a2b3c4d)'
    );
    const loaded = {
      ...sample,
      contributions: { kind: 'file', file: 'contributions.csv', loadedAt, sha256: 'x' } as const
    };
    expect(provenanceWords(loaded, '2026-11-30', '9f8e7d6c')).toBe(
      'your files contributions.csv (loaded 2026-11-30 09:15 UTC, with the bundled sample of 2026-11-30 for the other tables; data 9f8e7d6c)'
    );
  });

  test("a site built on a team's own extracts never calls its data the sample", () => {
    expect(provenanceWords(sample, '2026-11-30', '1a2b3c4d', true)).toBe(
      "the site's bundled data of 2026-11-30 (data 1a2b3c4d)"
    );
  });

  test('a shared link names the data and the card; a printed header is a safe CSS string', () => {
    expect(linkWithData('http://x/funding?donor=CAN#old', '1a2b3c4d', 'by-area')).toBe(
      'http://x/funding?donor=CAN&data=1a2b3c4d#by-area'
    );
    expect(cssString('Say "hi" \\ then\nnext')).toBe('"Say \\"hi\\" \\\\ then next"');
  });
});
