import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Drawer,
  Form,
  Input,
  Modal,
  Space,
  Table,
  Tabs,
  Tag,
} from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { errorMessage } from '../../../app/api'
import { formatDateTime } from '../../../ui/format'
import { PageHeader } from '../../../ui/staff/PageHeader'
import { useLoad } from '../../../ui/use-load'
import {
  reportsApi,
  type Report,
  type ReportMove,
  type Reporter,
  type ReportSummary,
} from '../misconduct-reports.api'
import { fieldMessage } from '../../../ui/field-message'

const PAGE_SIZE = 20
const VIEWS = ['received', 'overdue', 'accepted', 'investigating', 'closed', 'all'] as const
type View = (typeof VIEWS)[number]

/** Which moves the report offers in each state, and the fields each asks for. */
const MOVES: Record<Report['status'], ReportMove[]> = {
  received: ['accept', 'not-accept', 'transfer'],
  accepted: ['investigate', 'transfer'],
  investigating: ['findings', 'close', 'supervision', 'exposure-proposal'],
  closed: ['result-notice', 'supervision', 'exposure-proposal'],
  not_accepted: [],
  transferred: [],
}
const FIELDS: Record<ReportMove, string[]> = {
  accept: ['message'],
  'not-accept': ['reason', 'message'],
  transfer: ['organ', 'reason', 'message', 'shareReporter'],
  investigate: [],
  findings: ['findings'],
  close: ['result', 'message'],
  'result-notice': ['message'],
  supervision: [],
  'exposure-proposal': ['unitName', 'title', 'conduct'],
}
const REQUIRED = new Set(['reason', 'organ', 'findings', 'result', 'unitName', 'title', 'conduct'])

/**
 * `/staff/misconduct-reports`: discipline inspection's reports (投诉举报) — the list with the rules'
 * clocks, and each report's text, evidence, timeline and moves. The reporter is sealed: opening it is
 * a separate, recorded step.
 */
export function ReportsPage() {
  const { t, i18n } = useTranslation()
  const tx = t as unknown as (key: string, params?: Record<string, unknown>) => string
  const [params, setParams] = useSearchParams()
  const requested = (params.get('overdue') === 'true' ? 'overdue' : params.get('status')) as View | null
  const view: View = requested && VIEWS.includes(requested) ? requested : 'received'
  const page = Math.max(1, Number(params.get('page')) || 1)
  const [openId, setOpenId] = useState<string>()
  const [reload, setReload] = useState(0)

  const list = useLoad(
    () =>
      reportsApi.list({
        status: view === 'all' || view === 'overdue' ? undefined : (view as Report['status']),
        overdue: view === 'overdue' ? 'true' : undefined,
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      }),
    [view, page, reload, i18n.language],
  )

  const columns: ColumnsType<ReportSummary> = [
    {
      title: t('reports.fields.number'),
      dataIndex: 'number',
      width: 150,
      render: (number: string, row) => (
        <Button type="link" className="s-mono" style={{ padding: 0 }} onClick={() => setOpenId(row.id)}>
          {number}
        </Button>
      ),
    },
    {
      title: t('reports.fields.area'),
      dataIndex: 'area',
      width: 120,
      render: (a: string) => tx(`reports.areas.${a}`),
    },
    {
      title: t('reports.fields.accusedUnit'),
      key: 'unit',
      render: (_: unknown, row) => row.accusedDepartmentName ?? row.accusedUnit ?? '—',
    },
    {
      title: t('reports.fields.kind'),
      dataIndex: 'isAnonymous',
      width: 90,
      render: (anonymous: boolean) => (anonymous ? t('reports.public.anonymous') : t('reports.public.named')),
    },
    {
      title: t('reports.fields.filedAt'),
      dataIndex: 'filedAt',
      width: 150,
      render: (at: string) => formatDateTime(at, i18n.language),
    },
    {
      title: t('reports.fields.status'),
      key: 'status',
      width: 200,
      render: (_: unknown, row) => <StatusTags report={row} />,
    },
  ]

  return (
    <>
      <PageHeader title={t('reports.staff.title')} subtitle={t('reports.staff.subtitle')} />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={view}
          onChange={(key) => setParams(key === 'overdue' ? { overdue: 'true' } : { status: key })}
          items={VIEWS.map((v) => ({ key: v, label: tx(`reports.views.${v}`) }))}
        />
        {list.error ? (
          <Alert type="error" showIcon title={errorMessage(list.error, t('errors.loadFailed'))} />
        ) : null}
        <Table
          rowKey="id"
          size="middle"
          loading={!list.data && !list.error}
          columns={columns}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 900 }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            onChange: (p) => {
              const next = new URLSearchParams(params)
              next.set('page', String(p))
              setParams(next)
            },
          }}
        />
      </Card>
      {openId ? (
        <ReportDrawer
          id={openId}
          onClose={() => setOpenId(undefined)}
          onChanged={() => setReload((n) => n + 1)}
        />
      ) : null}
    </>
  )
}

function StatusTags({ report }: { report: ReportSummary }) {
  const { t, i18n } = useTranslation()
  const tx = t as unknown as (key: string, params?: Record<string, unknown>) => string
  return (
    <Space direction="vertical" size={2}>
      <Tag>{tx(`reports.statuses.${report.status}`)}</Tag>
      {report.clocks
        .filter((c) => !c.doneAt || c.isOverdue)
        .map((c) => (
          <span key={c.kind} className="s-small" style={{ color: c.isOverdue ? '#cf1322' : undefined }}>
            {tx(`reports.clocks.${c.kind}`, { at: formatDateTime(c.dueAt, i18n.language) })}
            {c.isOverdue ? ` · ${t('reports.overdue')}` : ''}
          </span>
        ))}
    </Space>
  )
}

function ReportDrawer({
  id,
  onClose,
  onChanged,
}: {
  id: string
  onClose: () => void
  onChanged: () => void
}) {
  const { t, i18n } = useTranslation()
  const tx = t as unknown as (key: string, params?: Record<string, unknown>) => string
  const { message } = App.useApp()
  const [version, setVersion] = useState(0)
  const report = useLoad(() => reportsApi.get(id), [id, version, i18n.language])
  const [moving, setMoving] = useState<ReportMove>()
  const [reporter, setReporter] = useState<Reporter>()
  const r = report.data

  const reveal = async () => {
    try {
      setReporter(await reportsApi.revealReporter(id))
    } catch (error) {
      void message.error(errorMessage(error, t('errors.loadFailed')))
    }
  }

  return (
    <Drawer
      open
      width={720}
      onClose={onClose}
      title={r ? `${r.number} · ${tx(`reports.areas.${r.area}`)}` : ''}
    >
      {report.error ? (
        <Alert type="error" showIcon title={errorMessage(report.error, t('errors.loadFailed'))} />
      ) : null}
      {r ? (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('reports.fields.status')}>
              <StatusTags report={r} />
            </Descriptions.Item>
            <Descriptions.Item label={t('reports.fields.accusedUnit')}>
              {r.accusedDepartmentName ?? r.accusedUnit ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('reports.fields.accusedPerson')}>
              {r.accusedPerson ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('reports.fields.text')}>
              <div style={{ whiteSpace: 'pre-wrap' }}>{r.text}</div>
            </Descriptions.Item>
            <Descriptions.Item label={t('reports.public.evidence')}>
              {r.evidence.length
                ? r.evidence.map((e) => (
                    <div key={e.id}>
                      <a href={reportsApi.evidenceUrl(r.id, e.id)}>{e.fileName}</a>
                    </div>
                  ))
                : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('reports.fields.reporter')}>
              {r.isAnonymous ? (
                t('reports.public.anonymous')
              ) : reporter ? (
                <span data-testid="reporter">
                  {reporter.name} · {reporter.phone}
                  {reporter.contact ? ` · ${reporter.contact}` : ''} ·{' '}
                  {reporter.consentsToNaming ? t('reports.staff.consents') : t('reports.staff.noConsent')}
                </span>
              ) : (
                <Button size="small" onClick={() => void reveal()}>
                  {t('reports.staff.reveal')}
                </Button>
              )}
            </Descriptions.Item>
            {r.decisionReason ? (
              <Descriptions.Item label={t('reports.fields.reason')}>{r.decisionReason}</Descriptions.Item>
            ) : null}
            {r.transferredTo ? (
              <Descriptions.Item label={t('reports.fields.organ')}>{r.transferredTo}</Descriptions.Item>
            ) : null}
            {r.findings ? (
              <Descriptions.Item label={t('reports.fields.findings')}>{r.findings}</Descriptions.Item>
            ) : null}
            {r.result ? (
              <Descriptions.Item label={t('reports.fields.result')}>{r.result}</Descriptions.Item>
            ) : null}
            {r.reporterMessage ? (
              <Descriptions.Item label={t('reports.fields.message')}>{r.reporterMessage}</Descriptions.Item>
            ) : null}
            {r.supervisionCaseId ? (
              <Descriptions.Item label={t('reports.moves.supervision')}>
                {t('reports.staff.linked')}
              </Descriptions.Item>
            ) : null}
            {r.exposureId ? (
              <Descriptions.Item label={t('reports.moves.exposure-proposal')}>
                {t('reports.staff.linked')}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <Space wrap style={{ margin: '16px 0' }}>
            {MOVES[r.status].map((move) => (
              <Button
                key={move}
                type={move === MOVES[r.status][0] ? 'primary' : 'default'}
                onClick={() => setMoving(move)}
              >
                {tx(`reports.moves.${move}`)}
              </Button>
            ))}
          </Space>
          <h3>{t('reports.staff.timeline')}</h3>
          <ul>
            {r.events.map((e, i) => (
              <li key={i}>
                {formatDateTime(e.at, i18n.language)} · {tx(`reports.events.${e.type}`)}
                {e.note ? ` · ${e.note}` : ''}
              </li>
            ))}
          </ul>
          {moving ? (
            <MoveModal
              report={r}
              move={moving}
              onClose={() => setMoving(undefined)}
              onDone={() => {
                setMoving(undefined)
                setVersion((n) => n + 1)
                onChanged()
              }}
            />
          ) : null}
        </>
      ) : null}
    </Drawer>
  )
}

function MoveModal({
  report,
  move,
  onClose,
  onDone,
}: {
  report: Report
  move: ReportMove
  onClose: () => void
  onDone: () => void
}) {
  const { t } = useTranslation()
  const tx = t as unknown as (key: string, params?: Record<string, unknown>) => string
  const { message } = App.useApp()
  const [form] = Form.useForm<Record<string, string | boolean>>()
  const [busy, setBusy] = useState(false)
  const submit = async () => {
    const values = await form.validateFields()
    setBusy(true)
    try {
      const body: Record<string, unknown> = { version: report.version }
      for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== '') body[k] = v
      await reportsApi.move(report.id, move, body)
      void message.success(t('reports.staff.done'))
      onDone()
    } catch (error) {
      void message.error(errorMessage(error, t('errors.generic')))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Modal
      open
      title={tx(`reports.moves.${move}`)}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={busy}
      okText={tx(`reports.moves.${move}`)}
    >
      <Form form={form} layout="vertical">
        {FIELDS[move].map((field) =>
          field === 'shareReporter' ? (
            <Form.Item key={field} name={field} valuePropName="checked">
              <Checkbox disabled={!report.consentsToNaming}>{t('reports.fields.shareReporter')}</Checkbox>
            </Form.Item>
          ) : (
            <Form.Item
              key={field}
              name={field}
              label={tx(`reports.fields.${field}`)}
              rules={
                REQUIRED.has(field)
                  ? [{ required: true, min: 2, message: fieldMessage('reports.public.required') }]
                  : []
              }
              extra={field === 'message' ? t('reports.staff.messageHelp') : undefined}
            >
              {field === 'unitName' || field === 'title' || field === 'organ' ? (
                <Input maxLength={200} />
              ) : (
                <Input.TextArea rows={3} maxLength={5000} />
              )}
            </Form.Item>
          ),
        )}
        {FIELDS[move].length === 0 ? <p>{tx(`reports.confirm.${move}`)}</p> : null}
      </Form>
    </Modal>
  )
}
