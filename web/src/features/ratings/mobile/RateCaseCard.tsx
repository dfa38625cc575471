import { Button } from 'antd-mobile'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import type { SlotProps } from '../../../app/slot-types'
import { useLoad } from '../../../ui/use-load'
import { ratingsApi } from '../ratings.api'
import { levelLabel, ratingsPaths } from '../ratings-paths'

/**
 * The 评价 button of a finished case's page (the 'case.rating' slot): to the rating sheet while the
 * stage waits for a rating, the level given once it is rated, nothing before it is finished.
 */
export function RateCaseCard({ subjectType, subjectId, stage, enterpriseId }: SlotProps['case.rating']) {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const mine = useLoad(() => ratingsApi.mine(enterpriseId), [enterpriseId, i18n.language])
  if (!mine.data) return null
  const rated = mine.data.rated.find(
    (r) => r.subjectType === subjectType && r.subjectId === subjectId && r.stage === stage,
  )
  if (rated)
    return (
      <section className="m-section">
        <p className="m-muted">{t('ratings.case.rated', { level: t(levelLabel(rated.level)) })}</p>
      </section>
    )
  const waiting = mine.data.toRate.some(
    (r) => r.subjectType === subjectType && r.subjectId === subjectId && r.stage === stage,
  )
  if (!waiting) return null
  return (
    <section className="m-section">
      <Button
        block
        color="primary"
        size="large"
        onClick={() => void navigate(ratingsPaths.sheet(enterpriseId, subjectType, subjectId, stage))}
      >
        {t('ratings.case.rate')}
      </Button>
    </section>
  )
}
