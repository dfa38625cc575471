import { ArrowLeftOutlined } from '@ant-design/icons'
import {
  Alert,
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
import { useMemo, useState } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { errorMessage, isApiError } from '../../../app/api'
import { Slot } from '../../../app/slots'
import { paths } from '../../../app/routes'
import { hasStaffRole, useSession } from '../../../app/session'
import { formatBytes, formatDateTime } from '../../../ui/format'
import { PageHeader } from '../../../ui/staff/PageHeader'
import { useLoad } from '../../../ui/use-load'
import { departmentSelectOptions } from '../../../ui/department-options'
import { departmentsApi } from '../../../app/shared-api/departments'
import { isClockEvent } from '../appeal-labels'
import { appealsApi, attachmentUrl, type AppealDetail, type Attachment } from '../appeals.api'
import { useAppealText } from '../use-appeal-text'
import { actionLabel, AppealActionModal, type ModalAction } from './AppealActionModal'
import { AppealStatusTag, TierTag } from './AppealStatusTag'
import { ClockList } from './ClockList'
import { SuggestionsCard } from './SuggestionsCard'

/** Buttons for the actions that need only the appeal, in the order a case officer meets them. */
const TOOLBAR_ACTIONS = [
  'accept',
  'dispatch',
  'arbitrate',
  'sign_for',
  'co_sign_for',
  'submit_part',
  'record_contact',
  'reply',
  'pause',
  'resume',
  'request_extension',
  'return',
  'reject',
] as const
type ToolbarAction = (typeof TOOLBAR_ACTIONS)[number]
const PRIMARY: readonly string[] = [
  'dispatch',
  'arbitrate',
  'sign_for',
  'co_sign_for',
  'submit_part',
  'reply',
]
/** Actions taken with one tap: no form to fill. */
const ONE_TAP = { sign_for: appealsApi.signFor, co_sign_for: appealsApi.coSignFor } as const
/** Actions offered outside the toolbar, on the card they belong to. */
const ELSEWHERE = ['approve_reply', 'reject_reply', 'decide_extension', 'merge'] as const

/**
 * `/staff/appeals/:id`: one case for the task force, a department or the bureau — everything it
 * holds, and a button for exactly each action the server allows this user now.
 */
export function StaffAppealPage() {
  const { id = '' } = useParams()
  const { t, language } = useAppealText()
  const appeal = useLoad(() => appealsApi.get(id), [id, language])

  if (appeal.error && !appeal.data) {
    const missing = isApiError(appeal.error, 'NOT_FOUND') || isApiError(appeal.error, 'VALIDATION_FAILED')
    return (
      <>
        <PageHeader title={t('appeals.case.titleUnknown')} />
        <Result
          status={missing ? '404' : 'error'}
          subTitle={missing ? t('appeals.case.notFound') : errorMessage(appeal.error, t('errors.loadFailed'))}
          extra={<BackLink />}
        />
      </>
    )
  }
  if (!appeal.data)
    return (
      <>
        <PageHeader title={t('appeals.case.titleUnknown')} />
        <Card loading />
      </>
    )
  return <CaseView appeal={appeal.data} onChange={appeal.setData} onReload={appeal.reload} />
}

function BackLink() {
  const { t } = useAppealText()
  const { me } = useSession()
  const to = hasStaffRole(me, 'dispatcher', 'bureau_leader', 'admin')
    ? paths.staffAppealQueue
    : paths.staffAppealInbox
  return (
    <Link to={to}>
      <ArrowLeftOutlined aria-hidden="true" /> {t('appeals.case.backToList')}
    </Link>
  )
}

function CaseView({
  appeal,
  onChange,
  onReload,
}: {
  appeal: AppealDetail
  onChange: (appeal: AppealDetail) => void
  onReload: () => void
}) {
  const text = useAppealText()
  const { t, tx } = text
  const { message } = App.useApp()
  const { me } = useSession()
  const navigate = useNavigate()
  const [modal, setModal] = useState<ModalAction>()
  const [signing, setSigning] = useState<keyof typeof ONE_TAP>()
  const can = (action: string) => appeal.allowedActions.includes(action)
  const isDispatcher = hasStaffRole(me, 'dispatcher')
  const needsDepartments = can('dispatch') || can('arbitrate')
  const needsCategories = can('accept') || can('dispatch')

  const categories = useLoad(() => appealsApi.categories(), [text.language], needsCategories)
  const suggestions = useLoad(
    () => appealsApi.suggestions(appeal.id),
    [appeal.id],
    isDispatcher && needsDepartments,
  )
  // The dispatch form opens with the top suggestion chosen: the task force confirms or changes it.
  const topSuggestion = suggestions.data?.items[0]?.departmentId
  const departments = useLoad(() => departmentsApi.list(), [], needsDepartments)
  const departmentOptions = useMemo(
    () => departmentSelectOptions(departments.data?.items ?? []),
    [departments.data],
  )

  const done = (updated: AppealDetail, note: string) => {
    setModal(undefined)
    onChange(updated)
    void message.success(note)
  }

  const signFor = async (action: keyof typeof ONE_TAP) => {
    setSigning(action)
    try {
      done(
        await ONE_TAP[action](appeal.id),
        t('appeals.case.done', { action: tx(`appeals.actions.${action}`) }),
      )
    } catch (error) {
      void message.error(errorMessage(error, t('errors.generic')))
      onReload()
    } finally {
      setSigning(undefined)
    }
  }

  const open = (action: ToolbarAction) => {
    if (action === 'sign_for' || action === 'co_sign_for') void signFor(action)
    else if (action === 'dispatch') setModal({ kind: 'dispatch', leadDepartmentId: topSuggestion })
    else if (action === 'arbitrate') setModal({ kind: 'arbitrate', departmentId: topSuggestion })
    else setModal({ kind: action })
  }

  const toolbar = TOOLBAR_ACTIONS.filter((action) => can(action))
  const hasActionsElsewhere = ELSEWHERE.some((action) => can(action))
  const returnsLeft = t('appeals.case.returnCount', { count: appeal.returnCount })

  return (
    <>
      <PageHeader
        title={t('appeals.case.title', { number: appeal.number })}
        subtitle={appeal.title}
        extra={
          <Space wrap>
            <AppealStatusTag status={appeal.status} />
            <TierTag tier={appeal.tier} />
            <BackLink />
          </Space>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title={<h2 className="s-card-title">{t('appeals.case.actions')}</h2>}>
              {toolbar.length ? (
                <Space wrap>
                  {toolbar.map((action) => (
                    <Button
                      key={action}
                      type={PRIMARY.includes(action) ? 'primary' : 'default'}
                      danger={action === 'reject' || action === 'return'}
                      loading={action === signing}
                      onClick={() => open(action)}
                    >
                      {tx(`appeals.actions.${action}`)}
                    </Button>
                  ))}
                </Space>
              ) : (
                <Typography.Text className="s-empty">
                  {t(hasActionsElsewhere ? 'appeals.case.actionsElsewhere' : 'appeals.case.noActions')}
                </Typography.Text>
              )}
              {appeal.isBinding ? (
                <Alert type="info" showIcon title={t('appeals.case.binding')} style={{ marginTop: 12 }} />
              ) : null}
              {appeal.applicationId ? (
                <Alert
                  type="warning"
                  showIcon
                  title={t('appeals.fromApplication', { id: appeal.applicationId })}
                  description={t('appeals.fromApplicationStaff')}
                  style={{ marginTop: 12 }}
                />
              ) : null}
            </Card>
            <CaseFacts appeal={appeal} />
            <Slot name="appeal.problemClasses" appealId={appeal.id} />
            <Card title={<h2 className="s-card-title">{t('appeals.fields.body')}</h2>}>
              <Typography.Paragraph className="s-prewrap" style={{ marginBottom: 0 }}>
                {appeal.body}
              </Typography.Paragraph>
              <FileList files={appeal.attachments} label={t('appeals.fields.attachments')} />
            </Card>
            <RepliesCard
              appeal={appeal}
              onDecide={(reply, approve) => setModal({ kind: 'decide_reply', reply, approve })}
            />
            <Card title={<h2 className="s-card-title">{t('appeals.detail.timeline')}</h2>}>
              <Timeline
                items={appeal.timeline.map((event) => {
                  const line = text.event(event)
                  const department =
                    event.departmentName && !line.includes(event.departmentName) ? event.departmentName : ''
                  return {
                    key: event.id,
                    color: isClockEvent(event.type)
                      ? event.type === 'clock_warn50' || event.type === 'clock_warn80'
                        ? 'orange'
                        : 'red'
                      : 'blue',
                    content: (
                      <div>
                        <div>
                          <strong>{line}</strong>
                        </div>
                        <Typography.Text type="secondary">
                          {formatDateTime(event.at, text.language)}
                          {event.actorRole ? ` · ${text.role(event.actorRole)}` : ''}
                          {department ? ` · ${department}` : ''}
                        </Typography.Text>{' '}
                        <AudienceTag audience={event.audience} />
                        {event.note ? (
                          <div className="s-note">
                            <AudienceTag audience={event.noteAudience} />
                            {event.note}
                          </div>
                        ) : null}
                      </div>
                    ),
                  }
                })}
              />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            {isDispatcher && (can('dispatch') || can('arbitrate')) ? (
              <SuggestionsCard
                suggestions={suggestions}
                canArbitrate={can('arbitrate')}
                onPick={(departmentId) =>
                  setModal(
                    can('arbitrate')
                      ? { kind: 'arbitrate', departmentId }
                      : { kind: 'dispatch', leadDepartmentId: departmentId },
                  )
                }
              />
            ) : null}
            {isDispatcher && can('merge') ? (
              <SimilarCard appeal={appeal} onMerge={(original) => setModal({ kind: 'merge', original })} />
            ) : null}
            <Card title={<h2 className="s-card-title">{t('appeals.case.clocks')}</h2>}>
              <ClockList
                clocks={appeal.clocks}
                departmentNames={Object.fromEntries(
                  appeal.assignments.map((a) => [a.departmentId, a.departmentName]),
                )}
              />
            </Card>
            <AssignmentsCard appeal={appeal} />
            <CoPartsCard appeal={appeal} />
            <ContactsCard appeal={appeal} />
            <ExtensionsCard
              appeal={appeal}
              onDecide={(extension, approve) => setModal({ kind: 'decide_extension', extension, approve })}
            />
            <RatingsCard appeal={appeal} />
            {/* the one rating model's rows: who rated (per the visibility rule) and the anomaly flags */}
            <Slot name="staffCase.ratings" subjectType="appeal" subjectId={appeal.id} />
          </Space>
        </Col>
      </Row>
      {modal ? (
        <AppealActionModal
          key={actionLabel(modal, tx)}
          appeal={appeal}
          action={modal}
          categories={categories.data?.items ?? []}
          departments={departmentOptions}
          maxReturnsHint={returnsLeft}
          onClose={() => setModal(undefined)}
          onDone={done}
          onGone={(note) => {
            setModal(undefined)
            void message.success(note)
            void navigate(paths.staffAppealInbox)
          }}
        />
      ) : null}
    </>
  )
}

function CaseFacts({ appeal }: { appeal: AppealDetail }) {
  const text = useAppealText()
  const { t } = text
  const yesNo = (value: boolean) => (value ? t('appeals.case.yes') : t('appeals.case.no'))
  return (
    <Card title={<h2 className="s-card-title">{t('appeals.case.facts')}</h2>}>
      <Descriptions column={{ xs: 1, md: 2 }} size="small">
        <Descriptions.Item label={t('appeals.fields.enterpriseName')}>
          <div>
            {appeal.enterpriseName}
            {appeal.enterpriseUscc ? <div className="s-mono">{appeal.enterpriseUscc}</div> : null}
          </div>
        </Descriptions.Item>
        <Descriptions.Item label={t('appeals.fields.category')}>{appeal.categoryName}</Descriptions.Item>
        <Descriptions.Item label={t('appeals.fields.channel')}>
          {text.channel(appeal.channel)}
        </Descriptions.Item>
        <Descriptions.Item label={t('appeals.fields.createdAt')}>
          {formatDateTime(appeal.createdAt, text.language)}
        </Descriptions.Item>
        <Descriptions.Item label={t('appeals.fields.preferredContact')}>
          {t(`appeals.preferredContact.${appeal.preferredContact}`)}
          {appeal.contactPhone ? ` · ${appeal.contactPhone}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('appeals.case.address')}>{appeal.address ?? '—'}</Descriptions.Item>
        {appeal.location ? (
          <Descriptions.Item label={t('appeals.case.location')}>
            {appeal.location.latitude.toFixed(4)}, {appeal.location.longitude.toFixed(4)}
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('appeals.fields.leadDepartment')}>
          {appeal.leadDepartment?.name ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('appeals.fields.returns')}>
          {appeal.returnCount} · {t('appeals.fields.reopens')} {appeal.reopenCount}
        </Descriptions.Item>
        <Descriptions.Item label={t('appeals.case.hideIdentity')}>
          {yesNo(appeal.hideIdentity)}
        </Descriptions.Item>
        <Descriptions.Item label={t('appeals.case.isPublic')}>{yesNo(appeal.isPublic)}</Descriptions.Item>
        {appeal.statusReason ? (
          <Descriptions.Item label={t('appeals.fields.statusReason')} span={2}>
            {appeal.statusReason}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
    </Card>
  )
}

function FileList({ files, label }: { files: Attachment[]; label: string }) {
  if (!files.length) return null
  return (
    <ul className="s-file-list" aria-label={label}>
      {files.map((file) => (
        <li key={file.id}>
          {file.contentType.startsWith('image/') ? (
            <a href={attachmentUrl(file.id)} target="_blank" rel="noreferrer" className="s-thumb-link">
              <img src={attachmentUrl(file.id)} alt={file.fileName} className="s-thumb" loading="lazy" />
            </a>
          ) : null}
          <a href={attachmentUrl(file.id)} download={file.fileName}>
            {file.fileName}
          </a>{' '}
          <Typography.Text type="secondary">{formatBytes(file.sizeBytes)}</Typography.Text>
        </li>
      ))}
    </ul>
  )
}

const REPLY_COLORS: Record<string, string> = { pending_approval: 'gold', approved: 'green', rejected: 'red' }

function RepliesCard({
  appeal,
  onDecide,
}: {
  appeal: AppealDetail
  onDecide: (reply: AppealDetail['replies'][number], approve: boolean) => void
}) {
  const text = useAppealText()
  const { t, tx } = text
  const mayDecide = appeal.allowedActions.includes('approve_reply')
  return (
    <Card title={<h2 className="s-card-title">{t('appeals.detail.replies')}</h2>}>
      {appeal.replies.length ? (
        <List
          itemLayout="vertical"
          dataSource={appeal.replies}
          renderItem={(reply) => (
            <List.Item key={reply.id}>
              <Space wrap size={8}>
                <strong>{reply.departmentName}</strong>
                <Tag color={REPLY_COLORS[reply.status] ?? 'default'}>
                  {tx(`appeals.replyStatus.${reply.status}`, { defaultValue: reply.status })}
                </Tag>
                <Typography.Text type="secondary">
                  {formatDateTime(reply.writtenAt, text.language)} ·{' '}
                  {t('appeals.detail.round', { cycle: reply.cycle })}
                </Typography.Text>
              </Space>
              <Typography.Paragraph className="s-prewrap" style={{ margin: '8px 0 0' }}>
                {reply.body}
              </Typography.Paragraph>
              <FileList files={reply.attachments} label={t('appeals.detail.replyAttachments')} />
              {mayDecide && reply.status === 'pending_approval' ? (
                <Space style={{ marginTop: 8 }}>
                  <Button type="primary" onClick={() => onDecide(reply, true)}>
                    {t('appeals.actions.approve_reply')}
                  </Button>
                  <Button danger onClick={() => onDecide(reply, false)}>
                    {t('appeals.actions.reject_reply')}
                  </Button>
                </Space>
              ) : null}
            </List.Item>
          )}
        />
      ) : (
        <Typography.Text className="s-empty">{t('appeals.case.noReplies')}</Typography.Text>
      )}
    </Card>
  )
}

/** Who reads an event or a note besides staff: said on every line of the staff timeline. */
function AudienceTag({ audience }: { audience: 'internal' | 'enterprise' }) {
  const { t } = useAppealText()
  return audience === 'enterprise' ? (
    <Tag color="green">{t('appeals.audience.tagEnterprise')}</Tag>
  ) : (
    <Tag>{t('appeals.audience.tagInternal')}</Tag>
  )
}

/** The co-handlers of the current round: signed for or not, and their parts as the lead reads them. */
function CoPartsCard({ appeal }: { appeal: AppealDetail }) {
  const text = useAppealText()
  const { t } = text
  const co = appeal.assignments.filter((a) => a.isCurrent && a.role === 'co')
  if (!co.length && !appeal.coParts.length) return null
  return (
    <Card title={<h2 className="s-card-title">{t('appeals.coParts.title')}</h2>}>
      <ul className="s-plain-list">
        {co.map((assignment) => {
          const parts = appeal.coParts.filter((p) => p.departmentId === assignment.departmentId)
          return (
            <li key={assignment.id}>
              <Space wrap size={6}>
                <strong>{assignment.departmentName}</strong>
                <Tag color={assignment.signedAt ? 'green' : 'gold'}>
                  {t(assignment.signedAt ? 'appeals.coParts.signed' : 'appeals.coParts.notSigned')}
                </Tag>
              </Space>
              {parts.length ? (
                parts.map((part) => (
                  <div key={part.id} className="s-note">
                    <div className="s-small">
                      {formatDateTime(part.writtenAt, text.language)} ·{' '}
                      {t('appeals.detail.round', { cycle: part.cycle })}
                    </div>
                    <div className="s-prewrap">{part.body}</div>
                  </div>
                ))
              ) : (
                <div className="s-small">{t('appeals.coParts.none')}</div>
              )}
            </li>
          )
        })}
      </ul>
    </Card>
  )
}

/** Contacts the departments recorded: how, with whom, when; the note with who reads it. */
function ContactsCard({ appeal }: { appeal: AppealDetail }) {
  const text = useAppealText()
  const { t, tx } = text
  if (!appeal.contacts.length && appeal.status === 'submitted') return null
  return (
    <Card title={<h2 className="s-card-title">{t('appeals.case.contacts')}</h2>}>
      {appeal.contacts.length ? (
        <ul className="s-plain-list">
          {appeal.contacts.map((contact) => (
            <li key={contact.id}>
              <strong>
                {t('appeals.case.contactLine', {
                  method: tx(`appeals.contactMethods.${contact.method}`),
                  person: contact.contactPerson ?? contact.departmentName,
                })}
              </strong>
              <div className="s-small">{formatDateTime(contact.contactedAt, text.language)}</div>
              <div className="s-note">
                <AudienceTag audience={contact.noteAudience} />
                {contact.note}
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <Typography.Text className="s-empty">{t('appeals.case.noContacts')}</Typography.Text>
      )}
    </Card>
  )
}

function AssignmentsCard({ appeal }: { appeal: AppealDetail }) {
  const text = useAppealText()
  const { t } = text
  return (
    <Card title={<h2 className="s-card-title">{t('appeals.case.assignments')}</h2>}>
      {appeal.assignments.length ? (
        <ul className="s-plain-list">
          {appeal.assignments.map((assignment) => (
            <li key={assignment.id} className={assignment.isCurrent ? undefined : 's-past'}>
              <Space wrap size={6}>
                <strong>{assignment.departmentName}</strong>
                <Tag color={assignment.role === 'lead' ? 'blue' : 'default'}>
                  {t(assignment.role === 'lead' ? 'appeals.case.lead' : 'appeals.case.co')}
                </Tag>
                {assignment.isCurrent ? null : <Tag>{t('appeals.case.ended')}</Tag>}
              </Space>
              <div className="s-small">
                {t('appeals.case.dispatchedAt', {
                  at: formatDateTime(assignment.dispatchedAt, text.language),
                })}
              </div>
              <div className="s-small">
                {assignment.signedAt
                  ? t('appeals.case.signedAt', { at: formatDateTime(assignment.signedAt, text.language) })
                  : t('appeals.case.notSigned')}
              </div>
              {assignment.returnedAt ? (
                <div className="s-small s-danger-text">
                  {t('appeals.case.returnedAt', {
                    at: formatDateTime(assignment.returnedAt, text.language),
                    reason: assignment.returnReason ?? '—',
                  })}
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <Typography.Text className="s-empty">{t('appeals.case.noAssignments')}</Typography.Text>
      )}
    </Card>
  )
}

const EXTENSION_COLORS: Record<string, string> = { requested: 'gold', approved: 'green', rejected: 'red' }

function ExtensionsCard({
  appeal,
  onDecide,
}: {
  appeal: AppealDetail
  onDecide: (extension: AppealDetail['extensions'][number], approve: boolean) => void
}) {
  const text = useAppealText()
  const { t, tx } = text
  if (!appeal.extensions.length) return null
  const mayDecide = appeal.allowedActions.includes('decide_extension')
  return (
    <Card title={<h2 className="s-card-title">{t('appeals.case.extensions')}</h2>}>
      <ul className="s-plain-list">
        {appeal.extensions.map((extension) => (
          <li key={extension.id}>
            <Space wrap size={6}>
              <strong>{t('appeals.case.extensionDays', { days: extension.workingDays })}</strong>
              <Tag color={EXTENSION_COLORS[extension.status] ?? 'default'}>
                {tx(`appeals.extensionStatus.${extension.status}`, { defaultValue: extension.status })}
              </Tag>
            </Space>
            <div className="s-small">{formatDateTime(extension.requestedAt, text.language)}</div>
            <div>{extension.reason}</div>
            {extension.decisionNote ? <div className="s-note">{extension.decisionNote}</div> : null}
            {mayDecide && extension.status === 'requested' ? (
              <Space style={{ marginTop: 8 }}>
                <Button type="primary" onClick={() => onDecide(extension, true)}>
                  {t('appeals.actions.approve_extension')}
                </Button>
                <Button danger onClick={() => onDecide(extension, false)}>
                  {t('appeals.actions.reject_extension')}
                </Button>
              </Space>
            ) : null}
          </li>
        ))}
      </ul>
    </Card>
  )
}

function RatingsCard({ appeal }: { appeal: AppealDetail }) {
  const text = useAppealText()
  const { t } = text
  if (!appeal.ratings.length) return null
  return (
    <Card title={<h2 className="s-card-title">{t('appeals.case.ratings')}</h2>}>
      <ul className="s-plain-list">
        {appeal.ratings.map((rating) => (
          <li key={`${rating.cycle}-${rating.ratedAt}`}>
            <Space wrap size={6}>
              <Tag color={rating.solved ? 'green' : 'red'}>
                {rating.solved ? t('appeals.solvedYes') : t('appeals.solvedNo')}
              </Tag>
              {rating.level ? <strong>{text.level(rating.level)}</strong> : null}
              <Typography.Text type="secondary">
                {t('appeals.detail.round', { cycle: rating.cycle })} ·{' '}
                {formatDateTime(rating.ratedAt, text.language)}
              </Typography.Text>
            </Space>
            {rating.comment ? <div className="s-note">{rating.comment}</div> : null}
          </li>
        ))}
      </ul>
    </Card>
  )
}

/** Open appeals like this one, so the task force merges duplicates instead of dispatching them twice. */
function SimilarCard({
  appeal,
  onMerge,
}: {
  appeal: AppealDetail
  onMerge: (original: {
    id: string
    number: string
    title: string
    status: AppealDetail['status']
    score: number
  }) => void
}) {
  const { t } = useAppealText()
  const similar = useLoad(
    () => appealsApi.similar({ text: `${appeal.title} ${appeal.body}`.slice(0, 5000), excludeId: appeal.id }),
    [appeal.id],
  )
  const items = similar.data?.items.slice(0, 5) ?? []
  return (
    <Card title={<h2 className="s-card-title">{t('appeals.case.similar')}</h2>}>
      {similar.error ? (
        <Alert type="warning" showIcon title={errorMessage(similar.error, t('errors.loadFailed'))} />
      ) : !similar.data ? (
        <Typography.Text className="s-empty">{t('common.loading')}</Typography.Text>
      ) : items.length ? (
        <ul className="s-plain-list">
          {items.map((item) => (
            <li key={item.id}>
              <div>
                <Link to={paths.staffAppeal(item.id)} className="s-mono">
                  {item.number}
                </Link>{' '}
                <AppealStatusTag status={item.status} />
                <Typography.Text type="secondary">
                  {t('appeals.case.similarity', { percent: Math.round(item.score * 100) })}
                </Typography.Text>
              </div>
              <div>{item.title}</div>
              <Space style={{ marginTop: 4 }}>
                <Button
                  size="small"
                  onClick={() => onMerge(item)}
                  aria-label={t('appeals.case.mergeIntoNamed', { number: item.number })}
                >
                  {t('appeals.case.mergeInto')}
                </Button>
              </Space>
            </li>
          ))}
        </ul>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('appeals.case.noSimilar')} />
      )}
    </Card>
  )
}
