import { ArrowLeftOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Col, Descriptions, Result, Row, Space, Typography } from 'antd'
import { useState } from 'react'
import { Link, useParams } from 'react-router'
import { errorMessage, isApiError } from '../../../app/api'
import { paths } from '../../../app/routes'
import { hasStaffRole, useSession } from '../../../app/session'
import { formatDateTime } from '../../../ui/format'
import { PageHeader } from '../../../ui/staff/PageHeader'
import { useLoad } from '../../../ui/use-load'
import { benefitsApi, payoutLedgerUrl, type ClaimDetail } from '../benefits.api'
import { splitMinutes } from '../claim-rules'
import { useBenefitText } from '../use-benefit-text'
import { ClaimActionModal, type ClaimModalAction } from './ClaimActionModal'
import { ExplanationCard, FormCard, MaterialsCard, TimelineCard } from './ClaimCards'
import { ClaimStatusTag, ModeTag } from './ClaimStatusTag'
import '../../../ui/staff/policy-pages.css'
import './benefits-staff.css'

/** The buttons, in the order a reviewer meets them; each only when allowedActions has it. */
const ACTIONS: readonly ClaimModalAction[] = ['recommend', 'approve', 'request_supplement', 'reject', 'pay']

/** `/staff/benefits/claims/:claimId`: one claim with everything it rests on and the moves allowed now. */
export function StaffClaimPage() {
  const { claimId = '' } = useParams()
  const { t, language } = useBenefitText()
  const claim = useLoad(() => benefitsApi.claim(claimId), [claimId, language])
  if (claim.error && !claim.data) {
    const missing = isApiError(claim.error, 'NOT_FOUND') || isApiError(claim.error, 'VALIDATION_FAILED')
    return (
      <>
        <PageHeader title={t('benefits.staff.claimUnknown')} />
        <Result
          status={missing ? '404' : 'error'}
          subTitle={
            missing ? t('benefits.staff.claimNotFound') : errorMessage(claim.error, t('errors.loadFailed'))
          }
          extra={<BackLink />}
        />
      </>
    )
  }
  if (!claim.data)
    return (
      <>
        <PageHeader title={t('benefits.staff.claimUnknown')} />
        <Card loading />
      </>
    )
  return <ClaimView claim={claim.data} onChange={claim.setData} />
}

function BackLink() {
  const { t } = useBenefitText()
  return (
    <Link to={paths.staffClaims}>
      <ArrowLeftOutlined aria-hidden="true" /> {t('benefits.staff.backToList')}
    </Link>
  )
}

function ClaimView({ claim, onChange }: { claim: ClaimDetail; onChange: (claim: ClaimDetail) => void }) {
  const text = useBenefitText()
  const { t, tx } = text
  const { message } = App.useApp()
  const { me } = useSession()
  const [modal, setModal] = useState<ClaimModalAction>()
  const actions = ACTIONS.filter((a) => claim.allowedActions.includes(a))
  const onPayoutList =
    claim.mode === 'no_application' &&
    claim.status === 'consented' &&
    hasStaffRole(me, 'handler', 'department_head')

  return (
    <>
      <PageHeader
        title={t('benefits.staff.claimTitle', { number: claim.number })}
        subtitle={`${claim.itemTitle} · ${claim.policyTitle}`}
        extra={
          <Space wrap>
            <ClaimStatusTag status={claim.status} />
            <ModeTag mode={claim.mode} />
            <BackLink />
          </Space>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title={<h2 className="s-card-title">{t('benefits.staff.actionsTitle')}</h2>}>
              {actions.length ? (
                <Space wrap>
                  {actions.map((action) => (
                    <Button
                      key={action}
                      type={
                        action === 'approve' || action === 'recommend' || action === 'pay'
                          ? 'primary'
                          : 'default'
                      }
                      danger={action === 'reject'}
                      onClick={() => setModal(action)}
                    >
                      {tx(`benefits.staff.actions.${action}`)}
                    </Button>
                  ))}
                </Space>
              ) : onPayoutList ? (
                <Typography.Text>
                  {t('benefits.staff.onPayoutList')}{' '}
                  <Link to={paths.staffPayout(claim.itemId)}>{t('benefits.staff.openPayoutList')}</Link>
                </Typography.Text>
              ) : (
                <Typography.Text className="s-empty">{t('benefits.staff.noActions')}</Typography.Text>
              )}
              {claim.mode === 'standard_application' && claim.status === 'recommended' && !actions.length ? (
                <Alert type="info" showIcon title={t('benefits.staff.fourEyes')} style={{ marginTop: 12 }} />
              ) : null}
            </Card>
            <FactsCard claim={claim} />
            <ExplanationCard claim={claim} />
            <FormCard claim={claim} />
            <MaterialsCard claim={claim} />
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <ReviewCard claim={claim} />
            {claim.budget ? <BudgetCard budget={claim.budget} /> : null}
            <TimelineCard claim={claim} />
          </Space>
        </Col>
      </Row>
      {modal ? (
        <ClaimActionModal
          key={modal}
          claim={claim}
          action={modal}
          onClose={() => setModal(undefined)}
          onDone={(updated, note) => {
            setModal(undefined)
            onChange(updated)
            void message.success(note)
          }}
        />
      ) : null}
    </>
  )
}

function FactsCard({ claim }: { claim: ClaimDetail }) {
  const text = useBenefitText()
  const { t } = text
  const paused = claim.remainingMinutes !== null ? splitMinutes(claim.remainingMinutes) : undefined
  return (
    <Card title={<h2 className="s-card-title">{t('benefits.staff.facts')}</h2>}>
      <Descriptions column={{ xs: 1, md: 2 }} size="small">
        <Descriptions.Item label={t('benefits.fields.enterprise')}>{claim.enterpriseName}</Descriptions.Item>
        <Descriptions.Item label={t('benefits.fields.department')}>
          {claim.departmentName ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('benefits.fields.createdAt')}>
          {formatDateTime(claim.createdAt, text.language)}
        </Descriptions.Item>
        {claim.mode === 'no_application' ? null : (
          <Descriptions.Item label={t('benefits.fields.dueAt')}>
            {claim.dueAt ? (
              <span className={claim.isOverdue ? 's-overdue' : undefined}>
                {formatDateTime(claim.dueAt, text.language)}
                {claim.isOverdue ? ` · ${t('benefits.detail.overdue')}` : ''}
              </span>
            ) : paused ? (
              t('benefits.staff.pausedLeft', paused)
            ) : (
              '—'
            )}
            <span className="s-muted">
              {' '}
              · {t('benefits.detail.promised', { count: claim.promisedWorkingDays })}
            </span>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('benefits.fields.expectedAmount')}>
          {text.money(claim.expectedAmount)}
        </Descriptions.Item>
        <Descriptions.Item label={t('benefits.fields.approvedAmount')}>
          {text.money(claim.approvedAmount)}
        </Descriptions.Item>
        <Descriptions.Item label={t('benefits.fields.payout')}>
          {claim.payout
            ? t('benefits.detail.paidLine', {
                amount: text.money(claim.payout.amount),
                paidOn: claim.payout.paidOn,
              })
            : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('settlementAccount.staff.accountLabel')} span={2}>
          <PayoutAccount claim={claim} />
        </Descriptions.Item>
        <Descriptions.Item label={t('benefits.fields.rating')}>
          {claim.rating ? text.level(claim.rating.level) : '—'}
        </Descriptions.Item>
        {claim.statusReason ? (
          <Descriptions.Item label={t('benefits.fields.reason')} span={2}>
            {claim.statusReason}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
    </Card>
  )
}

/**
 * Where the money went (the copy the payout kept) or would go now (the enterprise's account), masked;
 * the paying department downloads the whole number with the payout ledger.
 */
function PayoutAccount({ claim }: { claim: ClaimDetail }) {
  const { t } = useBenefitText()
  const { me } = useSession()
  const paid = claim.payout?.account
  if (paid)
    return (
      <>
        {t('settlementAccount.staff.paidTo', {
          name: paid.accountName,
          bank: paid.bankName,
          number: paid.accountNumberMasked,
          version: paid.version,
        })}
        {hasStaffRole(me, 'handler', 'department_head') ? (
          <>
            {' '}
            <Typography.Link href={payoutLedgerUrl({ claimId: claim.id })} download>
              {t('settlementAccount.staff.ledger')}
            </Typography.Link>
          </>
        ) : null}
      </>
    )
  if (claim.payout) return <>{t('settlementAccount.staff.notRecorded')}</>
  const current = claim.settlementAccount.account
  if (!current || claim.settlementAccount.problem)
    return (
      <Typography.Text type="danger">
        {t(
          claim.settlementAccount.problem === 'name_mismatch'
            ? 'settlementAccount.staff.nameMismatch'
            : 'settlementAccount.staff.missing',
        )}
      </Typography.Text>
    )
  return (
    <>
      {t('settlementAccount.staff.willPayTo', {
        name: current.accountName,
        bank: current.bankName,
        number: current.accountNumberMasked,
        version: current.version,
      })}
    </>
  )
}

/** The handler's recommendation (staff only) and the decision, each with its amount and reason. */
function ReviewCard({ claim }: { claim: ClaimDetail }) {
  const text = useBenefitText()
  const { t } = text
  if (!claim.recommendation && !claim.decision) return null
  const line = (v: { approve: boolean; amount: number | null; at: string }, note: string | null) => (
    <>
      <div>
        <strong>
          {v.approve ? t('benefits.staff.form.recommendApprove') : t('benefits.staff.form.recommendReject')}
        </strong>
        {v.amount !== null ? ` · ${text.money(v.amount)}` : ''}
      </div>
      <div className="s-small s-muted">{formatDateTime(v.at, text.language)}</div>
      {note ? <div className="s-note">{note}</div> : null}
    </>
  )
  return (
    <Card title={<h2 className="s-card-title">{t('benefits.staff.review')}</h2>}>
      <Descriptions column={1} size="small">
        {claim.recommendation ? (
          <Descriptions.Item label={t('benefits.staff.recommendation')}>
            <div>{line(claim.recommendation, claim.recommendation.note)}</div>
          </Descriptions.Item>
        ) : null}
        {claim.decision ? (
          <Descriptions.Item label={t('benefits.staff.decision')}>
            <div>{line(claim.decision, claim.decision.reason)}</div>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
    </Card>
  )
}

function BudgetCard({ budget }: { budget: NonNullable<ClaimDetail['budget']> }) {
  const text = useBenefitText()
  const { t } = text
  return (
    <Card title={<h2 className="s-card-title">{t('benefits.staff.budget')}</h2>}>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('benefits.staff.budgetCap')}>
          {budget.cap === null ? t('benefits.staff.noCap') : text.money(budget.cap)}
        </Descriptions.Item>
        <Descriptions.Item label={t('benefits.staff.budgetUsed')}>
          {text.money(budget.used)}
        </Descriptions.Item>
        {budget.remaining !== null ? (
          <Descriptions.Item label={t('benefits.staff.budgetRemaining')}>
            {text.money(budget.remaining)}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
    </Card>
  )
}
