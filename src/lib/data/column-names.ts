/**
 * Column names as a person reads them: surrounding spaces and letter case do not matter (` CONTRIBUTION_ID ` is
 * `contribution_id`), in CSV headers and Parquet columns alike, and in matching a file to its table.
 */
import { tableSpec, type TableName } from './contract';

export const columnKey = (name: string) => name.trim().toLowerCase();

/** The first two names that are one column to a person (`Year` and `year`), if any. */
export function sameColumnTwice(names: readonly string[]): [string, string] | null {
  const seen = new Map<string, string>();
  for (const name of names) {
    const first = seen.get(columnKey(name));
    if (first !== undefined) return [first, name];
    seen.set(columnKey(name), name);
  }
  return null;
}

/** Why such a file is refused, naming both columns. */
export function sameColumnTwiceMessage([a, b]: [string, string]): string {
  return `has columns "${a}" and "${b}", which are one column to the dashboard (letter case and surrounding spaces do not matter): keep one`;
}

/** The contract's columns a file has under another spelling: each as the file spells it and as the contract does. */
export function respellings(table: TableName, names: readonly string[]): { from: string; to: string }[] {
  const contract = new Map(tableSpec(table).columns.map((c) => [columnKey(c.name), c.name]));
  return names.flatMap((from) => {
    const to = contract.get(columnKey(from));
    return to !== undefined && to !== from ? [{ from, to }] : [];
  });
}
