import {
  Alert,
  App,
  Button,
  Card,
  Collapse,
  Empty,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { errorMessage } from '../../../app/api'
import { cityToday, formatDateTime } from '../../../ui/format'
import { PageHeader } from '../../../ui/staff/PageHeader'
import { useLoad } from '../../../ui/use-load'
import { PROBLEM_PATHS, problemClassesApi, type Proposal } from '../problem-classes.api'
import { CasesTable } from './CasesTable'

/** The twelve months up to this one, newest first ('YYYY-MM'). */
function recentMonths(today: string): string[] {
  const [year, month] = today.split('-').map(Number) as [number, number]
  return Array.from({ length: 12 }, (_, i) => {
    const m = (year * 12 + month - 1 - i) as number
    return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`
  })
}

/**
 * `/staff/problem-classes/proposals`: the bureau's proposals for a month — groups of similar appeals
 * and bad ratings, largest first, each with its key words, units and cases — to confirm as problem
 * classes (leaving out cases that do not belong) or dismiss; and the button that clusters again.
 */
export function ProposalsPage() {
  const { t, i18n } = useTranslation()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const months = useMemo(() => recentMonths(cityToday()), [])
  const [params, setParams] = useSearchParams()
  const month = months.includes(params.get('month') ?? '') ? params.get('month')! : months[0]!
  const [accepting, setAccepting] = useState<Proposal>()
  const [busy, setBusy] = useState(false)
  const list = useLoad(
    () => problemClassesApi.proposals({ month, status: 'open', limit: 50, offset: 0 }),
    [month, i18n.language],
  )

  const run = async () => {
    setBusy(true)
    try {
      await problemClassesApi.startRun(month)
      void message.success(t('problemClasses.proposals.runQueued'))
      list.reload()
    } catch (error) {
      void message.error(errorMessage(error, t('errors.generic')))
    } finally {
      setBusy(false)
    }
  }
  const dismiss = async (proposal: Proposal) => {
    try {
      await problemClassesApi.dismiss(proposal.id)
      void message.success(t('problemClasses.proposals.dismissed'))
      list.reload()
    } catch (error) {
      void message.error(errorMessage(error, t('errors.generic')))
    }
  }
  const lastRun = list.data?.run
  // While the month's run waits or works, look again every few seconds: the proposals appear when it is done.
  const isRunning = lastRun?.status === 'queued' || lastRun?.status === 'running'
  const { reload } = list
  useEffect(() => {
    if (!isRunning) return
    const timer = setTimeout(reload, 3000)
    return () => clearTimeout(timer)
  }, [isRunning, reload, list.data])

  return (
    <>
      <PageHeader
        title={t('problemClasses.proposals.title')}
        subtitle={t('problemClasses.proposals.subtitle')}
      />
      <Card style={{ marginBottom: 16 }}>
        <Space wrap>
          <span>{t('problemClasses.proposals.month')}</span>
          <Select
            value={month}
            style={{ width: 140 }}
            options={months.map((m) => ({ value: m, label: m }))}
            onChange={(next) => setParams({ month: next })}
            aria-label={t('problemClasses.proposals.month')}
          />
          <Button type="primary" loading={busy} onClick={() => void run()}>
            {t('problemClasses.proposals.run')}
          </Button>
          <Typography.Text type="secondary">
            {lastRun
              ? t('problemClasses.proposals.lastRun', {
                  at: formatDateTime(lastRun.finishedAt ?? lastRun.requestedAt, i18n.language),
                  status: t(`problemClasses.proposals.runStatuses.${lastRun.status}`),
                  items: lastRun.itemCount ?? 0,
                  proposals: lastRun.proposalCount ?? 0,
                })
              : t('problemClasses.proposals.noRun')}
          </Typography.Text>
        </Space>
      </Card>
      {list.error ? (
        <Alert
          type="error"
          showIcon
          title={errorMessage(list.error, t('errors.loadFailed'))}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {list.data && list.data.items.length === 0 ? (
        <Card>
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={
              <>
                <Typography.Text strong>{t('problemClasses.proposals.empty')}</Typography.Text>
                <br />
                <Typography.Text type="secondary">{t('problemClasses.proposals.emptyWhy')}</Typography.Text>
              </>
            }
          />
        </Card>
      ) : null}
      {(list.data?.items ?? []).map((proposal) => (
        <Card
          key={proposal.id}
          style={{ marginBottom: 12 }}
          title={
            <Space wrap>
              <span>#{proposal.rank}</span>
              {proposal.topWords.map((word) => (
                <Tag key={word} color="geekblue">
                  {word}
                </Tag>
              ))}
              <Typography.Text type="secondary">
                {t('problemClasses.proposals.size', { count: proposal.size })}
              </Typography.Text>
            </Space>
          }
          extra={
            proposal.classId ? (
              <Link to={PROBLEM_PATHS.one(proposal.classId)}>{t('problemClasses.proposals.openClass')}</Link>
            ) : (
              <Space>
                <Button type="primary" size="small" onClick={() => setAccepting(proposal)}>
                  {t('problemClasses.proposals.accept')}
                </Button>
                <Button size="small" onClick={() => void dismiss(proposal)}>
                  {t('problemClasses.proposals.dismiss')}
                </Button>
              </Space>
            )
          }
        >
          <div style={{ marginBottom: 8 }}>
            {t('problemClasses.proposals.departments')}：
            {proposal.departments.map((d) => d.name).join('、') || '—'}
          </div>
          <Collapse
            size="small"
            items={[
              {
                key: 'cases',
                label: t('problemClasses.page.cases', { count: proposal.size }),
                children: <CasesTable cases={proposal.cases} />,
              },
            ]}
          />
        </Card>
      ))}
      {accepting ? (
        <AcceptModal
          proposal={accepting}
          onClose={() => setAccepting(undefined)}
          onAccepted={(id) => {
            void message.success(t('problemClasses.proposals.created'))
            void navigate(PROBLEM_PATHS.one(id))
          }}
        />
      ) : null}
    </>
  )
}

function AcceptModal({
  proposal,
  onClose,
  onAccepted,
}: {
  proposal: Proposal
  onClose: () => void
  onAccepted: (classId: string) => void
}) {
  const { t } = useTranslation()
  const [form] = Form.useForm<{ name: string; description?: string }>()
  const [kept, setKept] = useState(proposal.cases.map((c) => c.id))
  const [error, setError] = useState<string>()
  const [saving, setSaving] = useState(false)
  const submit = async () => {
    const values = await form.validateFields()
    setSaving(true)
    try {
      const created = await problemClassesApi.accept(proposal.id, {
        name: values.name,
        ...(values.description && { description: values.description }),
        excludeItemIds: proposal.cases.filter((c) => !kept.includes(c.id)).map((c) => c.id),
      })
      onAccepted(created.id)
    } catch (e) {
      setError(errorMessage(e, t('errors.generic')))
    } finally {
      setSaving(false)
    }
  }
  return (
    <Modal
      open
      width={820}
      title={t('problemClasses.proposals.acceptTitle')}
      okText={t('problemClasses.proposals.accept')}
      onOk={() => void submit()}
      confirmLoading={saving}
      onCancel={onClose}
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" initialValues={{ name: proposal.topWords.slice(0, 3).join('') }}>
        <Form.Item
          name="name"
          label={t('problemClasses.fields.name')}
          extra={t('problemClasses.proposals.nameHelp')}
          rules={[{ required: true, min: 2, max: 100 }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="description" label={t('problemClasses.fields.description')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary">{t('problemClasses.proposals.acceptHelp')}</Typography.Paragraph>
      <CasesTable cases={proposal.cases} selected={kept} onSelect={setKept} />
    </Modal>
  )
}
