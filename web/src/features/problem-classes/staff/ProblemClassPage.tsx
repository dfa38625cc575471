import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Space,
  Tag,
} from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { errorMessage } from '../../../app/api'
import { hasStaffRole, useSession } from '../../../app/session'
import { departmentsApi } from '../../../app/shared-api/departments'
import { departmentSelectOptions } from '../../../ui/department-options'
import { formatDateTime } from '../../../ui/format'
import { DepartmentSelect } from '../../../ui/staff/DepartmentSelect'
import { PageHeader } from '../../../ui/staff/PageHeader'
import { useLoad } from '../../../ui/use-load'
import { problemClassesApi, type ProblemClass } from '../problem-classes.api'
import { CasesTable } from './CasesTable'
import { StatusTag } from './StatusTag'

type Dialog =
  | { kind: 'monthly' }
  | { kind: 'task' }
  | { kind: 'done'; taskId: string; title: string }
  | { kind: 'output' }
  | { kind: 'close' }

/**
 * `/staff/problem-classes/:id`: one problem class — its cases (the bureau takes out what does not
 * belong), the monthly problem's owner unit and tasks (the task's unit records it done with
 * evidence), the policies and rule changes it produced, and closing it, which tells every enterprise.
 */
export function ProblemClassPage() {
  const { id = '' } = useParams()
  const { t, i18n } = useTranslation()
  const { message } = App.useApp()
  const { me } = useSession()
  const isBureau = hasStaffRole(me, 'dispatcher', 'bureau_leader')
  const myUnits = me?.roles.map((r) => r.departmentId) ?? []
  const loaded = useLoad(() => problemClassesApi.get(id), [id, i18n.language])
  const departments = useLoad(() => departmentsApi.list(), [], isBureau)
  const options = useMemo(() => departmentSelectOptions(departments.data?.items ?? []), [departments.data])
  const [selected, setSelected] = useState<string[]>([])
  const [dialog, setDialog] = useState<Dialog>()
  const cls = loaded.data

  /** Runs a move; the answer is the class as it now is. */
  const act = async (move: () => Promise<ProblemClass>, success: string) => {
    try {
      loaded.setData(await move())
      setDialog(undefined)
      setSelected([])
      void message.success(success)
    } catch (error) {
      void message.error(errorMessage(error, t('errors.generic')))
      loaded.reload()
    }
  }

  if (loaded.error && !cls)
    return <Alert type="error" showIcon title={errorMessage(loaded.error, t('errors.loadFailed'))} />
  if (!cls) return <Card loading />
  const isClosed = cls.status === 'closed'

  return (
    <>
      <PageHeader title={cls.name} subtitle={cls.description ?? undefined} />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label={t('problemClasses.fields.status')}>
            <StatusTag status={cls.status} />
          </Descriptions.Item>
          <Descriptions.Item label={t('problemClasses.fields.owner')}>
            {cls.ownerDepartmentName ?? '—'}
            {cls.monthlyMonth ? `（${cls.monthlyMonth}）` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('problemClasses.fields.cases')}>
            {cls.caseCount}，{t('problemClasses.page.enterprises', { count: cls.enterpriseCount })}
          </Descriptions.Item>
          <Descriptions.Item label={t('problemClasses.fields.topWords')} span={3}>
            {cls.topWords.map((w) => (
              <Tag key={w}>{w}</Tag>
            ))}
          </Descriptions.Item>
        </Descriptions>
        {isClosed ? (
          <Alert
            type="success"
            showIcon
            title={t('problemClasses.page.closedAt', {
              at: formatDateTime(cls.closedAt, i18n.language),
              summary: cls.closingSummary ?? '',
            })}
          />
        ) : isBureau ? (
          <Space wrap>
            {cls.status === 'open' ? (
              <Button type="primary" onClick={() => setDialog({ kind: 'monthly' })}>
                {t('problemClasses.page.makeMonthly')}
              </Button>
            ) : null}
            <Button onClick={() => setDialog({ kind: 'close' })}>{t('problemClasses.page.close')}</Button>
          </Space>
        ) : null}
      </Card>

      {cls.status !== 'open' ? (
        <Card
          title={t('problemClasses.page.tasks')}
          style={{ marginBottom: 16 }}
          extra={
            isBureau && !isClosed ? (
              <Button size="small" onClick={() => setDialog({ kind: 'task' })}>
                {t('problemClasses.page.addTask')}
              </Button>
            ) : null
          }
        >
          <List
            dataSource={cls.tasks}
            // the list's own grey empty text is too faint (contrast); the page's text colour instead
            locale={{
              emptyText: (
                <span style={{ color: 'rgba(0, 0, 0, 0.88)' }}>{t('problemClasses.page.noTasks')}</span>
              ),
            }}
            renderItem={(task) => (
              <List.Item
                actions={
                  !task.doneAt && !isClosed && (isBureau || myUnits.includes(task.ownerDepartmentId))
                    ? [
                        <Button
                          key="done"
                          size="small"
                          type="primary"
                          onClick={() => setDialog({ kind: 'done', taskId: task.id, title: task.title })}
                        >
                          {t('problemClasses.page.done')}
                        </Button>,
                      ]
                    : []
                }
              >
                <List.Item.Meta
                  title={task.title}
                  description={
                    <>
                      <div>
                        {task.ownerDepartmentName} · {t('problemClasses.page.due')} {task.dueOn}
                      </div>
                      {task.doneAt ? (
                        <div>
                          <Tag color="green">
                            {t('problemClasses.page.doneAt', {
                              at: formatDateTime(task.doneAt, i18n.language),
                              name: task.doneByName ?? '—',
                            })}
                          </Tag>
                          {task.evidence}
                        </div>
                      ) : null}
                    </>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
      ) : null}

      <Card
        title={t('problemClasses.page.outputs')}
        style={{ marginBottom: 16 }}
        extra={
          isBureau && !isClosed ? (
            <Button size="small" onClick={() => setDialog({ kind: 'output' })}>
              {t('problemClasses.page.addOutput')}
            </Button>
          ) : null
        }
      >
        {cls.outputs.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('problemClasses.page.noOutputs')} />
        ) : (
          <List
            dataSource={cls.outputs}
            renderItem={(output) => (
              <List.Item>
                <List.Item.Meta
                  title={output.policyTitle ?? output.reference ?? output.policyId}
                  description={output.note}
                />
              </List.Item>
            )}
          />
        )}
      </Card>

      <Card
        title={t('problemClasses.page.cases', { count: cls.caseCount })}
        extra={
          isBureau && !isClosed && selected.length > 0 ? (
            <Button
              size="small"
              danger
              onClick={() =>
                void act(
                  () => problemClassesApi.removeCases(cls.id, { version: cls.version, itemIds: selected }),
                  t('problemClasses.page.removed'),
                )
              }
            >
              {t('problemClasses.page.removeCases')}
            </Button>
          ) : null
        }
      >
        <CasesTable cases={cls.cases} {...(isBureau && !isClosed && { selected, onSelect: setSelected })} />
      </Card>

      {dialog ? (
        <MoveDialog
          dialog={dialog}
          cls={cls}
          options={options}
          onCancel={() => setDialog(undefined)}
          onSubmit={(move, success) => act(move, success)}
        />
      ) : null}
    </>
  )
}

type Values = {
  month?: { format: (f: string) => string }
  due?: { format: (f: string) => string }
  ownerDepartmentId?: string
  title?: string
  evidence?: string
  policyId?: string
  reference?: string
  note?: string
  summary?: string
}

function MoveDialog({
  dialog,
  cls,
  options,
  onCancel,
  onSubmit,
}: {
  dialog: Dialog
  cls: ProblemClass
  options: ReturnType<typeof departmentSelectOptions>
  onCancel: () => void
  onSubmit: (move: () => Promise<ProblemClass>, success: string) => Promise<void>
}) {
  const { t } = useTranslation()
  const [form] = Form.useForm<Values>()
  const [saving, setSaving] = useState(false)
  const titles: Record<Dialog['kind'], string> = {
    monthly: t('problemClasses.page.monthlyTitle'),
    task: t('problemClasses.page.addTask'),
    done: dialog.kind === 'done' ? dialog.title : '',
    output: t('problemClasses.page.addOutput'),
    close: t('problemClasses.page.closeTitle', { name: cls.name }),
  }
  const submit = async () => {
    const v = await form.validateFields()
    setSaving(true)
    try {
      if (dialog.kind === 'monthly')
        await onSubmit(
          () =>
            problemClassesApi.makeMonthly(cls.id, {
              version: cls.version,
              month: v.month!.format('YYYY-MM'),
              ownerDepartmentId: v.ownerDepartmentId!,
            }),
          t('problemClasses.page.monthlyDone'),
        )
      else if (dialog.kind === 'task')
        await onSubmit(
          () =>
            problemClassesApi.addTask(cls.id, {
              title: v.title!,
              ownerDepartmentId: v.ownerDepartmentId!,
              dueOn: v.due!.format('YYYY-MM-DD'),
            }),
          t('problemClasses.page.addTask'),
        )
      else if (dialog.kind === 'done')
        await onSubmit(
          () => problemClassesApi.completeTask(cls.id, dialog.taskId, { evidence: v.evidence! }),
          t('problemClasses.page.done'),
        )
      else if (dialog.kind === 'output')
        await onSubmit(
          () =>
            problemClassesApi.addOutput(cls.id, {
              ...(v.policyId && { policyId: v.policyId }),
              ...(v.reference && { reference: v.reference }),
              ...(v.note && { note: v.note }),
            }),
          t('problemClasses.page.addOutput'),
        )
      else
        await onSubmit(
          () => problemClassesApi.close(cls.id, { version: cls.version, summary: v.summary! }),
          t('problemClasses.page.closed', { count: cls.enterpriseCount }),
        )
    } finally {
      setSaving(false)
    }
  }
  const unit = (
    <Form.Item name="ownerDepartmentId" label={t('problemClasses.fields.owner')} rules={[{ required: true }]}>
      <DepartmentSelect options={options} aria-label={t('problemClasses.fields.owner')} />
    </Form.Item>
  )
  return (
    <Modal
      open
      title={titles[dialog.kind]}
      onOk={() => void submit()}
      confirmLoading={saving}
      onCancel={onCancel}
    >
      <Form form={form} layout="vertical">
        {dialog.kind === 'monthly' ? (
          <>
            <Form.Item name="month" label={t('problemClasses.fields.month')} rules={[{ required: true }]}>
              <DatePicker picker="month" aria-label={t('problemClasses.fields.month')} />
            </Form.Item>
            {unit}
          </>
        ) : null}
        {dialog.kind === 'task' ? (
          <>
            <Form.Item
              name="title"
              label={t('problemClasses.page.taskTitle')}
              rules={[{ required: true, min: 2 }]}
            >
              <Input maxLength={200} />
            </Form.Item>
            {unit}
            <Form.Item name="due" label={t('problemClasses.page.due')} rules={[{ required: true }]}>
              <DatePicker aria-label={t('problemClasses.page.due')} />
            </Form.Item>
          </>
        ) : null}
        {dialog.kind === 'done' ? (
          <Form.Item
            name="evidence"
            label={t('problemClasses.page.evidence')}
            extra={t('problemClasses.page.evidenceHelp')}
            rules={[{ required: true, min: 4 }]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        ) : null}
        {dialog.kind === 'output' ? (
          <>
            <Form.Item name="reference" label={t('problemClasses.page.reference')}>
              <Input maxLength={300} />
            </Form.Item>
            <Form.Item name="policyId" label={t('problemClasses.page.policyId')}>
              <Input maxLength={36} />
            </Form.Item>
            <Form.Item name="note" label={t('problemClasses.page.note')}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </>
        ) : null}
        {dialog.kind === 'close' ? (
          <Form.Item
            name="summary"
            label={t('problemClasses.page.summary')}
            extra={t('problemClasses.page.summaryHelp', { count: cls.enterpriseCount })}
            rules={[{ required: true, min: 4 }]}
          >
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  )
}
