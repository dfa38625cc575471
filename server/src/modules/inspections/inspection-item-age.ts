/**
 * An inspection item unused for five years is flagged for review (国办发〔2024〕54号: items that are
 * not used are cleaned out of the list). "Used" is the city date of the last inspection planned under
 * it; an item never used counts from its publication. The date to count against is passed in, so a
 * list, a test and a report on a past day all agree.
 */
export const UNUSED_YEARS = 5

/** The same day `years` earlier; 29 February falls back to the 28th in a common year. */
export function yearsBefore(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const year = y - years
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate()
  return `${year}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`
}

/**
 * Whether an item is unused for five years on `asOf` ('YYYY-MM-DD'). A draft (never published, never
 * used) is not flagged: nobody could have used it.
 */
export function isUnusedFiveYears(
  item: { lastUsedOn: string | null; publishedOn: string | null },
  asOf: string,
): boolean {
  const since = item.lastUsedOn ?? item.publishedOn
  if (since === null) return false
  return since <= yearsBefore(asOf, UNUSED_YEARS)
}
