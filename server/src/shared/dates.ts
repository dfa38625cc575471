/**
 * The calendar days the platform accepts from people and programs. A date must name a real day of
 * the Gregorian calendar (no 2026-02-30, no month 00, no year 0000) and lie in the years the
 * platform counts with: calendars, deadline clocks and figures do date arithmetic, and a date at the
 * edge of what JavaScript and PostgreSQL represent (9999-12-31 plus a day) breaks it. 1900–2199 holds
 * every founding date, policy and period a city has, with room to spare.
 */
export const FIRST_YEAR = 1900
export const LAST_YEAR = 2199

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const MONTH = /^(\d{4})-(\d{2})$/

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31
}

export type DateProblem = 'format' | 'impossible' | 'outOfRange'

/** Why a 'YYYY-MM-DD' text is not a date we accept, or undefined when it is one. */
export function dateProblem(text: string): DateProblem | undefined {
  const match = DATE.exec(text)
  if (!match) return 'format'
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  if (year === 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return 'impossible'
  if (year < FIRST_YEAR || year > LAST_YEAR) return 'outOfRange'
  return undefined
}

/** Why a 'YYYY-MM' text is not a month we accept, or undefined when it is one. */
export function monthProblem(text: string): DateProblem | undefined {
  const match = MONTH.exec(text)
  return match ? dateProblem(`${match[1]}-${match[2]}-01`) : 'format'
}

/**
 * Why an ISO 8601 instant ('2026-03-01T09:30:00+08:00') is not one we accept, judged by its date
 * part: JavaScript would quietly read 2026-02-30T… as 2 March.
 */
export function instantProblem(text: string): DateProblem | undefined {
  const date = text.slice(0, 10)
  if (text[10] !== 'T') return 'format'
  return dateProblem(date)
}
