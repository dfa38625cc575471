import { ArrowLeftOutlined } from '@ant-design/icons'
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  List,
  Result,
  Row,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { errorMessage, isApiError } from '../../../app/api'
import { Slot } from '../../../app/slots'
import { formatDateTime } from '../../../ui/format'
import { PageHeader } from '../../../ui/staff/PageHeader'
import { useLoad } from '../../../ui/use-load'
import { reviewApi, type IntakeAction, type ReviewTaskView, type StaffApplication } from '../review.api'
import { servicesApi } from '../services.api'
import { ApplicationActionModal, type ModalAction } from './ApplicationActionModal'
import { ApplicationContentView } from './ApplicationContentView'
import { ApplicationStatusTag } from './ApplicationStatusTag'

/** The moves a button opens, in the order a department meets them; each only when allowedActions has it. */
const INTAKE_ACTIONS: readonly IntakeAction[] = [
  'accept',
  'accept_with_tolerance',
  'request_supplement',
  'not_accept',
  'extend',
  'start_special_step',
  'end_special_step',
  'archive',
]

type Tx = (key: string, options?: Record<string, unknown>) => string

/** `/staff/services/applications/:id`: one application whole, and every move the caller may make now. */
export function StaffApplicationPage() {
  const { id = '' } = useParams()
  const { t, i18n } = useTranslation()
  const loaded = useLoad(() => reviewApi.application(id), [id, i18n.language])
  if (loaded.error && !loaded.data) {
    const missing = isApiError(loaded.error, 'NOT_FOUND') || isApiError(loaded.error, 'VALIDATION_FAILED')
    return (
      <>
        <PageHeader title={t('services.staff.applicationTitle')} />
        <Result
          status={missing ? '404' : 'error'}
          subTitle={
            missing ? t('services.staff.notFound') : errorMessage(loaded.error, t('errors.loadFailed'))
          }
          extra={<BackLink />}
        />
      </>
    )
  }
  if (!loaded.data)
    return (
      <>
        <PageHeader title={t('services.staff.applicationTitle')} />
        <Card loading />
      </>
    )
  return <ApplicationView application={loaded.data} onChange={loaded.setData} reload={loaded.reload} />
}

function BackLink() {
  const { t } = useTranslation()
  return (
    <Link to="/staff/services/queue">
      <ArrowLeftOutlined aria-hidden="true" /> {t('services.staff.backToQueue')}
    </Link>
  )
}

function ApplicationView({
  application,
  onChange,
  reload,
}: {
  application: StaffApplication
  onChange: (a: StaffApplication) => void
  reload: () => void
}) {
  const { t, i18n } = useTranslation()
  const tx = t as unknown as Tx
  const { message } = App.useApp()
  const [modal, setModal] = useState<ModalAction>()
  const [busyTask, setBusyTask] = useState<string>()
  const actions = INTAKE_ACTIONS.filter((a) => application.allowedActions.includes(a))
  const date = (iso: string | null) => formatDateTime(iso, i18n.language)

  const quick = async (task: ReviewTaskView, action: 'claim' | 'unclaim') => {
    setBusyTask(task.id)
    try {
      onChange(await (action === 'claim' ? reviewApi.claim : reviewApi.unclaim)(application.id, task.id))
      void message.success(tx('services.staff.done', { action: tx(`services.staff.actions.${action}`) }))
    } catch (error) {
      void message.error(errorMessage(error, t('errors.generic')))
    } finally {
      setBusyTask(undefined)
    }
  }

  const c = application.clocks
  return (
    <>
      <PageHeader
        title={application.title}
        subtitle={`${application.enterpriseName} · ${application.matterName ?? ''}`}
        extra={
          <Space wrap>
            <ApplicationStatusTag status={application.status} />
            {application.decision.instant ? <Tag>{t('services.staff.instant')}</Tag> : null}
            <BackLink />
          </Space>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title={<h2 className="s-card-title">{t('services.staff.actionsTitle')}</h2>}>
              {actions.length ? (
                <Space wrap>
                  {actions.map((action) => (
                    <Button
                      key={action}
                      type={action === 'accept' ? 'primary' : 'default'}
                      danger={action === 'not_accept'}
                      onClick={() => setModal({ kind: 'intake', action })}
                    >
                      {tx(`services.staff.actions.${action}`)}
                    </Button>
                  ))}
                </Space>
              ) : (
                <Typography.Text type="secondary">{t('services.staff.noActions')}</Typography.Text>
              )}
            </Card>
            <Card title={<h2 className="s-card-title">{t('services.staff.reviewTitle')}</h2>}>
              {application.tasks.length ? (
                <List
                  dataSource={application.tasks}
                  renderItem={(task) => (
                    <List.Item
                      actions={task.actions.map((action) =>
                        action === 'claim' || action === 'unclaim' ? (
                          <Button
                            key={action}
                            size="small"
                            type={action === 'claim' ? 'primary' : 'default'}
                            loading={busyTask === task.id}
                            onClick={() => void quick(task, action)}
                          >
                            {tx(`services.staff.actions.${action}`)}
                          </Button>
                        ) : (
                          <Button
                            key={action}
                            size="small"
                            danger={action === 'refuse'}
                            type={action === 'approve' ? 'primary' : 'default'}
                            onClick={() => setModal({ kind: 'task', action, task })}
                          >
                            {tx(`services.staff.actions.${action}`)}
                          </Button>
                        ),
                      )}
                    >
                      <List.Item.Meta
                        title={
                          <Space wrap size={6}>
                            <span>{t('services.staff.stage', { stage: task.stage })}</span>
                            <strong>{task.stepName}</strong>
                            <Tag>{tx(`roles.${task.role}`)}</Tag>
                            <Tag
                              color={
                                task.status === 'done'
                                  ? 'success'
                                  : task.status === 'waiting'
                                    ? 'default'
                                    : 'processing'
                              }
                            >
                              {tx(`services.staff.taskStatus.${task.status}`)}
                            </Tag>
                            {task.outcome ? <Tag>{tx(`services.staff.outcomes.${task.outcome}`)}</Tag> : null}
                          </Space>
                        }
                        description={
                          <>
                            {task.assigneeName ? (
                              <div>{t('services.staff.assignee', { name: task.assigneeName })}</div>
                            ) : null}
                            {task.note ? <div>{task.note}</div> : null}
                            {task.decidedAt ? <div>{date(task.decidedAt)}</div> : null}
                          </>
                        }
                      />
                    </List.Item>
                  )}
                />
              ) : (
                <Typography.Text type="secondary">{t('services.staff.noTasks')}</Typography.Text>
              )}
            </Card>
            <Card title={<h2 className="s-card-title">{t('services.staff.formTitle')}</h2>}>
              <StaffContent application={application} />
            </Card>
            <Card title={<h2 className="s-card-title">{t('services.staff.noticesTitle')}</h2>}>
              {application.notices.length ? (
                <List
                  dataSource={application.notices}
                  renderItem={(n) => (
                    <List.Item>
                      <List.Item.Meta
                        title={`${n.title} · ${date(n.issuedAt)}`}
                        description={<div style={{ whiteSpace: 'pre-wrap' }}>{n.body}</div>}
                      />
                    </List.Item>
                  )}
                />
              ) : (
                <Typography.Text type="secondary">{t('services.staff.noNotices')}</Typography.Text>
              )}
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title={<h2 className="s-card-title">{t('services.staff.factsTitle')}</h2>}>
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('services.staff.fields.uscc')}>
                  {application.enterpriseUscc}
                </Descriptions.Item>
                <Descriptions.Item label={t('services.staff.fields.received')}>
                  {date(c.receivedAt)}
                </Descriptions.Item>
                <Descriptions.Item label={t('services.staff.fields.completenessDue')}>
                  {date(c.completenessDueAt)}
                </Descriptions.Item>
                <Descriptions.Item label={t('services.staff.fields.accepted')}>
                  {date(c.acceptedAt)}
                </Descriptions.Item>
                <Descriptions.Item label={t('services.staff.fields.decisionDue')}>
                  {date(c.decisionDueAt)}
                </Descriptions.Item>
                <Descriptions.Item label={t('services.staff.fields.statutoryDue')}>
                  {date(c.statutoryDueAt)}
                </Descriptions.Item>
                {c.extensionDays ? (
                  <Descriptions.Item label={t('services.staff.fields.extension')}>
                    {t('services.staff.days', { count: c.extensionDays })}
                  </Descriptions.Item>
                ) : null}
                {c.specialStepKind ? (
                  <Descriptions.Item label={t('services.staff.fields.specialStep')}>
                    {tx(`services.specialSteps.${c.specialStepKind}`, { defaultValue: c.specialStepKind })} ·{' '}
                    {date(c.specialStepDueAt)}
                  </Descriptions.Item>
                ) : null}
                {application.decision.decidedAt ? (
                  <Descriptions.Item label={t('services.staff.fields.decided')}>
                    {date(application.decision.decidedAt)}
                  </Descriptions.Item>
                ) : null}
                {application.decision.certificateNumber ? (
                  <Descriptions.Item label={t('services.staff.fields.certificate')}>
                    {application.decision.certificateNumber}
                  </Descriptions.Item>
                ) : null}
              </Descriptions>
            </Card>
            <Card title={<h2 className="s-card-title">{t('services.staff.timelineTitle')}</h2>}>
              {application.timeline.length ? null : (
                <Typography.Text type="secondary">{t('services.staff.noEvents')}</Typography.Text>
              )}
              <Timeline
                items={application.timeline.map((e) => ({
                  key: e.id,
                  content: (
                    <>
                      <div>
                        <strong>{tx(`services.staff.events.${e.type}`, { defaultValue: e.type })}</strong>
                        {typeof e.data.op === 'string'
                          ? ` · ${tx(`services.staff.actions.${e.data.op}`)}`
                          : ''}
                        {typeof e.data.outcome === 'string'
                          ? ` · ${tx(`services.staff.outcomes.${e.data.outcome}`)}`
                          : ''}
                      </div>
                      <Typography.Text type="secondary">
                        {date(e.at)}
                        {e.actorName ? ` · ${e.actorName}` : ''}
                      </Typography.Text>
                      {e.note ? <div>{e.note}</div> : null}
                    </>
                  ),
                }))}
              />
            </Card>
            <Slot name="staffCase.ratings" subjectType="application" subjectId={application.id} />
          </Space>
        </Col>
      </Row>
      {modal ? (
        <ApplicationActionModal
          key={`${modal.kind}-${modal.action}`}
          application={application}
          modal={modal}
          onClose={() => setModal(undefined)}
          onDone={(updated) => {
            setModal(undefined)
            if (updated) onChange(updated)
            else reload()
            void message.success(
              tx('services.staff.done', { action: tx(`services.staff.actions.${modal.action}`) }),
            )
          }}
        />
      ) : null}
    </>
  )
}

/**
 * The form as the applicant filled it and how each material was satisfied (the forms work's view);
 * for a reader the form endpoint does not serve (the task force through an appeal), the raw answers
 * and the materials the staff view carries.
 */
function StaffContent({ application }: { application: StaffApplication }) {
  const { t, i18n } = useTranslation()
  const content = useLoad(
    () => servicesApi.form(application.id),
    [application.id, application.version, i18n.language],
  )
  if (content.data) return <ApplicationContentView content={content.data} />
  if (!content.error) return <Card loading bordered={false} />
  return (
    <>
      {Object.keys(application.formData).length ? (
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          {Object.entries(application.formData).map(([key, value]) => (
            <Descriptions.Item key={key} label={key}>
              {typeof value === 'object' ? JSON.stringify(value) : String(value)}
            </Descriptions.Item>
          ))}
        </Descriptions>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('services.staff.noForm')} />
      )}
      <Typography.Text type="secondary">
        {t('services.staff.materialsCount', { count: application.materials.length })}
      </Typography.Text>
    </>
  )
}
