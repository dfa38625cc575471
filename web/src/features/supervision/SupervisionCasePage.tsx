import { ArrowLeftOutlined } from '@ant-design/icons'
import { Button, Card, Col, Descriptions, Result, Row, Space, Steps, Tag, Timeline, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { errorMessage, isApiError } from '../../app/api'
import { paths } from '../../app/routes'
import { formatDateTime } from '../../ui/format'
import { PageHeader } from '../../ui/staff/PageHeader'
import { useLoad } from '../../ui/use-load'
import { NoteMoveModal } from './NoteMoveModal'
import {
  SUPERVISION_LEVELS,
  supervisionApi,
  type NoteAction,
  type SupervisionCaseDetail,
  type SupervisionEvent,
} from './supervision.api'
import { supervisionReason } from './supervision-labels'
import { supervisionPaths } from './supervision-paths'
import { LevelTag, StatusTag } from './SupervisionTags'

type Tx = (key: string, params?: Record<string, unknown>) => string
const NOTE_ACTIONS: readonly NoteAction[] = ['accept_response', 'reject_response', 'escalate', 'close']

/**
 * `/staff/supervision/:id`: one supervision case — what it is about, the ladder (section → bureau →
 * city) with the current deadline, the timeline of every move, and the moves the caller may make now.
 */
export function SupervisionCasePage() {
  const { id = '' } = useParams()
  const { t, i18n } = useTranslation()
  const tx = t as unknown as Tx
  const navigate = useNavigate()
  const loaded = useLoad(() => supervisionApi.get(id), [id, i18n.language])
  const [moving, setMoving] = useState<NoteAction>()

  if (loaded.error && !loaded.data) {
    const missing = isApiError(loaded.error, 'NOT_FOUND') || isApiError(loaded.error, 'VALIDATION_FAILED')
    return (
      <>
        <PageHeader title={t('supervision.caseTitle')} />
        <Result
          status={missing ? '404' : 'error'}
          subTitle={missing ? t('supervision.notFound') : errorMessage(loaded.error, t('errors.loadFailed'))}
          extra={<BackLink />}
        />
      </>
    )
  }
  const c = loaded.data
  if (!c) return <PageHeader title={t('supervision.caseTitle')} />
  const date = (at: string | null) => (at ? formatDateTime(at, i18n.language) : '—')
  const current = SUPERVISION_LEVELS.indexOf(c.level)

  return (
    <>
      <PageHeader
        title={supervisionReason(c.reason, tx)}
        subtitle={t(`supervision.sources.${c.source}`)}
        extra={<BackLink />}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Card title={t('supervision.ladder')}>
            <Steps
              current={current}
              status={c.status === 'closed' ? 'finish' : c.overdue ? 'error' : 'process'}
              items={SUPERVISION_LEVELS.map((level) => ({ title: t(`supervision.levels.${level}`) }))}
              style={{ marginBottom: 24 }}
            />
            <Descriptions column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label={t('supervision.fields.status')}>
                <StatusTag status={c.status} />
                {c.overdue ? <Tag color="red">{t('supervision.overdue')}</Tag> : null}
              </Descriptions.Item>
              <Descriptions.Item label={t('supervision.fields.level')}>
                <LevelTag level={c.level} />
              </Descriptions.Item>
              <Descriptions.Item label={t('supervision.fields.department')}>
                {c.departmentName ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('supervision.fields.responseDueAt')}>
                {c.status === 'closed' ? '—' : date(c.responseDueAt)}
              </Descriptions.Item>
              <Descriptions.Item label={t('supervision.fields.openedAt')}>
                {date(c.openedAt)}
              </Descriptions.Item>
              <Descriptions.Item label={t('supervision.fields.escalations')}>
                {c.escalationCount}
              </Descriptions.Item>
              {c.subjectType ? (
                <Descriptions.Item label={t('supervision.fields.subject')} span={2}>
                  <Subject c={c} />
                </Descriptions.Item>
              ) : null}
              {c.closingNote ? (
                <Descriptions.Item label={t('supervision.fields.closingNote')} span={2}>
                  {c.closingNote}
                  <div className="s-small">
                    {t('supervision.closedBy', { at: date(c.closedAt), name: c.closedByName ?? '—' })}
                  </div>
                </Descriptions.Item>
              ) : null}
            </Descriptions>
            {c.allowedActions.length ? (
              <Space wrap style={{ marginTop: 16 }}>
                {c.allowedActions.includes('respond') ? (
                  <Button type="primary" onClick={() => void navigate(supervisionPaths.respond(c.id))}>
                    {t('supervision.actions.respond')}
                  </Button>
                ) : null}
                {NOTE_ACTIONS.filter((a) => c.allowedActions.includes(a)).map((a) => (
                  <Button
                    key={a}
                    type={a === 'accept_response' ? 'primary' : 'default'}
                    danger={a === 'escalate'}
                    onClick={() => setMoving(a)}
                  >
                    {t(`supervision.actions.${a}`)}
                  </Button>
                ))}
              </Space>
            ) : (
              <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
                {c.status === 'closed' ? t('supervision.noMovesClosed') : t('supervision.noMoves')}
              </Typography.Paragraph>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Card title={t('supervision.timeline')}>
            <Timeline
              items={c.timeline.map((e) => ({
                key: e.id,
                color: e.type === 'escalate' ? 'red' : e.type === 'accept_response' ? 'green' : 'blue',
                content: <EventView event={e} tx={tx} date={date} />,
              }))}
            />
          </Card>
        </Col>
      </Row>
      {moving ? (
        <NoteMoveModal
          supervisionCase={c}
          action={moving}
          onClose={() => setMoving(undefined)}
          onMoved={(updated) => {
            setMoving(undefined)
            loaded.setData(updated)
          }}
          onStale={() => {
            setMoving(undefined)
            loaded.reload()
          }}
        />
      ) : null}
    </>
  )
}

function Subject({ c }: { c: SupervisionCaseDetail }) {
  const { t } = useTranslation()
  if (c.subjectType === 'appeal' && c.subjectId)
    return (
      <Link to={paths.staffAppeal(c.subjectId)}>
        <span className="s-mono">{c.subjectNumber}</span> {c.subjectTitle}
      </Link>
    )
  if (c.subjectType === 'application' && c.subjectId)
    return (
      <Link to={`/staff/services/applications/${c.subjectId}`}>
        {c.subjectTitle ?? t('supervision.subjects.application')}
      </Link>
    )
  if (c.subjectType === 'plan_task' && c.subjectId)
    return <Link to={`/staff/action-plan/${c.subjectId}`}>{t('supervision.subjects.plan_task')}</Link>
  return <>{t(`supervision.subjects.${c.subjectType ?? 'department'}`)}</>
}

function EventView({ event, tx, date }: { event: SupervisionEvent; tx: Tx; date: (at: string) => string }) {
  const data = event.data as {
    from?: string
    to?: string
    evidence?: string[]
    ratings?: string[]
    level?: string
  }
  return (
    <>
      <div>
        <strong>{tx(`supervision.events.${event.type}`, { defaultValue: event.type })}</strong>
        {event.type === 'escalate' && data.to ? ` · ${tx(`supervision.levels.${data.to}`)}` : ''}
        {event.type === 'open' && data.level ? ` · ${tx(`supervision.levels.${data.level}`)}` : ''}
      </div>
      <Typography.Text type="secondary">
        {date(event.at)} · {event.actorName ?? tx('supervision.system')}
      </Typography.Text>
      {event.note ? <div className="s-note">{event.note}</div> : null}
      {data.evidence?.length ? (
        <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }} aria-label={tx('supervision.evidence')}>
          {data.evidence.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
      {data.ratings?.length ? (
        <div className="s-small">{tx('supervision.badRatingsCounted', { count: data.ratings.length })}</div>
      ) : null}
    </>
  )
}

function BackLink() {
  const { t } = useTranslation()
  return (
    <Link to={supervisionPaths.list}>
      <ArrowLeftOutlined /> {t('supervision.backToList')}
    </Link>
  )
}
