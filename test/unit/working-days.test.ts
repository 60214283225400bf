import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  addYears,
  CALENDAR_YEARS,
  isWorkingDay,
  workingDaysBetween,
} from '../../server/compliance/working-days.js';

describe('working days (chinese-days calendar)', () => {
  it('covers the years of the package data, derived from it', () => {
    expect(CALENDAR_YEARS.first).toBe(2004);
    expect(CALENDAR_YEARS.last).toBe(2026);
  });

  it('WD(2025-09-26, 10) = 2025-10-16 across National Day with make-up workday 2025-09-28 and 2025-10-11', () => {
    expect(isWorkingDay('2025-09-28')).toBe(true); // Sunday, make-up workday
    expect(isWorkingDay('2025-10-08')).toBe(false); // holiday
    expect(isWorkingDay('2025-10-11')).toBe(true); // Saturday, make-up workday
    expect(addWorkingDays('2025-09-26', 10)).toBe('2025-10-16');
    expect(addWorkingDays('2025-09-26', 0)).toBe('2025-09-26');
  });

  it('a plain week: WD(2025-11-07, 1) is the Monday', () => {
    expect(addWorkingDays('2025-11-07', 1)).toBe('2025-11-10');
  });

  it('a count that runs past the calendar data is unknown', () => {
    expect(addWorkingDays('2026-12-25', 10)).toBeNull();
    expect(isWorkingDay('2027-01-04')).toBeNull();
    expect(workingDaysBetween('2026-12-30', '2027-01-05')).toBeNull();
  });

  it('counts working days overdue', () => {
    expect(workingDaysBetween('2025-10-16', '2025-10-16')).toBe(0);
    expect(workingDaysBetween('2025-09-26', '2025-10-16')).toBe(10);
  });

  it('Y: leap day anniversary is the last day of February', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2025-03-01', 1)).toBe('2026-03-01');
  });
});
