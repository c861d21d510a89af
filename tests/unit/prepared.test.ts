/** Prepared statements kept by text: planned once, forgotten when they fail, the oldest closed beyond the size. */
import { describe, expect, test } from 'vitest';
import { PreparedStatements } from '$lib/data/prepared';

function engine() {
  const prepared: string[] = [];
  const closed: string[] = [];
  const statements = new PreparedStatements((text) => {
    prepared.push(text);
    return { text, close: () => closed.push(text) };
  }, 2);
  return { statements, prepared, closed };
}

describe('kept prepared statements', () => {
  test('the same text runs on the statement prepared the first time', async () => {
    const { statements, prepared } = engine();
    for (const value of [1, 2, 3]) expect(await statements.run('a', () => value)).toBe(value);
    expect(prepared).toEqual(['a']);
  });

  test('a statement that fails is closed and prepared anew next time', async () => {
    const { statements, prepared, closed } = engine();
    await expect(
      statements.run('a', () => {
        throw new Error('table dropped');
      })
    ).rejects.toThrow('table dropped');
    await statements.run('a', () => 1);
    expect(prepared).toEqual(['a', 'a']);
    expect(closed).toEqual(['a']);
  });

  test('beyond its size, the least recently used statement is closed', async () => {
    const { statements, closed } = engine();
    await statements.run('a', () => 1);
    await statements.run('b', () => 1);
    await statements.run('a', () => 1);
    await statements.run('c', () => 1);
    await Promise.resolve();
    expect(closed).toEqual(['b']);
  });
});
