import { z } from 'zod';

/**
 * Dates and months the API accepts: real calendar days, not just the pattern. `0000-01` or `2025-02-30` reached
 * PostgreSQL as an out-of-range date and came back as a 500. Years 1-9999: every day both PostgreSQL's date type and
 * a four-digit YYYY can name (PostgreSQL has no year 0).
 */
const minYear = 1;
const maxYear = 9999;

const isLeap = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
const daysIn = (year: number, month: number) =>
  month === 2 ? (isLeap(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

function isCalendarDay(year: number, month: number, day: number): boolean {
  // Arithmetic, not Date: Date.UTC reads years 0-99 as 1900-1999.
  if (year < minYear || year > maxYear || month < 1 || month > 12 || day < 1) return false;
  return day <= daysIn(year, month);
}

export const isCalendarDate = (value: string): boolean => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return !!match && isCalendarDay(Number(match[1]), Number(match[2]), Number(match[3]));
};

export const isCalendarMonth = (value: string): boolean => {
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  return !!match && isCalendarDay(Number(match[1]), Number(match[2]), 1);
};

/** YYYY-MM-DD, a day that exists. The pattern stays in the OpenAPI document; the range check is the server's. */
export const calendarDate = (message = 'a date as YYYY-MM-DD') =>
  z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, message)
    .refine(isCalendarDate, `${message}: a real calendar day, years 0001-9999`);

/** YYYY-MM, a month that exists. */
export const calendarMonth = (message = 'month must be YYYY-MM') =>
  z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, message)
    .refine(isCalendarMonth, `${message}, years 0001-9999`);
