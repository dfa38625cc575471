import { Button, Rate, Selector, TextArea, Toast } from 'antd-mobile'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router'
import { errorMessage } from '../../../app/api'
import { RequireEnterpriseUser } from '../../../app/enterprise/RequireEnterpriseUser'
import { MobilePage } from '../../../ui/mobile/MobilePage'
import { ratingsApi, type RateCaseInput, type SubjectType } from '../ratings.api'
import { LEVEL_LABELS, ratingsPaths } from '../ratings-paths'
import './ratings.css'

const DIMENSIONS = ['efficiency', 'guideAccuracy', 'convenience', 'usability'] as const
type Dimension = (typeof DIMENSIONS)[number]
const LEVELS = [5, 4, 3, 2, 1] as const

/** A random id kept in this browser: the server keeps only its hash (one device rating many cases is flagged). */
function deviceId(): string | undefined {
  try {
    const stored = localStorage.getItem('ys.ratingDevice')
    if (stored) return stored
    const fresh = crypto.randomUUID()
    localStorage.setItem('ys.ratingDevice', fresh)
    return fresh
  } catch {
    return undefined
  }
}

/**
 * `/ratings/:enterpriseId/rate/:subjectType/:subjectId/:stage`: the rating sheet (好差评) — the five
 * levels with their names, the four national dimensions (optional), a comment. Sent once.
 */
export function RatingSheetPage() {
  const { t } = useTranslation()
  const { enterpriseId = '', subjectType = 'application', subjectId = '', stage = 'final' } = useParams()
  return (
    <MobilePage title={t('ratings.sheet.title')} back={ratingsPaths.toRateOf(enterpriseId)}>
      <RequireEnterpriseUser>
        {() => (
          <RatingSheet
            enterpriseId={enterpriseId}
            subjectType={subjectType as SubjectType}
            subjectId={subjectId}
            stage={stage}
          />
        )}
      </RequireEnterpriseUser>
    </MobilePage>
  )
}

function RatingSheet(props: {
  enterpriseId: string
  subjectType: SubjectType
  subjectId: string
  stage: string
}) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [level, setLevel] = useState<number>()
  const [dimensions, setDimensions] = useState<Partial<Record<Dimension, number>>>({})
  const [comment, setComment] = useState('')
  const [sending, setSending] = useState(false)

  const send = async () => {
    if (!level) {
      Toast.show({ content: t('ratings.sheet.chooseLevel') })
      return
    }
    setSending(true)
    try {
      const input: RateCaseInput = {
        subjectType: props.subjectType,
        subjectId: props.subjectId,
        stage: props.stage,
        level,
        ...Object.fromEntries(Object.entries(dimensions).filter(([, v]) => v && v > 0)),
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      }
      const device = deviceId()
      if (device) input.deviceId = device
      await ratingsApi.rate(input)
      Toast.show({ icon: 'success', content: t('ratings.sheet.done') })
      void navigate(ratingsPaths.toRateOf(props.enterpriseId), { replace: true })
    } catch (error) {
      Toast.show({ icon: 'fail', content: errorMessage(error, t('errors.generic')) })
    } finally {
      setSending(false)
    }
  }

  return (
    <div className="m-section rating-sheet">
      <h2 className="m-section-title">{t('ratings.sheet.overall')}</h2>
      <Selector
        columns={1}
        value={level ? [level] : []}
        onChange={(v) => setLevel(v[0])}
        options={LEVELS.map((l) => ({ label: t(LEVEL_LABELS[l]), value: l }))}
      />
      {level !== undefined && level <= 2 ? <p className="m-muted">{t('ratings.sheet.badHint')}</p> : null}
      <h2 className="m-section-title">{t('ratings.sheet.dimensions')}</h2>
      {DIMENSIONS.map((d) => (
        <div className="rating-dimension" key={d}>
          <span>{t(`ratings.dimension.${d}`)}</span>
          <Rate
            aria-label={t(`ratings.dimension.${d}`)}
            value={dimensions[d] ?? 0}
            onChange={(v) => setDimensions((current) => ({ ...current, [d]: v }))}
          />
        </div>
      ))}
      <h2 className="m-section-title">
        {/* antd-mobile puts aria-label on its wrapper, not on the textarea: a real label names it */}
        <label htmlFor="rating-comment">{t('ratings.sheet.comment')}</label>
      </h2>
      <TextArea
        id="rating-comment"
        value={comment}
        onChange={setComment}
        maxLength={2000}
        rows={3}
        placeholder={t('ratings.sheet.commentPlaceholder')}
      />
      <p className="m-muted">{t('ratings.sheet.once')}</p>
      <Button block color="primary" size="large" loading={sending} onClick={() => void send()}>
        {t('ratings.sheet.submit')}
      </Button>
    </div>
  )
}
