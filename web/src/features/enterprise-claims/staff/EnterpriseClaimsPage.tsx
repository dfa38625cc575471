import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Modal,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { errorMessage } from '../../../app/api'
import { hasStaffRole, useSession } from '../../../app/session'
import { showApiErrorOnForm } from '../../../ui/form-errors'
import { formatDateTime } from '../../../ui/format'
import { EmptyText } from '../../../ui/staff/EmptyText'
import { PageHeader } from '../../../ui/staff/PageHeader'
import { useLoad } from '../../../ui/use-load'
import { claimFileUrl, enterpriseClaimsApi, type ClaimReview, type Dispute } from '../enterprise-claims.api'
import { fieldMessage } from '../../../ui/field-message'

type Tab = 'reviews' | 'disputes'
const VERDICT_COLORS: Record<string, string> = { match: 'green', mismatch: 'red', unavailable: 'default' }

/**
 * `/staff/enterprise-claims`: the task force checks claims by business licence (with what the identity
 * verifier answered and what the market-regulation registry says) and looks into "this is not my
 * company" disputes. The bureau's leaders read both.
 */
export function EnterpriseClaimsPage() {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const tab: Tab = params.get('tab') === 'disputes' ? 'disputes' : 'reviews'
  return (
    <>
      <PageHeader title={t('enterpriseClaims.staff.title')} subtitle={t('enterpriseClaims.staff.subtitle')} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key })}
        items={[
          { key: 'reviews', label: t('enterpriseClaims.staff.reviews'), children: <Reviews /> },
          { key: 'disputes', label: t('enterpriseClaims.staff.disputes'), children: <Disputes /> },
        ]}
      />
    </>
  )
}

function Reviews() {
  const { t, i18n } = useTranslation()
  const tx = t as unknown as (key: string, params?: Record<string, unknown>) => string
  const { me } = useSession()
  const { message } = App.useApp()
  const [status, setStatus] = useState<'pending' | 'approved' | 'rejected'>('pending')
  const list = useLoad(() => enterpriseClaimsApi.reviews(status), [status, i18n.language])
  const [deciding, setDeciding] = useState<{ claim: ClaimReview; approve: boolean }>()
  const canDecide = hasStaffRole(me, 'dispatcher')
  const verdict = (v: { verdict: string; detail: string }) => (
    <Space size={4} wrap>
      <Tag color={VERDICT_COLORS[v.verdict] ?? 'default'}>
        {tx(`enterpriseClaims.staff.verdicts.${v.verdict}`)}
      </Tag>
      <Typography.Text type="secondary">{v.detail}</Typography.Text>
    </Space>
  )
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Tabs
        size="small"
        activeKey={status}
        onChange={(key) => setStatus(key as typeof status)}
        items={(['pending', 'approved', 'rejected'] as const).map((s) => ({
          key: s,
          label: tx(`enterpriseClaims.status.${s}`),
        }))}
      />
      {list.error ? (
        <Alert type="error" showIcon title={errorMessage(list.error, t('errors.loadFailed'))} />
      ) : null}
      {list.data && !list.data.items.length ? (
        <EmptyText>{t('enterpriseClaims.staff.noReviews')}</EmptyText>
      ) : null}
      {(list.data?.items ?? []).map((claim) => (
        <Card
          key={claim.id}
          title={<h2 className="s-card-title">{claim.enterpriseName}</h2>}
          extra={
            <Typography.Text type="secondary">
              {formatDateTime(claim.createdAt, i18n.language)}
            </Typography.Text>
          }
        >
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label={t('enterpriseClaims.claimantName')}>
              {claim.claimantName ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('enterpriseClaims.staff.phone')}>
              {claim.claimantPhone}
            </Descriptions.Item>
            <Descriptions.Item label={t('enterpriseClaims.idNumber')}>
              <span className="s-mono">{claim.idNumberMasked ?? '—'}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('enterpriseClaims.staff.registry')}>
              {claim.registry
                ? t('enterpriseClaims.staff.registryLine', {
                    name: claim.registry.name,
                    person: claim.registry.legalRepresentative,
                  })
                : t('enterpriseClaims.staff.noRegistry')}
            </Descriptions.Item>
            {claim.identityCheck ? (
              <>
                <Descriptions.Item label={t('enterpriseClaims.staff.personCheck')} span={2}>
                  {verdict(claim.identityCheck.person)}
                </Descriptions.Item>
                <Descriptions.Item label={t('enterpriseClaims.staff.licenceCheck')} span={2}>
                  {verdict(claim.identityCheck.licenceHolder)}
                </Descriptions.Item>
              </>
            ) : null}
            <Descriptions.Item label={t('enterpriseClaims.licence')}>
              {claim.licenceFile ? (
                <a href={claimFileUrl(claim.licenceFile.id)} download={claim.licenceFile.fileName}>
                  {claim.licenceFile.fileName}
                </a>
              ) : (
                '—'
              )}
            </Descriptions.Item>
            {claim.note ? (
              <Descriptions.Item label={t('enterpriseClaims.note')}>{claim.note}</Descriptions.Item>
            ) : null}
            {claim.decisionNote ? (
              <Descriptions.Item label={t('enterpriseClaims.staff.decisionNote')}>
                {claim.decisionNote}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          {canDecide && claim.status === 'pending' ? (
            <Space style={{ marginTop: 12 }}>
              <Button type="primary" onClick={() => setDeciding({ claim, approve: true })}>
                {t('enterpriseClaims.staff.approve')}
              </Button>
              <Button danger onClick={() => setDeciding({ claim, approve: false })}>
                {t('enterpriseClaims.staff.refuse')}
              </Button>
            </Space>
          ) : null}
        </Card>
      ))}
      {deciding ? (
        <DecisionModal
          claim={deciding.claim}
          approve={deciding.approve}
          onClose={() => setDeciding(undefined)}
          onDone={() => {
            setDeciding(undefined)
            void message.success(t('enterpriseClaims.staff.decided'))
            list.reload()
          }}
        />
      ) : null}
    </Space>
  )
}

function DecisionModal({
  claim,
  approve,
  onClose,
  onDone,
}: {
  claim: ClaimReview
  approve: boolean
  onClose: () => void
  onDone: () => void
}) {
  const { t } = useTranslation()
  const [form] = Form.useForm<{ note?: string }>()
  const [banner, setBanner] = useState<string>()
  const [isBusy, setBusy] = useState(false)
  const submit = async (values: { note?: string }) => {
    setBusy(true)
    setBanner(undefined)
    try {
      const note = values.note?.trim()
      await enterpriseClaimsApi.decide(claim.id, { approve, ...(note ? { note } : {}) })
      onDone()
    } catch (error) {
      setBanner(showApiErrorOnForm(form, error, ['note'], errorMessage(error, t('errors.generic'))))
    } finally {
      setBusy(false)
    }
  }
  const label = approve ? t('enterpriseClaims.staff.approve') : t('enterpriseClaims.staff.refuse')
  return (
    <Modal
      open
      title={`${label} · ${claim.enterpriseName}`}
      okText={label}
      okButtonProps={{ danger: !approve }}
      cancelText={t('common.cancel')}
      confirmLoading={isBusy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {approve ? t('enterpriseClaims.staff.approveHelp') : t('enterpriseClaims.staff.refuseHelp')}
      </Typography.Paragraph>
      {banner ? (
        <Alert type="error" showIcon title={banner} role="alert" style={{ marginBottom: 16 }} />
      ) : null}
      <Form form={form} name="claim-decision" layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="note"
          label={t('enterpriseClaims.staff.decisionNote')}
          extra={t('enterpriseClaims.staff.noteToClaimant')}
          rules={approve ? [] : [{ required: true, message: fieldMessage('fields.required') }]}
        >
          <Input.TextArea rows={3} maxLength={300} showCount />
        </Form.Item>
      </Form>
    </Modal>
  )
}

function Disputes() {
  const { t, i18n } = useTranslation()
  const { me } = useSession()
  const { message } = App.useApp()
  const [status, setStatus] = useState<'open' | 'resolved'>('open')
  const list = useLoad(() => enterpriseClaimsApi.disputes(status), [status, i18n.language])
  const [resolving, setResolving] = useState<Dispute>()
  const canResolve = hasStaffRole(me, 'dispatcher')
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Tabs
        size="small"
        activeKey={status}
        onChange={(key) => setStatus(key as typeof status)}
        items={[
          { key: 'open', label: t('enterpriseClaims.staff.open') },
          { key: 'resolved', label: t('enterpriseClaims.staff.resolved') },
        ]}
      />
      {list.error ? (
        <Alert type="error" showIcon title={errorMessage(list.error, t('errors.loadFailed'))} />
      ) : null}
      <Table<Dispute>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: <EmptyText>{t('enterpriseClaims.staff.noDisputes')}</EmptyText> }}
        columns={[
          {
            title: t('enterpriseClaims.staff.enterprise'),
            key: 'enterprise',
            render: (_: unknown, d) => (
              <div>
                <strong>{d.enterpriseName}</strong>
                <div className="s-mono">{d.enterpriseUscc}</div>
              </div>
            ),
          },
          { title: t('enterpriseClaims.dispute.reason'), dataIndex: 'reason' },
          {
            title: t('enterpriseClaims.staff.reporter'),
            key: 'reporter',
            render: (_: unknown, d) => (
              <div>
                {d.reporterPhone}
                {d.contactPhone ? <div className="s-small">{d.contactPhone}</div> : null}
              </div>
            ),
          },
          {
            title: t('enterpriseClaims.staff.filedAt'),
            dataIndex: 'createdAt',
            width: 170,
            render: (v: string) => formatDateTime(v, i18n.language),
          },
          status === 'resolved'
            ? { title: t('enterpriseClaims.staff.resolution'), dataIndex: 'resolution' }
            : {
                title: t('enterpriseClaims.staff.action'),
                key: 'action',
                width: 120,
                render: (_: unknown, d) =>
                  canResolve ? (
                    <Button size="small" type="primary" onClick={() => setResolving(d)}>
                      {t('enterpriseClaims.staff.resolve')}
                    </Button>
                  ) : null,
              },
        ]}
      />
      {resolving ? (
        <ResolveModal
          dispute={resolving}
          onClose={() => setResolving(undefined)}
          onDone={() => {
            setResolving(undefined)
            void message.success(t('enterpriseClaims.staff.resolvedDone'))
            list.reload()
          }}
        />
      ) : null}
    </Space>
  )
}

function ResolveModal({
  dispute,
  onClose,
  onDone,
}: {
  dispute: Dispute
  onClose: () => void
  onDone: () => void
}) {
  const { t } = useTranslation()
  const [form] = Form.useForm<{ resolution: string }>()
  const [banner, setBanner] = useState<string>()
  const [isBusy, setBusy] = useState(false)
  const submit = async (values: { resolution: string }) => {
    setBusy(true)
    setBanner(undefined)
    try {
      await enterpriseClaimsApi.resolveDispute(dispute.id, values.resolution.trim())
      onDone()
    } catch (error) {
      setBanner(showApiErrorOnForm(form, error, ['resolution'], errorMessage(error, t('errors.generic'))))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Modal
      open
      title={`${t('enterpriseClaims.staff.resolve')} · ${dispute.enterpriseName}`}
      okText={t('enterpriseClaims.staff.resolve')}
      cancelText={t('common.cancel')}
      confirmLoading={isBusy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {banner ? (
        <Alert type="error" showIcon title={banner} role="alert" style={{ marginBottom: 16 }} />
      ) : null}
      <Form form={form} name="dispute-resolve" layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="resolution"
          label={t('enterpriseClaims.staff.resolution')}
          extra={t('enterpriseClaims.staff.resolutionHelp')}
          rules={[{ required: true, message: fieldMessage('fields.required') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  )
}
