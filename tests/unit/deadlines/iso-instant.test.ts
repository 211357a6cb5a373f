import { describe, expect, it } from 'vitest';
import { parseIsoInstant } from '../../../shared/deadlines/iso-instant';

// The hand-rolled parser behind every `eventAt`: the forms it accepts name exact instants, and every
// other form is refused rather than guessed at.

describe('parseIsoInstant', () => {
  it.each([
    ['2026-12-24T12:00:00+00:00', Date.UTC(2026, 11, 24, 12)],
    ['2026-12-24T12:00:00Z', Date.UTC(2026, 11, 24, 12)],
    ['2026-12-24t12:00:00z', Date.UTC(2026, 11, 24, 12)],
    ['2026-12-24T12:00Z', Date.UTC(2026, 11, 24, 12)],
    ['2026-06-10T12:00:00+01:00', Date.UTC(2026, 5, 10, 11)],
    ['2026-06-10T12:00:00+0100', Date.UTC(2026, 5, 10, 11)],
    ['2026-06-10T12:00:00+01', Date.UTC(2026, 5, 10, 11)],
    ['2026-06-10T12:00:00-05:30', Date.UTC(2026, 5, 10, 17, 30)],
    ['2026-06-10T12:00:00-00:00', Date.UTC(2026, 5, 10, 12)],
    ['2026-06-10T12:00:00.5Z', Date.UTC(2026, 5, 10, 12, 0, 0, 500)],
    ['2026-06-10T12:00:00,25Z', Date.UTC(2026, 5, 10, 12, 0, 0, 250)],
    ['2026-06-10T12:00:00.123456789Z', Date.UTC(2026, 5, 10, 12, 0, 0, 123)],
    ['2024-02-29T23:59:59.999+00:00', Date.UTC(2024, 1, 29, 23, 59, 59, 999)],
    // The hour that doesn't exist on London's clocks is still a real instant when offset-bearing.
    ['2026-03-29T01:30:00+00:00', Date.UTC(2026, 2, 29, 1, 30)],
  ])('%s', (text, ms) => {
    expect(parseIsoInstant(text)).toEqual({ ok: true, ms });
  });

  it.each([
    ['2026-12-24T12:00:00', /must include a UTC offset/],
    ['2026-12-24T12:00', /must include a UTC offset/],
    ['2026-12-24', /ISO 8601 date-time with an offset/],
    ['2026-12-24 12:00:00Z', /ISO 8601 date-time with an offset/],
    ['2026-12-24T12:00:00.Z', /ISO 8601 date-time with an offset/],
    ['2026-12-24T12:00:00.1234567890Z', /ISO 8601 date-time with an offset/],
    ['2026-12-24T12:00:00+1', /ISO 8601 date-time with an offset/],
    ['2026-12-24T12:00:00+01:0', /ISO 8601 date-time with an offset/],
    ['2026-12-24T12:00:00Zulu', /ISO 8601 date-time with an offset/],
    ['2026-12-24T12:00:00+24:00', /impossible UTC offset/],
    ['2026-02-29T12:00:00Z', /not a real date/],
    ['2026-13-01T12:00:00Z', /not a real date/],
    ['2026-12-24T24:00:00Z', /not a real time/],
    ['2026-12-24T12:60:00Z', /not a real time/],
    ['1899-12-31T12:00:00Z', /1900 or later/],
    ['', /ISO 8601 date-time with an offset/],
  ])('refuses %s', (text, reason) => {
    const parsed = parseIsoInstant(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });

  it('refuses a value that is not a string', () => {
    expect(parseIsoInstant(1_767_225_600_000)).toEqual({
      ok: false,
      reason: 'must be an ISO 8601 date-time string',
    });
  });
});
