import { ExperimentOutlined } from '@ant-design/icons'
import { Alert, Button, Typography } from 'antd'
import { useState } from 'react'
import { errorMessage, isApiError } from '../../../app/api'
import { policiesApi, type ItemPreviewBody, type ItemPreviewResult } from '../policies.api'
import { usePolicyText } from '../use-policy-text'
import { PreviewItemsTable } from './PreviewItemsTable'

type Props = {
  policyId: string
  /** the item as it stands in the form; undefined when the form has no kind or code yet */
  bodyOf: () => ItemPreviewBody | undefined
  /** a rule the server cannot read: shown at its field, as saving would */
  onFieldErrors: (error: unknown) => void
}

/**
 * The item as it stands in the form, tried over the city's enterprises without saving: how many are
 * eligible, could qualify and are not, by district and size class, and what it would cost.
 */
export function ItemTrial({ policyId, bodyOf, onFieldErrors }: Props) {
  const { t } = usePolicyText()
  const [result, setResult] = useState<ItemPreviewResult>()
  const [problem, setProblem] = useState<string>()
  const [isRunning, setRunning] = useState(false)

  const run = async () => {
    const body = bodyOf()
    if (!body) return
    setProblem(undefined)
    setRunning(true)
    try {
      setResult(await policiesApi.itemPreview(policyId, body))
    } catch (error) {
      setResult(undefined)
      if (isApiError(error, 'VALIDATION_FAILED')) onFieldErrors(error)
      setProblem(errorMessage(error, t('errors.generic')))
    } finally {
      setRunning(false)
    }
  }

  return (
    <section aria-labelledby="trial-heading" className="s-trial">
      <div className="s-trial-head">
        <h3 id="trial-heading" className="s-subtitle">
          {t('policies.staff.itemPreview.title')}
        </h3>
        <Button
          icon={<ExperimentOutlined aria-hidden="true" />}
          loading={isRunning}
          onClick={() => void run()}
        >
          {t('policies.staff.itemPreview.button')}
        </Button>
      </div>
      {problem ? <Alert type="error" showIcon role="alert" title={problem} /> : null}
      {result ? (
        <div role="status">
          <Typography.Paragraph type="secondary" className="s-small">
            {t('policies.staff.itemPreview.basis', { enterprises: result.enterprises })}
          </Typography.Paragraph>
          <PreviewItemsTable items={[result.item]} />
        </div>
      ) : null}
    </section>
  )
}
