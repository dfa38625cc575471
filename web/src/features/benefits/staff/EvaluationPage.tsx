import { DownloadOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Col, Row, Select, Space, Typography } from 'antd'
import { useMemo } from 'react'
import { useSearchParams } from 'react-router'
import { errorMessage } from '../../../app/api'
import { formatDateTime } from '../../../ui/format'
import { FunnelChart } from '../../../ui/staff/FunnelChart'
import { PageHeader } from '../../../ui/staff/PageHeader'
import { useLoad } from '../../../ui/use-load'
import { RatingBar } from '../../../ui/staff/RatingBar'
import { benefitsApi, evaluationXlsxUrl, type EvaluationItem, type EvaluationPolicy } from '../benefits.api'
import { FUNNEL_STEPS, stepValue, sumPolicies } from '../funnel'
import { useBenefitText } from '../use-benefit-text'
import { EvaluationTable } from './EvaluationTable'
import '../../../ui/staff/policy-pages.css'
import './benefits-staff.css'

const COLORS = ['#0958d9', '#1677ff', '#4096ff', '#08979c', '#389e0d', '#00784f']

/**
 * `/staff/benefits/evaluation`: the effect of policies (政策效果评估) — per item and policy, matched →
 * pushed → viewed → consented/applied → approved → paid, the amount, median working days to cash
 * and the ratings; the items side by side with every raw number; the same as xlsx. Definitions:
 * docs/METRICS.md (the policy funnel). Policy and chosen item in the URL.
 */
export function EvaluationPage() {
  const { t, language } = useBenefitText()
  const [params, setParams] = useSearchParams()
  const policyId = params.get('policy') ?? undefined
  const itemId = params.get('item') ?? undefined
  const evaluation = useLoad(() => benefitsApi.evaluation({ policyId }), [policyId, language])
  // Every policy for the filter, whatever is chosen now (a filtered answer has only one).
  const all = useLoad(() => benefitsApi.evaluation({}), [language], !!policyId)
  const data = evaluation.data
  const policies = (policyId ? all.data : data)?.policies ?? []
  const selectedItem = data?.items.find((i) => i.itemId === itemId)

  const set = (next: { policy?: string; item?: string }) => {
    const search = new URLSearchParams()
    if (next.policy) search.set('policy', next.policy)
    if (next.item) search.set('item', next.item)
    setParams(search, { replace: true })
  }

  return (
    <>
      <PageHeader
        title={t('benefits.evaluation.title')}
        subtitle={t('benefits.evaluation.subtitle')}
        extra={
          <Button
            icon={<DownloadOutlined aria-hidden="true" />}
            href={evaluationXlsxUrl({ policyId })}
            download
          >
            {t('benefits.evaluation.export')}
          </Button>
        }
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card>
          <Space wrap size={16} align="center">
            <label className="s-inline-field" htmlFor="evaluation-policy">
              <span>{t('benefits.evaluation.policy')}</span>
            </label>
            <Select<string>
              id="evaluation-policy"
              value={policyId ?? ''}
              onChange={(value) => set({ policy: value || undefined })}
              style={{ minWidth: 360, maxWidth: '100%' }}
              showSearch={{ optionFilterProp: 'label' }}
              options={[
                { value: '', label: t('benefits.evaluation.allPolicies') },
                ...policies.map((p) => ({
                  value: p.policyId,
                  label: p.documentNumber ? `${p.policyTitle}（${p.documentNumber}）` : p.policyTitle,
                })),
              ]}
            />
            {data ? (
              <Typography.Text type="secondary">
                {t('benefits.evaluation.generatedAt', { at: formatDateTime(data.generatedAt, language) })}
              </Typography.Text>
            ) : null}
          </Space>
        </Card>
        {evaluation.error ? (
          <Alert type="error" showIcon title={errorMessage(evaluation.error, t('errors.loadFailed'))} />
        ) : null}
        {data ? (
          <FunnelCard
            item={selectedItem}
            policies={data.policies}
            onAll={selectedItem ? () => set({ policy: policyId }) : undefined}
          />
        ) : !evaluation.error ? (
          <Card loading />
        ) : null}
        <Card
          title={<h2 className="s-card-title">{t('benefits.evaluation.itemsTitle')}</h2>}
          styles={{ body: { padding: 0 } }}
        >
          <Typography.Paragraph type="secondary" style={{ margin: '12px 16px' }}>
            {t('benefits.evaluation.sharesHint')}
          </Typography.Paragraph>
          <EvaluationTable
            items={data?.items ?? []}
            loading={evaluation.isLoading}
            selected={selectedItem?.itemId}
            onSelect={(id) => set({ policy: policyId, item: id })}
          />
        </Card>
      </Space>
    </>
  )
}

/** The funnel of the chosen item, else of everything shown (one policy's row, or every policy's summed). */
function FunnelCard({
  item,
  policies,
  onAll,
}: {
  item: EvaluationItem | undefined
  policies: EvaluationPolicy[]
  onAll: (() => void) | undefined
}) {
  const text = useBenefitText()
  const { t, tx } = text
  const figures = useMemo(() => item ?? sumPolicies(policies), [item, policies])
  const name = item
    ? item.title
    : policies.length === 1
      ? policies[0]!.policyTitle
      : t('benefits.evaluation.allPolicies')
  const stages = useMemo(
    () =>
      FUNNEL_STEPS.map((step, i) => ({
        name: tx(`benefits.evaluation.steps.${step}`),
        value: stepValue(figures, step),
        color: COLORS[i]!,
      })),
    [figures, tx],
  )
  return (
    <Card
      title={<h2 className="s-card-title">{t('benefits.evaluation.funnelOf', { name })}</h2>}
      extra={onAll ? <Button onClick={onAll}>{t('benefits.evaluation.showAll')}</Button> : null}
    >
      <Row gutter={[24, 16]}>
        <Col xs={24} lg={14}>
          <FunnelChart stages={stages} label={t('benefits.evaluation.funnelLabel', { name })} />
        </Col>
        <Col xs={24} lg={10}>
          <dl className="s-figures-grid s-evaluation-figures">
            <div>
              <dt>{t('benefits.evaluation.amountPaid')}</dt>
              <dd>{text.money(figures.amountPaid)}</dd>
            </div>
            <div>
              <dt>{t('benefits.evaluation.medianDays')}</dt>
              <dd>
                {figures.medianWorkingDaysToCash === null
                  ? '—'
                  : t('benefits.evaluation.days', { count: figures.medianWorkingDaysToCash })}
              </dd>
            </div>
            <div>
              <dt>{t('benefits.evaluation.steps.claimed')}</dt>
              <dd>
                {figures.consented + figures.applied}
                <span className="s-raw">
                  {t('benefits.evaluation.consentedApplied', {
                    consented: figures.consented,
                    applied: figures.applied,
                  })}
                </span>
              </dd>
            </div>
            <div>
              <dt>{t('benefits.evaluation.steps.paid')}</dt>
              <dd>{figures.paid}</dd>
            </div>
          </dl>
          <h3 className="s-subtitle" style={{ marginTop: 16 }}>
            {t('benefits.evaluation.ratings')}
          </h3>
          <RatingBar ratings={figures.ratings} wide />
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {item ? t('benefits.evaluation.itemHint') : t('benefits.evaluation.pickHint')}
          </Typography.Paragraph>
        </Col>
      </Row>
    </Card>
  )
}
