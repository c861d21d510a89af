/**
 * A presidency's year, on the sample in real DuckDB: who held it, its meetings and who came, who joined, the money
 * and the requests; and the sentences, each built from those answers alone.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ArrowDb } from '$lib/data/db';
import { presidencyYears } from '$lib/data/queries/presidency';
import { presidencyView } from '$lib/views/presidency';
import {
  awaySentence,
  expansionSentence,
  fundingSentence,
  holderWords,
  meetingFacts,
  meetingsSentence,
  requestsSentence
} from '$lib/views/presidency-summary';
import { answerAll } from '$lib/views/view';
import { openSampleDb } from './sample-db';

let db: ArrowDb & { close(): void };
beforeAll(async () => {
  db = await openSampleDb();
});
afterAll(() => db.close());

const answers = (year: number) => answerAll(db, presidencyView(year));
const factsOf = async (year: number) => {
  const a = await answers(year);
  return { a, facts: meetingFacts(a.meetings, a.counts, a.matrix, a.away) };
};

describe('a presidency year', () => {
  test('2012: the United States; three meetings, one list: Miami, 26 participants, 10 first seen', async () => {
    const { a, facts } = await factsOf(2012);
    expect(holderWords(a.presidencies, 2012)).toBe('the United States');
    expect(facts.map((f) => f.meeting.city)).toEqual([
      'Washington, D.C.',
      'Cambridge, Massachusetts',
      'Miami'
    ]);
    // A meeting without a list has no participant figure, never 0.
    expect(facts.map((f) => f.participants)).toEqual([null, null, 26]);
    expect(meetingsSentence(2012, facts)).toBe(
      'Three GPWG meetings; a participant list is recorded for one: Miami, 17–18 Apr 2012, 26 participants, ten of them first seen.'
    );
    const miami = facts[2]!;
    expect(miami.byGroup.find((g) => g.group === 'state_observer')?.names).toBe('Mexico');
    expect(miami.newcomers).toEqual(expect.arrayContaining(['Kazakhstan', 'Mexico']));
    // Listed at Paris (Oct 2011), not at Miami.
    expect(miami.away?.previous).toBe('Paris, 10 Oct 2011');
    expect(miami.away?.names).toEqual(expect.arrayContaining(['Australia', 'New Zealand']));
    expect(miami.away?.names).not.toContain('Canada');
    expect(awaySentence(facts)).toMatch(
      /^\w+ participants listed at Paris, 10 Oct 2011 are not listed at Miami\.$/
    );
    expect(expansionSentence(2012, a.joins, a.standings, a.partners, a.published)).toMatch(
      /^Two partners joined: Kazakhstan and Mexico\. \d+ partners counted that year, the EU included/
    );
  });

  test('2011: France; Paris, the enlarged meeting, the first list recorded', async () => {
    const { a, facts } = await factsOf(2011);
    expect(holderWords(a.presidencies, 2011)).toBe('France');
    expect(facts.map((f) => [f.meeting.city, f.meeting.format, f.participants])).toEqual([
      ['Paris', 'enlarged', 20]
    ]);
    expect(meetingsSentence(2011, facts)).toBe(
      'One GPWG meeting; a participant list is recorded for it: Paris, 10 Oct 2011, 20 participants, the first participant list recorded.'
    );
    // No list before Paris: nobody "stayed away", and no sentence says so.
    expect(awaySentence(facts)).toBeNull();
  });

  test('2013: the United Kingdom; no meeting recorded, so no participant list, said so', async () => {
    const { a, facts } = await factsOf(2013);
    expect(holderWords(a.presidencies, 2013)).toBe('the United Kingdom');
    expect(meetingsSentence(2013, facts)).toBe(
      'No GPWG meeting is recorded for 2013, so no participant list is recorded either.'
    );
  });

  test('a meeting without a list yields no attendance figure; Germany is said with its period', async () => {
    const { a, facts } = await factsOf(2015);
    expect(holderWords(a.presidencies, 2015)).toBe('Germany (from June 2014 to the end of 2015)');
    expect(meetingsSentence(2015, facts)).toBe(
      'One GPWG meeting (Berlin, 30 Sep – 1 Oct 2015); no participant list is recorded for it.'
    );
    expect(awaySentence(facts)).toBeNull();
  });

  test('money and requests: each sentence from its answer; illustrative figures said so; none said as none', async () => {
    const a = await answers(2005);
    const sentence = fundingSentence(2005, 'disbursed', a.funding);
    expect(sentence).toContain(`is attributed to 2005`);
    if (a.funding.illustrative > 0) expect(sentence).toContain('illustrative');
    expect(fundingSentence(2030, 'disbursed', { amount: 0, rows: 0, illustrative: 0 })).toBe(
      'No disbursed money is attributed to 2030 under the counting rules below.'
    );
    expect(requestsSentence(2030, [])).toBe('No assistance request filed in 2030 is recorded.');
    expect(
      requestsSentence(2004, [
        { year: 2004, priced: 5e6, pricedCount: 1, unpriced: 2, illustrative: 1, labels: '', sources: '' }
      ])
    ).toBe(
      'Three assistance requests filed in 2004: one priced at $5,000,000 in all, two not priced (one of them illustrative, made up to show the features).'
    );
  });

  test('a page for every presidency and every meeting year of the sample', async () => {
    const list = await presidencyYears(db);
    expect(list.find((y) => y.year === 2015)?.holders).toBe('Germany');
    const years = list.map((y) => y.year);
    expect(years).toEqual(
      expect.arrayContaining([2003, 2004, 2010, 2011, 2012, 2013, 2014, 2015, 2023, 2024])
    );
    expect(years).not.toContain(2016);
  });
});
