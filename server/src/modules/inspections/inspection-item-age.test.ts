import { describe, expect, it } from 'vitest'
import { isUnusedFiveYears, yearsBefore } from './inspection-item-age'

describe('items unused for five years', () => {
  it.each([
    ['2026-06-15', 5, '2021-06-15'],
    ['2024-02-29', 5, '2019-02-28'],
    ['2028-02-29', 4, '2024-02-29'],
    ['2026-01-01', 5, '2021-01-01'],
  ])('%s minus %i years is %s', (date, years, expected) => expect(yearsBefore(date, years)).toBe(expected))

  it.each([
    // last used exactly five years ago: flagged; a day later: not yet
    [{ lastUsedOn: '2021-06-15', publishedOn: '2019-01-01' }, '2026-06-15', true],
    [{ lastUsedOn: '2021-06-16', publishedOn: '2019-01-01' }, '2026-06-15', false],
    // never used: counts from publication
    [{ lastUsedOn: null, publishedOn: '2020-03-01' }, '2026-06-15', true],
    [{ lastUsedOn: null, publishedOn: '2025-03-01' }, '2026-06-15', false],
    // a draft is never flagged
    [{ lastUsedOn: null, publishedOn: null }, '2026-06-15', false],
    // a recent use outweighs an old publication
    [{ lastUsedOn: '2026-01-10', publishedOn: '2010-01-01' }, '2026-06-15', false],
  ])('%j on %s: %s', (item, asOf, flagged) => expect(isUnusedFiveYears(item, asOf)).toBe(flagged))
})
