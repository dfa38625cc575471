import { SafetyCertificateOutlined } from '@ant-design/icons'
import {
  Alert,
  AutoComplete,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  Row,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd'
import type { ColumnsType } from 'antd/es/table'
import type { Dayjs } from 'dayjs'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../app/api'
import { hasStaffRole, useSession } from '../../app/session'
import { cityInstant, formatDateTime } from '../../ui/format'
import { PageHeader } from '../../ui/staff/PageHeader'
import {
  auditApi,
  AUDIT_ACTIONS,
  AUDIT_ENTITY_TYPES,
  type AuditFilter,
  type AuditRow,
  type CheckpointList,
  type VerifyResult,
} from './audit.api'

const PAGE_SIZE = 50

type FilterValues = {
  entityType?: string
  entityId?: string
  action?: string
  range?: [Dayjs | null, Dayjs | null] | null
}

/** Dates picked in the console are city dates: the whole day, 00:00 to 23:59:59 in UTC+8. */
function toFilter(values: FilterValues): AuditFilter {
  const [from, to] = values.range ?? []
  return {
    entityType: values.entityType?.trim() || undefined,
    entityId: values.entityId?.trim() || undefined,
    action: values.action?.trim() || undefined,
    from: from ? cityInstant(from.format('YYYY-MM-DD'), '00:00') : undefined,
    to: to ? cityInstant(to.format('YYYY-MM-DD'), '23:59:59') : undefined,
  }
}

/**
 * `/staff/audit` (admin, discipline inspection): the hash-chained audit trail, newest first, with
 * before/after of every change, paging backwards, a chain verification against the signed
 * checkpoints, and the checkpoints themselves (an admin may sign one now).
 */
export function AuditPage() {
  const { t, i18n } = useTranslation()
  const [filter, setFilter] = useState<AuditFilter>({})
  const [rows, setRows] = useState<AuditRow[]>([])
  const [nextBeforeId, setNextBeforeId] = useState<number | null>(null)
  const [isLoading, setLoading] = useState(true)
  const [error, setError] = useState<string>()
  const [verdict, setVerdict] = useState<VerifyResult>()
  const [isVerifying, setVerifying] = useState(false)
  const latest = useRef(0)
  const [filterForm] = Form.useForm<FilterValues>()

  /** One page: the newest (no cursor), or the next older one appended to what is shown. */
  const load = useCallback(
    async (
      forFilter: AuditFilter,
      cursor: { beforeId?: number; beforeSeq?: number } = {},
      append = cursor.beforeId !== undefined,
    ) => {
      const ticket = ++latest.current
      setLoading(true)
      setError(undefined)
      try {
        const page = await auditApi.list(forFilter, cursor, PAGE_SIZE)
        if (ticket !== latest.current) return
        setRows((current) => (append ? [...current, ...page.items] : page.items))
        // A full page may be the last one; an empty "more" answer then just ends the list.
        setNextBeforeId(page.items.length ? page.nextBeforeId : null)
      } catch (caught) {
        if (ticket === latest.current) setError(errorMessage(caught, t('errors.loadFailed')))
      } finally {
        if (ticket === latest.current) setLoading(false)
      }
    },
    [t],
  )

  // The newest page on arrival; later loads start from the search form and the buttons.
  useEffect(() => {
    const ticket = ++latest.current
    auditApi.list({}, {}, PAGE_SIZE).then(
      (page) => {
        if (ticket !== latest.current) return
        setRows(page.items)
        setNextBeforeId(page.items.length ? page.nextBeforeId : null)
        setLoading(false)
      },
      () => {
        if (ticket !== latest.current) return
        setError(t('errors.loadFailed'))
        setLoading(false)
      },
    )
  }, [t])

  const search = (values: FilterValues) => {
    const next = toFilter(values)
    setFilter(next)
    void load(next)
  }

  const verify = async () => {
    setVerifying(true)
    setVerdict(undefined)
    try {
      setVerdict(await auditApi.verify())
    } catch (caught) {
      setError(errorMessage(caught, t('errors.generic')))
    } finally {
      setVerifying(false)
    }
  }

  const columns: ColumnsType<AuditRow> = [
    {
      title: t('audit.fields.seq'),
      dataIndex: 'seq',
      width: 80,
      align: 'right',
      // Linked into the chain a moment after commit.
      render: (seq: number | null) => seq ?? <Tag>{t('audit.fields.pending')}</Tag>,
    },
    {
      title: t('audit.fields.at'),
      dataIndex: 'at',
      width: 160,
      render: (at: string) => formatDateTime(at, i18n.language),
    },
    {
      title: t('audit.fields.actor'),
      key: 'actor',
      width: 170,
      render: (_value, row) => (
        <>
          {row.actorLabel ?? '—'}
          {row.actorRole ? (
            <Typography.Text type="secondary">
              {' '}
              · {t(`roles.${row.actorRole as 'admin'}`, { defaultValue: row.actorRole })}
            </Typography.Text>
          ) : null}
        </>
      ),
    },
    {
      title: t('audit.fields.action'),
      dataIndex: 'action',
      width: 210,
      render: (action: string) => <Tag>{action}</Tag>,
    },
    {
      title: t('audit.fields.entity'),
      key: 'entity',
      render: (_value, row) => (
        <span className="s-mono">
          {row.entityType}
          {row.entityId ? ` / ${row.entityId}` : ''}
        </span>
      ),
    },
    { title: t('audit.fields.ip'), dataIndex: 'ip', width: 130, render: (ip: string | null) => ip ?? '—' },
  ]

  const brokenRow = verdict && !verdict.ok ? verdict.brokenAt : undefined

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        subtitle={t('audit.subtitle')}
        extra={
          <Button icon={<SafetyCertificateOutlined />} onClick={() => void verify()} loading={isVerifying}>
            {t('audit.verify')}
          </Button>
        }
      />
      {verdict ? (
        verdict.ok ? (
          <Alert
            type="success"
            showIcon
            role="status"
            style={{ marginBottom: 16 }}
            title={t('audit.verifyOk', { rows: verdict.rows })}
            description={
              <>
                {verdict.head ? (
                  <span>
                    {t('audit.verifyHead', { seq: verdict.head.seq })}{' '}
                    <code className="s-mono">{verdict.head.hash}</code>
                  </span>
                ) : (
                  t('audit.verifyEmpty')
                )}
                <div>
                  {verdict.checkpoint
                    ? t('audit.verifyCheckpoint', {
                        count: verdict.checkpoints,
                        seq: verdict.checkpoint.seq,
                        at: formatDateTime(verdict.checkpoint.signedAt, i18n.language),
                      })
                    : t('audit.verifyNoCheckpoint')}
                  {verdict.signaturesChecked ? null : ` ${t('audit.signaturesUnchecked')}`}
                </div>
              </>
            }
          />
        ) : (
          <Alert
            type="error"
            showIcon
            role="alert"
            style={{ marginBottom: 16 }}
            title={t('audit.verifyBroken', { seq: verdict.brokenAt ?? '?' })}
            description={t(`audit.reasons.${verdict.reason ?? 'hash_mismatch'}`, {
              rows: verdict.rows,
              seq: verdict.checkpoint?.seq ?? verdict.brokenAt ?? '?',
            })}
            action={
              verdict.brokenAt ? (
                <Button
                  size="small"
                  danger
                  onClick={() => {
                    // The broken row whatever the filter: clear it, then start the list at that row.
                    filterForm.resetFields()
                    setFilter({})
                    void load({}, { beforeSeq: verdict.brokenAt! + 1 }, false)
                  }}
                >
                  {t('audit.showBroken')}
                </Button>
              ) : null
            }
          />
        )
      ) : null}

      <CheckpointsCard />

      <Card style={{ marginBottom: 16 }}>
        <Form<FilterValues> form={filterForm} name="audit-filter" layout="vertical" onFinish={search}>
          <Row gutter={16}>
            <Col xs={24} sm={12} lg={5}>
              <Form.Item name="entityType" label={t('audit.fields.entityType')}>
                <AutoComplete
                  allowClear
                  options={AUDIT_ENTITY_TYPES.map((value) => ({ value }))}
                  filterOption={(input, option) => !!option?.value.includes(input)}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={5}>
              <Form.Item name="entityId" label={t('audit.fields.entityId')}>
                <Input allowClear className="s-mono" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={5}>
              <Form.Item name="action" label={t('audit.fields.action')}>
                <AutoComplete
                  allowClear
                  options={AUDIT_ACTIONS.map((value) => ({ value }))}
                  filterOption={(input, option) => !!option?.value.includes(input)}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item name="range" label={t('audit.fields.range')}>
                <DatePicker.RangePicker
                  style={{ width: '100%' }}
                  allowEmpty={[true, true]}
                  aria-label={t('audit.fields.range')}
                />
              </Form.Item>
            </Col>
            <Col xs={24} lg={3}>
              <Form.Item label={<span className="visually-hidden">{t('common.search')}</span>}>
                <Button type="primary" htmlType="submit" block>
                  {t('common.search')}
                </Button>
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>

      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" /> : null}

      <Card styles={{ body: { padding: 0 } }}>
        <Table<AuditRow>
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={isLoading && rows.length === 0}
          pagination={false}
          size="middle"
          scroll={{ x: 1000 }}
          onRow={(row) => (row.seq === brokenRow ? { style: { background: '#fff1f0' } } : {})}
          expandable={{
            columnTitle: <span className="visually-hidden">{t('audit.details')}</span>,
            expandedRowRender: (row) => <AuditDetail row={row} />,
          }}
        />
      </Card>
      <Space style={{ marginTop: 16 }}>
        {nextBeforeId ? (
          <Button onClick={() => void load(filter, { beforeId: nextBeforeId })} loading={isLoading}>
            {t('audit.loadMore')}
          </Button>
        ) : rows.length ? (
          <Typography.Text type="secondary">{t('audit.end')}</Typography.Text>
        ) : null}
      </Space>
    </>
  )
}

function AuditDetail({ row }: { row: AuditRow }) {
  const { t } = useTranslation()
  const json = (value: unknown) =>
    value === null || value === undefined ? '—' : JSON.stringify(value, null, 2)
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Typography.Title level={2} style={{ fontSize: 14 }}>
          {t('audit.before')}
        </Typography.Title>
        <pre className="s-json" tabIndex={0} aria-label={t('audit.beforeOf', { seq: row.seq })}>
          {json(row.before)}
        </pre>
      </Col>
      <Col xs={24} md={12}>
        <Typography.Title level={2} style={{ fontSize: 14 }}>
          {t('audit.after')}
        </Typography.Title>
        <pre className="s-json" tabIndex={0} aria-label={t('audit.afterOf', { seq: row.seq })}>
          {json(row.after)}
        </pre>
      </Col>
      <Col span={24} style={{ marginTop: 8 }}>
        <Typography.Text type="secondary">
          {t('audit.fields.hash')}: <span className="s-mono">{row.hash}</span>
          {row.requestId ? (
            <>
              {' · '}
              {t('audit.fields.requestId')}: <span className="s-mono">{row.requestId}</span>
            </>
          ) : null}
        </Typography.Text>
      </Col>
    </Row>
  )
}

/** The signed checkpoints of the chain head, newest first; an admin may sign one now. */
function CheckpointsCard() {
  const { t, i18n } = useTranslation()
  const { me } = useSession()
  const [list, setList] = useState<CheckpointList>()
  const [error, setError] = useState<string>()
  const [notice, setNotice] = useState<string>()
  const [isSigning, setSigning] = useState(false)

  const refresh = useCallback(async () => {
    try {
      setList(await auditApi.checkpoints())
    } catch (caught) {
      setError(errorMessage(caught, t('errors.loadFailed')))
    }
  }, [t])
  useEffect(() => {
    let isLive = true
    auditApi.checkpoints().then(
      (loaded) => {
        if (isLive) setList(loaded)
      },
      () => {
        if (isLive) setError(t('errors.loadFailed'))
      },
    )
    return () => {
      isLive = false
    }
  }, [t])

  const signNow = async () => {
    setSigning(true)
    setError(undefined)
    setNotice(undefined)
    try {
      const signed = await auditApi.signCheckpoint()
      setNotice(t('audit.checkpoints.signed', { seq: signed.seq }))
      await refresh()
    } catch (caught) {
      setError(errorMessage(caught, t('errors.generic')))
    } finally {
      setSigning(false)
    }
  }

  type Item = CheckpointList['items'][number]
  const columns: ColumnsType<Item> = [
    { title: t('audit.checkpoints.seq'), dataIndex: 'seq', width: 100, align: 'right' },
    {
      title: t('audit.checkpoints.signedAt'),
      dataIndex: 'signedAt',
      width: 170,
      render: (at: string) => formatDateTime(at, i18n.language),
    },
    {
      title: t('audit.checkpoints.hash'),
      dataIndex: 'hash',
      render: (hash: string) => <span className="s-mono">{hash}</span>,
    },
  ]
  const items = [...(list?.items ?? [])].reverse()
  return (
    <Card
      title={t('audit.checkpoints.title')}
      style={{ marginBottom: 16 }}
      extra={
        hasStaffRole(me, 'admin') ? (
          <Button onClick={() => void signNow()} loading={isSigning}>
            {t('audit.checkpoints.signNow')}
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">{t('audit.checkpoints.help')}</Typography.Paragraph>
      {notice ? (
        <Alert type="success" showIcon title={notice} role="status" style={{ marginBottom: 12 }} />
      ) : null}
      {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} /> : null}
      <Table<Item>
        rowKey={(c) => `${c.seq}:${c.signedAt}`}
        columns={columns}
        dataSource={items.slice(0, 10)}
        pagination={false}
        size="small"
        locale={{ emptyText: t('audit.checkpoints.empty') }}
      />
      {list ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('audit.checkpoints.keyId')}: <span className="s-mono">{list.keyId}</span>
          <details>
            <summary>{t('audit.checkpoints.publicKey')}</summary>
            <pre className="s-json">{list.publicKeyPem}</pre>
          </details>
        </Typography.Paragraph>
      ) : null}
    </Card>
  )
}
