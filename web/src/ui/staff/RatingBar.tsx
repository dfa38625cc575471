import { useTranslation } from 'react-i18next'
import type { Translate } from '../../app/i18n'
import { ratingShares, ratingTotal, type RatingCounts } from '../ratings'

/**
 * The five levels as one stacked bar, with the level names in the legend (the same words as the
 * rating form) and the whole distribution for screen readers. The narrow table legend leaves out
 * levels nobody chose; the bar still shows the proportions.
 */
export function RatingBar({ ratings, wide }: { ratings: RatingCounts; wide?: boolean }) {
  const { t } = useTranslation()
  // Level keys are built from the numbers 1–5, each with a message in both catalogs.
  const tx = t as unknown as Translate
  const shares = ratingShares(ratings)
  const total = ratingTotal(ratings)
  const summary = shares
    .map((s) => `${tx(`appeals.levels.${s.level}`)} ${s.count}`)
    .join(t('appeals.listSeparator'))
  if (!total) return <div className="s-empty">{t('appeals.figures.noRatings')}</div>
  return (
    <div className="s-rating" role="img" aria-label={t('appeals.figures.ratingsOf', { summary })}>
      <div className="s-rating-bar">
        {shares.map((s) =>
          s.count ? (
            <span key={s.level} className={`s-rating-${s.level}`} style={{ width: `${s.share * 100}%` }} />
          ) : null,
        )}
      </div>
      <div className={`s-rating-legend${wide ? '' : ' is-narrow'}`} aria-hidden="true">
        {shares
          .filter((s) => wide || s.count)
          .map((s) => (
            <span key={s.level}>
              <i className={`s-rating-${s.level}`} />
              {tx(`appeals.levels.${s.level}`)} {s.count}
            </span>
          ))}
      </div>
    </div>
  )
}
