import { Card, Descriptions, Empty, Space, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { SlotProps } from '../../../app/slot-types'
import { formatDateTime } from '../../../ui/format'
import { useLoad } from '../../../ui/use-load'
import { ratingsApi } from '../ratings.api'
import { levelLabel } from '../ratings-paths'

/**
 * A case's ratings on its console page (the 'staffCase.ratings' slot), as the server allows: the
 * bureau reads who rated and the anomaly flags; the handling unit the level, comment and dimensions,
 * and who rated only once the case is closed.
 */
export function CaseRatingsCard({ subjectType, subjectId }: SlotProps['staffCase.ratings']) {
  const { t, i18n } = useTranslation()
  const loaded = useLoad(
    () => ratingsApi.ofCase(subjectType, subjectId),
    [subjectType, subjectId, i18n.language],
  )
  if (!loaded.data) return null
  /** 'final' (a decision, a claim) or 'cycle-N' (an appeal's Nth answer), in words */
  const stageLabel = (stage: string) => {
    const cycle = /^cycle-(\d+)$/.exec(stage)?.[1]
    if (cycle) return t('ratings.staff.stageCycle', { cycle })
    return stage === 'final' ? t('ratings.staff.stageFinal') : stage
  }
  const items = loaded.data.items
  return (
    <Card title={t('ratings.staff.title')} size="small" style={{ marginTop: 16 }}>
      {items.length === 0 ? (
        <Empty description={t('ratings.staff.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        items.map((r) => (
          <Descriptions
            key={r.id}
            size="small"
            column={1}
            title={
              <Space wrap>
                <Tag color={r.level <= 2 ? 'red' : r.level >= 4 ? 'green' : 'default'}>
                  {r.kind === 'default' ? t('ratings.rated.default') : t(levelLabel(r.level))}
                </Tag>
                {r.flags.map((f) => (
                  <Tag key={f} color="orange">
                    {t(`ratings.flag.${f}`)}
                  </Tag>
                ))}
                {r.excluded ? <Tag>{t('ratings.staff.excluded')}</Tag> : null}
              </Space>
            }
            items={[
              {
                key: 'stage',
                label: t('ratings.staff.stage'),
                children: `${stageLabel(r.stage)} · ${formatDateTime(r.ratedAt, i18n.language)}`,
              },
              ...(['efficiency', 'guideAccuracy', 'convenience', 'usability'] as const)
                .filter((d) => r[d] !== null)
                .map((d) => ({ key: d, label: t(`ratings.dimension.${d}`), children: t(levelLabel(r[d]!)) })),
              ...(r.comment
                ? [{ key: 'comment', label: t('ratings.staff.comment'), children: r.comment }]
                : []),
              {
                key: 'rater',
                label: t('ratings.staff.rater'),
                children: r.rater ? r.rater.name : r.raterHidden ? t('ratings.staff.raterHidden') : '—',
              },
            ]}
          />
        ))
      )}
    </Card>
  )
}
