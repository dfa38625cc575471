import { PlusOutlined } from '@ant-design/icons'
import {
  Alert,
  App,
  Button,
  Checkbox,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  Modal,
  Radio,
  Space,
  Table,
  Tabs,
  Tag,
} from 'antd'
import type { ColumnsType } from 'antd/es/table'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'
import { errorMessage } from '../../../app/api'
import { paths } from '../../../app/routes'
import { hasStaffRole, useSession } from '../../../app/session'
import { cityToday, formatDateTime } from '../../../ui/format'
import { PageHeader } from '../../../ui/staff/PageHeader'
import { useLoad } from '../../../ui/use-load'
import {
  commitmentsApi,
  formatFen,
  yuanToFen,
  type Commitment,
  type CommitmentSummary,
  type Complaint,
} from '../commitments.api'
import { RepaymentPlanForm } from './RepaymentPlanForm'

const STATE_COLORS = { open: 'blue', overdue: 'red', rescheduled: 'orange', settled: 'green' } as const
const COMPLAINT_COLORS = {
  submitted: 'blue',
  not_founded: 'default',
  rectified: 'green',
  breach: 'red',
} as const

/**
 * `/staff/commitments`: the ledger of the government's word in the console. The bureau sees every
 * commitment and verifies complaints; a unit's handlers and heads see what their role owns and
 * record payments (with the overdue interest) and promises kept; both register commitments
 * (NewCommitmentPage) and agree repayment plans for overdue payables. `?open=<id>` opens one
 * commitment's drawer (where a registration lands). The server decides who sees what.
 */
export function CommitmentsPage() {
  const { t, i18n } = useTranslation()
  const { me } = useSession()
  const isBureau = hasStaffRole(me, 'dispatcher', 'bureau_leader')
  const [reload, setReload] = useState(0)
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  const openId = params.get('open') ?? undefined
  const setOpenId = (id: string | undefined) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current)
        if (id) next.set('open', id)
        else next.delete('open')
        return next
      },
      { replace: true },
    )
  const [verifying, setVerifying] = useState<Complaint>()
  const list = useLoad(() => commitmentsApi.list(), [reload, i18n.language])
  const complaints = useLoad(
    () => (isBureau ? commitmentsApi.complaints() : Promise.resolve({ items: [] as Complaint[] })),
    [reload, isBureau, i18n.language],
  )
  const money = (fen: number | null) => formatFen(fen, i18n.language)
  const tx = t as unknown as (key: string) => string

  const columns: ColumnsType<CommitmentSummary> = [
    { title: t('commitments.fields.number'), dataIndex: 'number', width: 120 },
    {
      title: t('commitments.fields.title'),
      dataIndex: 'title',
      width: 260,
      render: (title: string, row) => (
        <Button
          type="link"
          style={{ padding: 0, whiteSpace: 'normal', textAlign: 'left' }}
          onClick={() => setOpenId(row.id)}
        >
          {title}
        </Button>
      ),
    },
    {
      title: t('commitments.fields.kind'),
      dataIndex: 'kind',
      width: 110,
      render: (k: string) => tx(`commitments.kinds.${k}`),
    },
    { title: t('commitments.fields.unit'), dataIndex: 'departmentName', width: 170 },
    { title: t('commitments.fields.enterprise'), dataIndex: 'enterpriseName', width: 170 },
    { title: t('commitments.fields.due'), dataIndex: 'dueOn', width: 110 },
    {
      title: t('commitments.fields.outstandingShort'),
      dataIndex: 'outstandingFen',
      width: 130,
      render: (v: number, r) => (r.amountFen === null ? '—' : money(v)),
    },
    {
      title: t('commitments.fields.interestDueShort'),
      dataIndex: 'interestDueFen',
      width: 120,
      render: (v: number) => (v ? money(v) : '—'),
    },
    {
      title: t('commitments.fields.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: CommitmentSummary['status'], r) => (
        <>
          <Tag color={STATE_COLORS[s]}>{tx(`commitments.states.${s}`)}</Tag>
          {r.isSecondBreach ? <Tag color="magenta">{t('commitments.detail.secondBreach')}</Tag> : null}
        </>
      ),
    },
  ]

  const complaintColumns: ColumnsType<Complaint> = [
    { title: t('commitments.fields.number'), dataIndex: 'commitmentNumber', width: 120 },
    { title: t('commitments.fields.title'), dataIndex: 'commitmentTitle', width: 220 },
    { title: t('commitments.complaint.text'), dataIndex: 'text' },
    {
      title: t('commitments.complaint.verifyByShort'),
      dataIndex: 'verifyBy',
      width: 150,
      render: (v: string, r) => (
        <span style={{ color: r.isOverdue ? 'red' : undefined }}>{formatDateTime(v, i18n.language)}</span>
      ),
    },
    {
      title: t('commitments.fields.status'),
      dataIndex: 'status',
      width: 150,
      render: (s: Complaint['status'], r) =>
        s === 'submitted' ? (
          <Button type="primary" onClick={() => setVerifying(r)}>
            {t('commitments.complaint.verify')}
          </Button>
        ) : (
          <Tag color={COMPLAINT_COLORS[s]}>{tx(`commitments.complaint.states.${s}`)}</Tag>
        ),
    },
  ]

  const ledger = list.error ? (
    <Alert type="error" message={errorMessage(list.error, t('errors.loadFailed'))} />
  ) : (
    <Table
      rowKey="id"
      columns={columns}
      dataSource={list.data?.items}
      loading={!list.data}
      pagination={{ pageSize: 20 }}
      scroll={{ x: 1400 }}
    />
  )
  return (
    <>
      <PageHeader
        title={t('commitments.staff.title')}
        subtitle={t('commitments.staff.subtitle')}
        extra={
          <Space size="middle">
            <a href={`/commitments/publications`} target="_blank" rel="noreferrer">
              {t('commitments.publication.link')}
            </a>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => void navigate(paths.staffNewCommitment)}
            >
              {t('commitments.staff.register')}
            </Button>
          </Space>
        }
      />
      {isBureau ? (
        <Tabs
          items={[
            { key: 'ledger', label: t('commitments.staff.ledger'), children: ledger },
            {
              key: 'complaints',
              label: t('commitments.staff.complaints'),
              children: complaints.error ? (
                <Alert type="error" message={errorMessage(complaints.error, t('errors.loadFailed'))} />
              ) : (
                <Table
                  rowKey="id"
                  columns={complaintColumns}
                  dataSource={complaints.data?.items}
                  loading={!complaints.data}
                />
              ),
            },
          ]}
        />
      ) : (
        ledger
      )}
      {openId ? (
        <CommitmentDrawer
          id={openId}
          onClose={() => setOpenId(undefined)}
          onOpen={setOpenId}
          onChanged={() => setReload((n) => n + 1)}
        />
      ) : null}
      {verifying ? (
        <VerifyModal
          complaint={verifying}
          onClose={() => setVerifying(undefined)}
          onDone={() => {
            setVerifying(undefined)
            setReload((n) => n + 1)
          }}
        />
      ) : null}
    </>
  )
}

function CommitmentDrawer({
  id,
  onClose,
  onOpen,
  onChanged,
}: {
  id: string
  onClose: () => void
  /** opens another commitment (an instalment, or the payable an instalment belongs to) */
  onOpen: (id: string) => void
  onChanged: () => void
}) {
  const { t, i18n } = useTranslation()
  const [reload, setReload] = useState(0)
  const loaded = useLoad(() => commitmentsApi.get(id), [id, reload, i18n.language])
  const c = loaded.data
  const money = (fen: number | null) => formatFen(fen, i18n.language)
  const changed = () => {
    setReload((n) => n + 1)
    onChanged()
  }
  return (
    <Drawer open width={720} title={c ? `${c.number} ${c.title}` : t('common.loading')} onClose={onClose}>
      {loaded.error ? (
        <Alert type="error" message={errorMessage(loaded.error, t('errors.loadFailed'))} />
      ) : null}
      {c ? (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('commitments.fields.unit')}>
              {c.departmentName}（{t(`commitments.roles.${c.ownerRole}`)}）
            </Descriptions.Item>
            <Descriptions.Item label={t('commitments.fields.enterprise')}>
              {c.enterpriseName}
            </Descriptions.Item>
            <Descriptions.Item label={t('commitments.detail.obligation')}>{c.obligation}</Descriptions.Item>
            <Descriptions.Item label={t('commitments.fields.status')}>
              <Tag color={STATE_COLORS[c.status]}>{t(`commitments.states.${c.status}`)}</Tag>
              {c.isSecondBreach ? <Tag color="magenta">{t('commitments.detail.secondBreach')}</Tag> : null}
              {c.parentId ? (
                <Button type="link" size="small" onClick={() => onOpen(c.parentId!)}>
                  {t('commitments.plan.parent')}
                </Button>
              ) : null}
            </Descriptions.Item>
            <Descriptions.Item label={t('commitments.detail.dueOn')}>{c.dueOn}</Descriptions.Item>
            {c.amountFen !== null ? (
              <>
                <Descriptions.Item label={t('commitments.detail.amount')}>
                  {money(c.amountFen)}
                </Descriptions.Item>
                <Descriptions.Item label={t('commitments.detail.outstanding')}>
                  {money(c.outstandingFen)}
                </Descriptions.Item>
                <Descriptions.Item label={t('commitments.detail.interest')}>
                  {money(c.interestFen)}
                </Descriptions.Item>
                <Descriptions.Item label={t('commitments.detail.interestDue')}>
                  {money(c.interestDueFen)}
                </Descriptions.Item>
              </>
            ) : null}
          </Descriptions>
          {c.instalments.length ? (
            <>
              <h3 style={{ marginTop: 24 }}>{t('commitments.plan.instalments')}</h3>
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={c.instalments}
                columns={[
                  {
                    title: t('commitments.fields.number'),
                    dataIndex: 'number',
                    render: (number: string, row) => (
                      <Button type="link" style={{ padding: 0 }} onClick={() => onOpen(row.id)}>
                        {number}
                      </Button>
                    ),
                  },
                  { title: t('commitments.fields.due'), dataIndex: 'dueOn' },
                  {
                    title: t('commitments.plan.instalmentAmount'),
                    dataIndex: 'amountFen',
                    align: 'right',
                    render: (v: number | null) => money(v),
                  },
                  {
                    title: t('commitments.fields.outstandingShort'),
                    dataIndex: 'outstandingFen',
                    align: 'right',
                    render: (v: number) => money(v),
                  },
                  {
                    title: t('commitments.fields.status'),
                    dataIndex: 'status',
                    render: (s: CommitmentSummary['status'], r) => (
                      <>
                        <Tag color={STATE_COLORS[s]}>{t(`commitments.states.${s}`)}</Tag>
                        {r.isSecondBreach ? (
                          <Tag color="magenta">{t('commitments.detail.secondBreach')}</Tag>
                        ) : null}
                      </>
                    ),
                  },
                ]}
              />
            </>
          ) : null}
          {c.actions.includes('reschedule') ? <RepaymentPlanForm commitment={c} onDone={changed} /> : null}
          {c.actions.includes('pay') ? <PaymentForm commitment={c} onDone={changed} /> : null}
          {c.actions.includes('fulfil') ? <FulfilForm commitment={c} onDone={changed} /> : null}
          <h3 style={{ marginTop: 24 }}>{t('commitments.detail.timeline')}</h3>
          <ul>
            {c.timeline.map((e, n) => (
              <li key={n}>
                {formatDateTime(e.at, i18n.language)}{' '}
                {t(`commitments.events.${e.type}`, { defaultValue: e.type })}
                {e.note ? `：${e.note}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Drawer>
  )
}

function PaymentForm({ commitment, onDone }: { commitment: Commitment; onDone: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm()
  const [sending, setSending] = useState(false)
  const toYuan = (fen: number) => `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`
  const submit = async (values: { paidOn: Dayjs; principal: string; interest: string }) => {
    const principalFen = yuanToFen(values.principal)
    const interestFen = yuanToFen(values.interest)
    if (principalFen === null || interestFen === null) {
      message.error(t('commitments.pay.badAmount'))
      return
    }
    setSending(true)
    try {
      await commitmentsApi.pay(commitment.id, {
        version: commitment.version,
        paidOn: values.paidOn.format('YYYY-MM-DD'),
        principalFen,
        interestFen,
      })
      message.success(t('commitments.pay.done'))
      onDone()
    } catch (error) {
      message.error(errorMessage(error, t('errors.generic')))
    } finally {
      setSending(false)
    }
  }
  return (
    <Form
      form={form}
      layout="vertical"
      style={{ marginTop: 24 }}
      initialValues={{
        // the console's days are ISO on antd's picker (the browser's own date input follows the machine's locale)
        paidOn: dayjs(cityToday()),
        principal: toYuan(commitment.outstandingFen),
        interest: toYuan(commitment.interestDueFen),
      }}
      onFinish={(v) => void submit(v)}
    >
      <h3>{t('commitments.pay.title')}</h3>
      <Form.Item name="paidOn" label={t('commitments.pay.paidOn')} rules={[{ required: true }]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="principal" label={t('commitments.pay.principal')} rules={[{ required: true }]}>
        <Input inputMode="decimal" />
      </Form.Item>
      <Form.Item
        name="interest"
        label={t('commitments.pay.interest')}
        extra={t('commitments.pay.interestHint')}
        rules={[{ required: true }]}
      >
        <Input inputMode="decimal" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={sending}>
        {t('commitments.pay.submit')}
      </Button>
    </Form>
  )
}

function FulfilForm({ commitment, onDone }: { commitment: Commitment; onDone: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [sending, setSending] = useState(false)
  const submit = async (values: { note: string }) => {
    setSending(true)
    try {
      await commitmentsApi.fulfil(commitment.id, { version: commitment.version, note: values.note })
      message.success(t('commitments.fulfil.done'))
      onDone()
    } catch (error) {
      message.error(errorMessage(error, t('errors.generic')))
    } finally {
      setSending(false)
    }
  }
  return (
    <Form layout="vertical" style={{ marginTop: 24 }} onFinish={(v) => void submit(v)}>
      <h3>{t('commitments.fulfil.title')}</h3>
      <Form.Item name="note" label={t('commitments.fulfil.note')} rules={[{ required: true }]}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={sending}>
        {t('commitments.fulfil.submit')}
      </Button>
    </Form>
  )
}

function VerifyModal({
  complaint,
  onClose,
  onDone,
}: {
  complaint: Complaint
  onClose: () => void
  onDone: () => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm()
  const [sending, setSending] = useState(false)
  const outcome = Form.useWatch('outcome', form)
  const submit = async () => {
    const values = (await form.validateFields()) as {
      outcome: 'not_founded' | 'rectified' | 'breach'
      explanation: string
      refusedToRectify?: boolean
    }
    setSending(true)
    try {
      await commitmentsApi.verify(complaint.id, { version: complaint.version, ...values })
      message.success(t('commitments.complaint.verified'))
      onDone()
    } catch (error) {
      message.error(errorMessage(error, t('errors.generic')))
    } finally {
      setSending(false)
    }
  }
  return (
    <Modal
      open
      title={t('commitments.complaint.verifyTitle', { number: complaint.commitmentNumber })}
      okText={t('commitments.complaint.verify')}
      confirmLoading={sending}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <p>{complaint.text}</p>
      <Form form={form} layout="vertical" initialValues={{ outcome: 'rectified' }}>
        <Form.Item name="outcome" label={t('commitments.complaint.outcome')} rules={[{ required: true }]}>
          <Radio.Group>
            <Radio value="not_founded">{t('commitments.complaint.states.not_founded')}</Radio>
            <Radio value="rectified">{t('commitments.complaint.states.rectified')}</Radio>
            <Radio value="breach">{t('commitments.complaint.states.breach')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="explanation"
          label={t('commitments.complaint.explanation')}
          rules={[{ required: true }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        {outcome === 'breach' ? (
          <Form.Item name="refusedToRectify" valuePropName="checked">
            <Checkbox>{t('commitments.complaint.refusedToRectify')}</Checkbox>
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  )
}
