/**
 * Working-day arithmetic on the Chinese official calendar (法定节假日 + 调休 make-up workdays), from
 * the `chinese-days` package's data. A date in a year the data does not cover is UNKNOWN: never guessed.
 *
 * WD(d, n): the n-th working day after d (d itself does not count). Y(d, k): the same calendar date k
 * years later; a leap day (02-29) maps to 02-28 in a non-leap year (GB/T 7408 practice: the last day of February).
 */
import { createRequire } from 'node:module';

interface CalendarData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const require = createRequire(import.meta.url);
const data = require('chinese-days/dist/chinese-days.json') as CalendarData;

const holidays = new Set(Object.keys(data.holidays));
const makeUpWorkdays = new Set(Object.keys(data.workdays));

/** The years the package's data covers: every year between the first and the last year that has any holiday entry. */
export const CALENDAR_YEARS: { first: number; last: number } = (() => {
  const years = [...holidays].map((d) => Number(d.slice(0, 4)));
  return { first: Math.min(...years), last: Math.max(...years) };
})();

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function parse(iso: string): Date {
  const m = ISO.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${iso}`);
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (d.toISOString().slice(0, 10) !== iso) throw new RangeError(`not a calendar date: ${iso}`);
  return d;
}

const format = (d: Date) => d.toISOString().slice(0, 10);

export function addCalendarDays(iso: string, days: number): string {
  const d = parse(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return format(d);
}

/** Whole calendar days from a to b (b − a). */
export function calendarDaysBetween(a: string, b: string): number {
  return Math.round((parse(b).getTime() - parse(a).getTime()) / 86_400_000);
}

/** Whether the calendar data covers this date's year. */
export function isCovered(iso: string): boolean {
  const year = Number(iso.slice(0, 4));
  return year >= CALENDAR_YEARS.first && year <= CALENDAR_YEARS.last;
}

/** true/false, or null when the date's year is outside the calendar data. */
export function isWorkingDay(iso: string): boolean | null {
  if (!isCovered(iso)) return null;
  if (makeUpWorkdays.has(iso)) return true;
  if (holidays.has(iso)) return false;
  const wd = parse(iso).getUTCDay();
  return wd !== 0 && wd !== 6;
}

/** WD(d, n): the n-th working day after d; null (unknown) when the count reaches a year the calendar does not know. */
export function addWorkingDays(iso: string, n: number): string | null {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`working days must be a non-negative integer: ${n}`);
  let day = iso;
  let left = n;
  while (left > 0) {
    day = addCalendarDays(day, 1);
    const w = isWorkingDay(day);
    if (w === null) return null;
    if (w) left--;
  }
  return day;
}

/**
 * Working days after `due` up to and including `asOf` (0 when asOf ≤ due); null when a day in between is
 * outside the calendar data.
 */
export function workingDaysBetween(due: string, asOf: string): number | null {
  if (asOf <= due) return 0;
  let count = 0;
  for (let day = addCalendarDays(due, 1); day <= asOf; day = addCalendarDays(day, 1)) {
    const w = isWorkingDay(day);
    if (w === null) return null;
    if (w) count++;
  }
  return count;
}

/** Y(d, k): the same calendar date k years later; 02-29 → 02-28 when the target year is not a leap year. */
export function addYears(iso: string, k: number): string {
  const m = ISO.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${iso}`);
  parse(iso);
  const year = Number(m[1]) + k;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const md = m[2] === '02' && m[3] === '29' && !leap ? '02-28' : `${m[2]}-${m[3]}`;
  return `${String(year).padStart(4, '0')}-${md}`;
}
