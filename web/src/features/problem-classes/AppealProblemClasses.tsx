import { useTranslation } from 'react-i18next'
import type { SlotProps } from '../../app/slot-types'
import { useLoad } from '../../ui/use-load'
import { problemClassesApi } from './problem-classes.api'

/**
 * On an appeal's page (the enterprise's and the staff's): "纳入每月一题：…" for each problem class the
 * appeal is in, and what changed once it is solved. Nothing when it is in none (or cannot be read).
 */
export function AppealProblemClasses({ appealId }: SlotProps['appeal.problemClasses']) {
  const { t } = useTranslation()
  const loaded = useLoad(() => problemClassesApi.ofAppeal(appealId), [appealId])
  const items = loaded.data?.items ?? []
  if (items.length === 0) return null
  return (
    <section
      className="pc-appeal-classes"
      aria-label={t('problemClasses.appeal.title')}
      style={{
        background: '#fff7e6',
        border: '1px solid #ffd591',
        borderRadius: 8,
        padding: '8px 12px',
        margin: '12px 0',
        overflowWrap: 'anywhere',
      }}
    >
      {items.map((item) => (
        <p key={item.id} style={{ margin: '4px 0' }}>
          <strong>
            {item.status === 'open'
              ? t('problemClasses.appeal.lineOpen', { name: item.name })
              : t('problemClasses.appeal.line', { name: item.name })}
          </strong>
          {item.status === 'closed' && item.closingSummary ? (
            <span style={{ display: 'block' }}>
              {t('problemClasses.appeal.solved', { summary: item.closingSummary })}
            </span>
          ) : null}
        </p>
      ))}
    </section>
  )
}
