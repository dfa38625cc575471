import { Alert, Button, Card, Empty, Progress, Tag, Typography } from 'antd'
import { errorMessage } from '../../../app/api'
import type { Loaded } from '../../../ui/use-load'
import type { SuggestionBasis, Suggestions } from '../appeals.api'
import { useAppealText } from '../use-appeal-text'

const BASIS_COLORS: Record<SuggestionBasis, string> = {
  model: 'blue',
  category: 'default',
  mentioned: 'purple',
  keyword: 'cyan',
  fallback: 'gold',
}

/**
 * The three most likely departments with their confidence and why each is there (learned from past
 * dispatches, the category's default, named in the appeal, its function described in the appeal, or
 * the fallback owner) with the server's sentence of every reason; picking one opens the dispatch (or
 * arbitration) form with it.
 */
export function SuggestionsCard({
  suggestions,
  canArbitrate,
  onPick,
}: {
  /** loaded by the case page, which also preselects the top one in the dispatch form */
  suggestions: Loaded<Suggestions>
  canArbitrate: boolean
  onPick: (departmentId: string) => void
}) {
  const { t, tx } = useAppealText()
  return (
    <Card title={<h2 className="s-card-title">{t('appeals.case.suggestions')}</h2>}>
      {suggestions.error ? (
        <Alert type="warning" showIcon title={errorMessage(suggestions.error, t('errors.loadFailed'))} />
      ) : !suggestions.data ? (
        <Typography.Text className="s-empty">{t('common.loading')}</Typography.Text>
      ) : suggestions.data.items.length ? (
        <ol className="s-plain-list">
          {suggestions.data.items.slice(0, 3).map((item) => {
            const percent = Math.round(item.confidence * 100)
            const basis = tx(`appeals.case.suggestionBasis.${item.basis}`)
            return (
              <li key={item.departmentId}>
                <div className="s-suggestion">
                  <span style={{ flex: 1, minWidth: 0 }}>
                    <strong>{item.departmentName}</strong>
                    <div>
                      <Tag color={BASIS_COLORS[item.basis]} className="s-basis-tag">
                        {basis}
                      </Tag>
                    </div>
                    {item.reason ? (
                      <Typography.Text type="secondary" className="s-suggestion-reason">
                        {item.reason}
                      </Typography.Text>
                    ) : null}
                    <Progress
                      percent={percent}
                      size="small"
                      aria-label={t('appeals.case.confidenceOf', { name: item.departmentName, percent })}
                    />
                  </span>
                  <Button
                    size="small"
                    onClick={() => onPick(item.departmentId)}
                    aria-label={t(
                      canArbitrate ? 'appeals.case.arbitrateToNamed' : 'appeals.case.dispatchToNamed',
                      { name: item.departmentName },
                    )}
                  >
                    {t(canArbitrate ? 'appeals.case.arbitrateTo' : 'appeals.case.dispatchTo')}
                  </Button>
                </div>
              </li>
            )
          })}
        </ol>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('appeals.case.noSuggestions')} />
      )}
    </Card>
  )
}
