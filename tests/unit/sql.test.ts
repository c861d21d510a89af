/** The one way to bind a value (db.ts), and the one table of counting rules, on real DuckDB. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  DEFAULT_RULES,
  RULES,
  describeRules,
  rulesKeep,
  type RuleSpec
} from '../../src/lib/data/counting-rules';
import { constList, joinSql, sql, trusted, type Db } from '../../src/lib/data/db';
import { parseFunding, parseRules, serializeRules } from '../../src/lib/views/funding';
import { openSampleDb } from './sample-db';

let db: Db & { close(): void };
beforeAll(async () => {
  db = await openSampleDb();
});
afterAll(() => db.close());

describe('the sql tag', () => {
  test('binds every value in order, through fragments, with no placeholder numbered by hand', async () => {
    const inner = sql`${2}::INTEGER + ${3}::INTEGER`;
    const statement = sql`SELECT ${'a'} AS first, ${inner} AS sum, ${'z'} AS last`;
    expect(statement.text).toBe('SELECT ? AS first, ?::INTEGER + ?::INTEGER AS sum, ? AS last');
    expect(statement.params).toEqual(['a', 2, 3, 'z']);
    expect(await db.query(statement)).toEqual([{ first: 'a', sum: 5, last: 'z' }]);
  });

  test('a hostile value stays a value', async () => {
    const hostile = "CAN' OR 1=1; DROP TABLE contributions; --";
    const rows = await db.query(sql`SELECT count(*) AS n FROM contributions WHERE donor_id = ${hostile}`);
    expect(rows).toEqual([{ n: 0 }]);
    expect((await db.query(sql`SELECT 1 FROM contributions LIMIT 1`)).length).toBe(1);
  });

  test('trusted text and constant lists splice in; joined fragments keep their values', async () => {
    const parts = [sql`${1}::INTEGER AS one`, trusted('2 AS two'), sql`${3}::INTEGER AS three`];
    expect(await db.query(sql`SELECT ${joinSql(parts, ', ')}`)).toEqual([{ one: 1, two: 2, three: 3 }]);
    expect(await db.query(sql`SELECT list_position(${constList(['x', "y'z"])}, ${"y'z"}) AS at`)).toEqual([
      { at: 2 }
    ]);
  });
});

describe('the table of counting rules', () => {
  const entries = RULES as readonly RuleSpec[];

  test('every value of every rule round-trips through the URL, and only non-defaults are written', () => {
    for (const rule of entries) {
      for (const v of rule.values) {
        const params = new URLSearchParams();
        const rules = { ...DEFAULT_RULES, [rule.name]: v.value };
        serializeRules(rules, params);
        expect(params.toString()).toBe(v.value === rule.default ? '' : `${rule.urlKey}=${v.url}`);
        const notices: string[] = [];
        expect(parseRules(params, notices)).toEqual(rules);
        expect(notices).toEqual([]);
      }
    }
  });

  test("the words and the URL keep one order: the table's", () => {
    const rules = {
      ...DEFAULT_RULES,
      stage: 'pledged' as const,
      illustrative: false,
      multiYear: 'first_year' as const,
      domestic: false
    };
    expect(describeRules(rules)).toBe(
      'Custom rules: pledged amounts; domestic spending excluded; multilateral funds counted; ' +
        'in-kind support counted; the original 2002 areas counted; multi-year amounts in their first year; ' +
        'illustrative rows excluded'
    );
    const params = new URLSearchParams();
    serializeRules(rules, params);
    expect(params.toString()).toBe(
      'stage=pledged&domestic=exclude&multi_year=first_year&illustrative=exclude'
    );
  });

  test('an unknown preset in the URL is refused, even a name every object has', () => {
    const { value, notices } = parseFunding(new URLSearchParams('compare=toString'));
    expect(value.compare).toBe('new_money_only');
    expect(notices).toEqual(['"toString" is not a preset; comparing with new money only.']);
  });

  test('every value has its own words, and the words of the whole set name every rule', () => {
    for (const rule of entries) {
      const words = rule.values.map((v) => rule.words(v.value as never));
      expect(new Set(words).size).toBe(rule.values.length);
    }
    expect(describeRules(DEFAULT_RULES).split('; ')).toHaveLength(entries.length);
  });

  test("the rules' predicates together count, under the defaults, every contribution", async () => {
    const keeps = rulesKeep(DEFAULT_RULES);
    const [all] = await db.query<{ n: number }>(
      sql`SELECT CAST(count(*) AS INTEGER) AS n FROM contributions`
    );
    const [kept] = await db.query<{ n: number }>(
      sql`SELECT CAST(count(*) AS INTEGER) AS n FROM contributions c JOIN sources s USING (source_id) WHERE ${keeps}`
    );
    expect(kept).toEqual(all);
    const [none] = await db.query<{ n: number }>(
      sql`SELECT CAST(count(*) AS INTEGER) AS n FROM contributions c JOIN sources s USING (source_id)
          WHERE ${rulesKeep({ ...DEFAULT_RULES, illustrative: false })} AND s.kind = 'illustrative'`
    );
    expect(none!.n).toBe(0);
  });
});
