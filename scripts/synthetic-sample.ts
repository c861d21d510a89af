/** Synthetic contributions whose donors and recipients are the sample's entities (Node: reads data/entities.csv). */
import { readFileSync } from 'node:fs';
import { syntheticContributionsCsv } from '../src/lib/data/synthetic';

export function syntheticSampleContributions(rows: number): string {
  const entities = readFileSync('data/entities.csv', 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',')[0]!);
  return syntheticContributionsCsv(rows, entities);
}
