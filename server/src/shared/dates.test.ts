import { describe, expect, it } from 'vitest'
import { dateProblem, instantProblem, monthProblem } from './dates'

describe('dates people and programs may send', () => {
  it.each([
    ['2026-03-01', undefined],
    ['2024-02-29', undefined], // a leap year
    ['2000-02-29', undefined], // divisible by 400: a leap year
    ['1900-01-01', undefined], // the first day we count with
    ['2199-12-31', undefined], // the last
    ['2026-02-30', 'impossible'],
    ['2025-02-29', 'impossible'],
    ['2100-02-29', 'impossible'], // divisible by 100, not by 400
    ['2026-04-31', 'impossible'],
    ['2026-13-01', 'impossible'],
    ['2026-00-10', 'impossible'],
    ['2026-01-00', 'impossible'],
    ['2026-01-32', 'impossible'],
    ['0000-00-00', 'impossible'],
    ['0000-01-01', 'impossible'], // there is no year zero
    ['9999-99-99', 'impossible'],
    ['9999-12-31', 'outOfRange'],
    ['0001-01-01', 'outOfRange'],
    ['1899-12-31', 'outOfRange'],
    ['2200-01-01', 'outOfRange'],
    ['2026-3-1', 'format'],
    ['20260301', 'format'],
    ['2026-03-01T00:00:00Z', 'format'],
    ['', 'format'],
    ['２０２６-03-01', 'format'], // full-width digits
    ['2026-03-01\u0000', 'format'],
  ])('%j → %s', (text, problem) => {
    expect(dateProblem(text)).toBe(problem)
  })

  it.each([
    ['2026-03', undefined],
    ['2026-12', undefined],
    ['2026-00', 'impossible'],
    ['2026-13', 'impossible'],
    ['0000-01', 'impossible'],
    ['9999-12', 'outOfRange'],
    ['2026-3', 'format'],
  ])('month %j → %s', (text, problem) => {
    expect(monthProblem(text)).toBe(problem)
  })

  it.each([
    ['2026-03-01T09:30:00+08:00', undefined],
    ['2026-02-30T00:00:00Z', 'impossible'],
    ['0000-01-01T00:00:00Z', 'impossible'],
    ['9999-12-31T23:59:59Z', 'outOfRange'],
    ['2026-03-01 09:30', 'format'],
  ])('instant %j → %s', (text, problem) => {
    expect(instantProblem(text)).toBe(problem)
  })
})
