import type { Translate } from '../app/i18n'

/*
 * 好差评: the five rating levels every kind of case is rated on (appeals, benefit claims), their
 * names and their distribution. The level names live under appeals.levels in the catalogs.
 */

/** The five rating levels, best first as people read them (国办发〔2019〕51号). */
export const RATING_LEVELS = [5, 4, 3, 2, 1] as const

/** How many ratings each level got, keyed '1'..'5' as the figures endpoints answer. */
export type RatingCounts = Record<'1' | '2' | '3' | '4' | '5', number>

export function levelName(level: number | null | undefined, t: Translate): string {
  return level !== null && level !== undefined && level >= 1 && level <= 5 ? t(`appeals.levels.${level}`) : ''
}

const LEVELS = ['5', '4', '3', '2', '1'] as const

/** Each level's share of the ratings, best first, for the small distribution bar. */
export function ratingShares(ratings: RatingCounts): { level: number; count: number; share: number }[] {
  const total = ratingTotal(ratings)
  return LEVELS.map((level) => ({
    level: Number(level),
    count: ratings[level],
    share: total ? ratings[level] / total : 0,
  }))
}

export function ratingTotal(ratings: RatingCounts): number {
  return LEVELS.reduce((sum, level) => sum + ratings[level], 0)
}
