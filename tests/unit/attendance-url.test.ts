import { describe, expect, test } from 'vitest';
import { PARTICIPANT_GROUPS } from '../../src/lib/data/domain';
import { DEFAULT_ATTENDANCE, parseAttendance, serializeAttendance } from '../../src/lib/views/attendance';
import { formatMeetingDate } from '../../src/lib/format';

describe('attendance URL state', () => {
  test('defaults leave the URL empty, and a full view round-trips', () => {
    expect(
      serializeAttendance({ filters: DEFAULT_ATTENDANCE, measure: 'entities', meeting: null }).toString()
    ).toBe('');
    const view = {
      filters: {
        presidency: 'USA',
        yearFrom: 2010,
        yearTo: 2013,
        groups: ['state_observer', 'civil_society'] as const
      },
      measure: 'delegates' as const,
      meeting: '2011-10-paris'
    };
    const query = serializeAttendance(view).toString();
    expect(query).toBe(
      'presidency=USA&from=2010&to=2013&kind=state_observer%2Ccivil_society&measure=delegates&meeting=2011-10-paris'
    );
    expect(parseAttendance(new URLSearchParams(query))).toEqual({ value: view, notices: [] });
  });

  test('unknown values fall back to the defaults, with a notice', () => {
    const { value, notices } = parseAttendance(
      new URLSearchParams(
        'presidency=<script>&from=soon&kind=state_partner,aliens&measure=cups&meeting=<img>'
      )
    );
    expect(value).toEqual({
      filters: { presidency: null, yearFrom: null, yearTo: null, groups: ['state_partner'] },
      measure: 'entities',
      meeting: null
    });
    expect(notices).toHaveLength(5);
    expect(notices[0]).toBe('"<script>" is not a presidency code; showing all presidencies.');
    expect(parseAttendance(new URLSearchParams('')).value.filters.groups).toEqual(PARTICIPANT_GROUPS);
  });
});

describe('formatMeetingDate', () => {
  test('is as precise as the source', () => {
    expect(formatMeetingDate('2010-10-01', '2010-10-31', 'month')).toBe('Oct 2010');
    expect(formatMeetingDate('2011-10-10', '2011-10-10', 'day')).toBe('10 Oct 2011');
    expect(formatMeetingDate('2012-04-17', '2012-04-18', 'day')).toBe('17–18 Apr 2012');
    expect(formatMeetingDate('2015-09-30', '2015-10-01', 'day')).toBe('30 Sep – 1 Oct 2015');
    expect(formatMeetingDate('2012-01-01', '2012-12-31', 'year')).toBe('2012');
  });
});
