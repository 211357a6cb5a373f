import { MS_PER_DAY, dayNumberFromCivil, daysInMonth } from './civil-date';

// Parsing an event time. The calculator only accepts ISO 8601 date-times that carry an offset: a
// bare '2026-03-29T01:30' is ambiguous (or, on the spring-forward night, doesn't exist in London),
// while '2026-03-29T01:30:00+00:00' names one instant whatever London's clocks say. Accepted:
// YYYY-MM-DDTHH:mm[:ss[.fraction]] then Z or ±HH[:MM] (or ±HHMM). Hand-rolled on char codes rather
// than a regular expression or luxon because it runs on every call and dominated the benchmark.

type ParsedInstant = { ok: true; ms: number } | { ok: false; reason: string };

const DASH = 45;
const PLUS = 43;
const COLON = 58;
const DOT = 46;
const COMMA = 44;

/** The value of `length` decimal digits at `start`, or -1 if any of them is not a digit. */
function digitsAt(text: string, start: number, length: number): number {
  if (start + length > text.length) return -1;
  let value = 0;
  for (let i = start; i < start + length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function isT(code: number): boolean {
  return code === 84 || code === 116; // 'T' or 't'
}

function isZ(code: number): boolean {
  return code === 90 || code === 122; // 'Z' or 'z'
}

const malformed: ParsedInstant = {
  ok: false,
  reason: 'must be an ISO 8601 date-time with an offset, e.g. 2026-12-24T12:00:00+00:00',
};
const noOffset: ParsedInstant = {
  ok: false,
  reason: 'must include a UTC offset (e.g. +01:00 or Z): a bare local time is ambiguous',
};

/** Minutes ahead of UTC for the offset written from `at` to the end (Z, ±HH, ±HHMM, ±HH:MM). */
function parseOffset(text: string, at: number): number | ParsedInstant {
  const sign = text.charCodeAt(at);
  if (isZ(sign)) return at + 1 === text.length ? 0 : malformed;
  if (sign !== PLUS && sign !== DASH) return malformed;
  const hours = digitsAt(text, at + 1, 2);
  const rest = text.length - (at + 3);
  let minutes = 0;
  if (rest === 3 && text.charCodeAt(at + 3) === COLON) minutes = digitsAt(text, at + 4, 2);
  else if (rest === 2) minutes = digitsAt(text, at + 3, 2);
  else if (rest !== 0) return malformed;
  if (hours < 0 || minutes < 0) return malformed;
  if (hours > 23 || minutes > 59) {
    return { ok: false, reason: `has an impossible UTC offset (${text})` };
  }
  return (sign === DASH ? -1 : 1) * (hours * 60 + minutes);
}

export function parseIsoInstant(text: unknown): ParsedInstant {
  if (typeof text !== 'string') return { ok: false, reason: 'must be an ISO 8601 date-time string' };
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  if (
    year < 0 ||
    month < 0 ||
    day < 0 ||
    hour < 0 ||
    minute < 0 ||
    text.charCodeAt(4) !== DASH ||
    text.charCodeAt(7) !== DASH ||
    !isT(text.charCodeAt(10)) ||
    text.charCodeAt(13) !== COLON
  ) {
    return malformed;
  }
  let at = 16;
  let second = 0;
  let millisecond = 0;
  if (text.charCodeAt(at) === COLON) {
    second = digitsAt(text, at + 1, 2);
    if (second < 0) return malformed;
    at += 3;
    const separator = text.charCodeAt(at);
    if (separator === DOT || separator === COMMA) {
      at++;
      const fractionStart = at;
      while (at < text.length && at - fractionStart < 9) {
        const digit = text.charCodeAt(at) - 48;
        if (digit < 0 || digit > 9) break;
        // Kept to the millisecond, like luxon: later digits are dropped, not rounded.
        if (at - fractionStart < 3) millisecond += digit * 10 ** (2 - (at - fractionStart));
        at++;
      }
      if (at === fractionStart) return malformed;
    }
  }
  if (at === text.length) return noOffset;

  const offsetMinutes = parseOffset(text, at);
  if (typeof offsetMinutes !== 'number') return offsetMinutes;

  // Before 1900 London kept local mean time; nothing this app records is that old.
  if (year < 1900) return { ok: false, reason: `must be in 1900 or later (got ${text})` };
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, reason: `is not a real date (${text})` };
  }
  if (hour > 23 || minute > 59 || second > 59) {
    return { ok: false, reason: `is not a real time of day (${text})` };
  }
  const wallMs = dayNumberFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + millisecond;
  return { ok: true, ms: wallMs - offsetMinutes * 60_000 };
}
