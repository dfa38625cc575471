import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { errorMessage } from '../../../app/api'
import { paths } from '../../../app/routes'
import { showApiErrorOnForm } from '../../../ui/form-errors'
import { formatDateTime } from '../../../ui/format'
import { PageHeader } from '../../../ui/staff/PageHeader'
import { useLoad } from '../../../ui/use-load'
import { MATTER_TYPE_LABELS, ONLINE_LEVEL_LABELS, SPECIAL_STEP_LABELS } from '../matter-labels'
import { servicesApi, type MatterContent, type MatterVersion, type MatterVersionList } from '../services.api'
import { CERTIFICATE_KIND_LABELS, REVIEW_ROLE_LABELS } from './editor-labels'
import { fieldMessage, rejectWith } from '../../../ui/field-message'
import './matter-editor.css'

/** The form's fields: every part of a version's content but the two the forms and review parts edit. */
const FORM_FIELDS = [
  'name',
  'matterType',
  'implementingBody',
  'legalBasis',
  'conditions',
  'materials',
  'fees',
  'statutoryLimitDays',
  'promisedLimitDays',
  'specialSteps',
  'visitsNeeded',
  'onlineLevel',
  'faq',
  'reviewSteps',
  'toleranceMaterials',
  'jointHandling',
  'certificateKind',
] as const

type Loaded = { list: MatterVersionList; version: MatterVersion | undefined }

/**
 * `/staff/matters/:id`: one matter's versions and its draft. The draft is edited here — the six
 * elements, conditions, materials, fees, limits (promised ≤ statutory, checked as you type and by
 * the server), special steps, visits, online level, FAQ, review steps and 容缺 materials — and
 * published after a confirmation. With no draft open, the form starts from the current version and
 * saving opens the next one; the published version never changes.
 */
export function MatterEditorPage() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const [reloads, setReloads] = useState(0)
  const loaded = useLoad<Loaded>(async () => {
    const list = await servicesApi.versions(id)
    const base =
      list.items.find((v) => v.status === 'draft') ??
      list.items.find((v) => v.id === list.matter.currentVersionId)
    return { list, version: base ? await servicesApi.version(id, base.id) : undefined }
  }, [id, reloads])
  const title = loaded.data?.version?.content.name ?? t('services.staff.editor.title')
  return (
    <>
      <PageHeader
        title={title}
        subtitle={
          <Space size={8} wrap>
            <Link to={paths.staffMatters}>{t('services.staff.editor.backToCatalogue')}</Link>
            {loaded.data ? (
              <Typography.Text type="secondary">{loaded.data.list.matter.code}</Typography.Text>
            ) : null}
          </Space>
        }
      />
      {loaded.error ? (
        <Alert type="error" showIcon title={errorMessage(loaded.error, t('errors.loadFailed'))} />
      ) : loaded.data?.version ? (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <VersionsCard list={loaded.data.list} />
          <DraftForm
            key={`${loaded.data.version.id}:${reloads}`}
            matterId={id}
            version={loaded.data.version}
            onSaved={() => setReloads((n) => n + 1)}
          />
        </Space>
      ) : null}
    </>
  )
}

function VersionsCard({ list }: { list: MatterVersionList }) {
  const { t, i18n } = useTranslation()
  return (
    <Card title={<h2 className="s-card-title">{t('services.staff.editor.versions')}</h2>}>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={list.items}
        columns={[
          {
            title: t('services.staff.editor.number'),
            dataIndex: 'number',
            width: 80,
            render: (n: number) => `v${n}`,
          },
          { title: t('services.staff.editor.name'), dataIndex: 'name' },
          {
            title: t('services.staff.editor.state'),
            key: 'state',
            render: (_: unknown, v: MatterVersionList['items'][number]) =>
              v.status === 'draft' ? (
                <Tag color="orange">{t('services.staff.editor.stateDraft')}</Tag>
              ) : v.id === list.matter.currentVersionId ? (
                <Tag color="green">{t('services.staff.editor.stateCurrent')}</Tag>
              ) : (
                <Tag>{t('services.staff.editor.statePast')}</Tag>
              ),
          },
          {
            title: t('services.staff.editor.publishedAt'),
            dataIndex: 'publishedAt',
            render: (at: string | null) => formatDateTime(at, i18n.language),
          },
        ]}
      />
    </Card>
  )
}

type FormValues = Omit<MatterContent, 'formSchema' | 'instantConditions'>

function DraftForm({
  matterId,
  version,
  onSaved,
}: {
  matterId: string
  version: MatterVersion
  onSaved: () => void
}) {
  const { t } = useTranslation()
  const { modal, message } = App.useApp()
  const [form] = Form.useForm<FormValues>()
  const [banner, setBanner] = useState<string>()
  const [busy, setBusy] = useState(false)
  const isDraft = version.status === 'draft'
  const materials = Form.useWatch('materials', form) ?? version.content.materials
  const statutory = Form.useWatch('statutoryLimitDays', form) ?? version.content.statutoryLimitDays
  const promised = Form.useWatch('promisedLimitDays', form) ?? version.content.promisedLimitDays

  /** The whole content: the form's values and, as they were, the form schema and instant rules. */
  const contentOf = (values: FormValues): MatterContent => ({
    ...values,
    materials: (values.materials ?? []).map((m) => ({
      name: m.name,
      templateFileId: m.templateFileId ?? null,
      platformSupplies: Boolean(m.platformSupplies),
      notRequiredWhen: m.notRequiredWhen?.trim() ? m.notRequiredWhen : null,
    })),
    fees: values.fees ?? [],
    specialSteps: (values.specialSteps ?? []).map((s) => ({
      ...s,
      countsInStatutoryLimit: Boolean(s.countsInStatutoryLimit),
    })),
    faq: values.faq ?? [],
    reviewSteps: values.reviewSteps ?? [],
    toleranceMaterials: values.toleranceMaterials ?? [],
    jointHandling: Boolean(values.jointHandling),
    certificateKind: values.certificateKind ?? null,
    formSchema: version.content.formSchema,
    instantConditions: version.content.instantConditions,
  })

  const save = async () => {
    setBanner(undefined)
    try {
      await form.validateFields()
    } catch {
      return
    }
    setBusy(true)
    try {
      await servicesApi.writeDraft(matterId, contentOf(form.getFieldsValue(true) as FormValues))
      message.success(t('services.staff.editor.saved'))
      onSaved()
    } catch (error) {
      setBanner(showApiErrorOnForm(form, error, FORM_FIELDS, t('errors.generic')))
    } finally {
      setBusy(false)
    }
  }

  const publish = () =>
    modal.confirm({
      title: t('services.staff.editor.publishTitle', { number: version.number }),
      content: t('services.staff.editor.publishBody'),
      okText: t('services.staff.editor.publish'),
      cancelText: t('services.staff.editor.cancel'),
      onOk: async () => {
        try {
          await servicesApi.publish(matterId)
          message.success(t('services.staff.editor.published'))
          onSaved()
        } catch (error) {
          setBanner(errorMessage(error, t('errors.generic')))
        }
      },
    })

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      initialValues={version.content}
      disabled={busy}
      scrollToFirstError
      className="s-matter-form"
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Alert
          type={isDraft ? 'warning' : 'info'}
          showIcon
          title={
            isDraft
              ? t('services.staff.editor.editingDraft', { number: version.number })
              : t('services.staff.editor.editingFromCurrent', { number: version.number })
          }
        />
        {banner ? <Alert type="error" showIcon title={banner} /> : null}

        <Section title={t('services.staff.editor.basics')}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="name" label={t('services.staff.editor.name')} rules={[{ required: true }]}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="matterType"
                label={t('services.guide.matterType')}
                rules={[{ required: true }]}
              >
                <Select
                  options={Object.entries(MATTER_TYPE_LABELS).map(([value, key]) => ({
                    value,
                    label: t(key),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="implementingBody"
                label={t('services.guide.implementingBody')}
                rules={[{ required: true }]}
              >
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="onlineLevel"
                label={t('services.guide.onlineLevel')}
                rules={[{ required: true }]}
              >
                <Select
                  options={Object.entries(ONLINE_LEVEL_LABELS).map(([value, key]) => ({
                    value,
                    label: t(key),
                  }))}
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="legalBasis" label={t('services.guide.legalBasis')} rules={[{ required: true }]}>
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
          </Form.Item>
          <Form.Item name="conditions" label={t('services.guide.conditions')} rules={[{ required: true }]}>
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={4000} />
          </Form.Item>
        </Section>

        <Section title={t('services.guide.limits')}>
          <Row gutter={16}>
            <Col xs={12} md={6}>
              <Form.Item
                name="statutoryLimitDays"
                label={t('services.staff.editor.statutoryDays')}
                rules={[{ required: true }]}
              >
                <InputNumber min={0} max={365} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name="promisedLimitDays"
                label={t('services.staff.editor.promisedDays')}
                dependencies={['statutoryLimitDays']}
                rules={[
                  { required: true },
                  ({ getFieldValue }) => ({
                    validator: (_, value: number | null) =>
                      value === null || value === undefined || value <= getFieldValue('statutoryLimitDays')
                        ? Promise.resolve()
                        : rejectWith(fieldMessage('services.staff.editor.promisedExceeds')),
                  }),
                ]}
              >
                <InputNumber min={0} max={365} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="visitsNeeded" label={t('services.guide.visits')} rules={[{ required: true }]}>
                <InputNumber min={0} max={10} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Typography.Paragraph type={promised > statutory ? 'danger' : 'secondary'} aria-live="polite">
            {t('services.catalogue.limits', { promised, statutory })}
          </Typography.Paragraph>
          <ListField
            name="specialSteps"
            title={t('services.guide.specialSteps')}
            add={t('services.staff.editor.addSpecialStep')}
            blank={{ kind: 'on_site_inspection', limitDays: 5, countsInStatutoryLimit: true }}
            render={(field) => (
              <Row gutter={8}>
                <Col xs={24} md={10}>
                  <Form.Item
                    name={[field, 'kind']}
                    label={t('services.staff.editor.stepKind')}
                    rules={[{ required: true }]}
                  >
                    <Select
                      options={Object.entries(SPECIAL_STEP_LABELS).map(([value, key]) => ({
                        value,
                        label: t(key),
                      }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item
                    name={[field, 'limitDays']}
                    label={t('services.staff.editor.stepDays')}
                    rules={[{ required: true }]}
                  >
                    <InputNumber min={0} max={365} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={8}>
                  <Form.Item
                    name={[field, 'countsInStatutoryLimit']}
                    label={t('services.guide.inStatutory')}
                    valuePropName="checked"
                  >
                    <Switch />
                  </Form.Item>
                </Col>
              </Row>
            )}
          />
        </Section>

        <Section title={t('services.guide.materials')}>
          <ListField
            name="materials"
            add={t('services.staff.editor.addMaterial')}
            blank={{ name: '', templateFileId: null, platformSupplies: false, notRequiredWhen: null }}
            render={(field) => (
              <Row gutter={8}>
                <Col xs={24} md={10}>
                  <Form.Item
                    name={[field, 'name']}
                    label={t('services.staff.editor.materialName')}
                    rules={[{ required: true }]}
                  >
                    <Input maxLength={200} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={4}>
                  <Form.Item
                    name={[field, 'platformSupplies']}
                    label={t('services.staff.editor.platformSupplies')}
                    valuePropName="checked"
                  >
                    <Switch />
                  </Form.Item>
                </Col>
                <Col xs={24} md={10}>
                  <Form.Item
                    name={[field, 'notRequiredWhen']}
                    label={t('services.staff.editor.notRequiredWhen')}
                  >
                    <Input maxLength={500} placeholder={t('services.staff.editor.notRequiredWhenHint')} />
                  </Form.Item>
                </Col>
              </Row>
            )}
          />
          <Form.Item
            name="toleranceMaterials"
            label={t('services.staff.editor.tolerance')}
            extra={t('services.staff.editor.toleranceHint')}
          >
            <Select
              mode="multiple"
              options={materials.filter((m) => m?.name).map((m) => ({ value: m.name, label: m.name }))}
            />
          </Form.Item>
        </Section>

        <Section title={t('services.guide.fees')}>
          <ListField
            name="fees"
            add={t('services.staff.editor.addFee')}
            blank={{ name: '', amount: '', basis: '' }}
            empty={t('services.guide.free')}
            render={(field) => (
              <Row gutter={8}>
                <Col xs={24} md={8}>
                  <Form.Item
                    name={[field, 'name']}
                    label={t('services.staff.editor.feeName')}
                    rules={[{ required: true }]}
                  >
                    <Input maxLength={200} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={6}>
                  <Form.Item
                    name={[field, 'amount']}
                    label={t('services.staff.editor.feeAmount')}
                    rules={[{ required: true }]}
                  >
                    <Input maxLength={100} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={10}>
                  <Form.Item
                    name={[field, 'basis']}
                    label={t('services.staff.editor.feeBasis')}
                    rules={[{ required: true }]}
                  >
                    <Input maxLength={500} />
                  </Form.Item>
                </Col>
              </Row>
            )}
          />
        </Section>

        <Section title={t('services.guide.faq')}>
          <ListField
            name="faq"
            add={t('services.staff.editor.addFaq')}
            blank={{ question: '', answer: '' }}
            render={(field) => (
              <>
                <Form.Item
                  name={[field, 'question']}
                  label={t('services.staff.editor.question')}
                  rules={[{ required: true }]}
                >
                  <Input maxLength={300} />
                </Form.Item>
                <Form.Item
                  name={[field, 'answer']}
                  label={t('services.staff.editor.answer')}
                  rules={[{ required: true }]}
                >
                  <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
                </Form.Item>
              </>
            )}
          />
        </Section>

        <Section title={t('services.staff.editor.handling')}>
          <Typography.Paragraph type="secondary">
            {t('services.staff.editor.reviewHint')}
          </Typography.Paragraph>
          <ListField
            name="reviewSteps"
            add={t('services.staff.editor.addReviewStep')}
            blank={{ key: '', name: '', role: 'handler', stage: 1 }}
            render={(field) => (
              <Row gutter={8}>
                <Col xs={12} md={5}>
                  <Form.Item
                    name={[field, 'stage']}
                    label={t('services.staff.editor.stage')}
                    rules={[{ required: true }]}
                  >
                    <InputNumber min={1} max={10} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item
                    name={[field, 'key']}
                    label={t('services.staff.editor.stepKey')}
                    rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{0,39}$/ }]}
                  >
                    <Input maxLength={40} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={7}>
                  <Form.Item
                    name={[field, 'name']}
                    label={t('services.staff.editor.stepName')}
                    rules={[{ required: true }]}
                  >
                    <Input maxLength={50} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item
                    name={[field, 'role']}
                    label={t('services.staff.editor.role')}
                    rules={[{ required: true }]}
                  >
                    <Select
                      options={Object.entries(REVIEW_ROLE_LABELS).map(([value, key]) => ({
                        value,
                        label: t(key),
                      }))}
                    />
                  </Form.Item>
                </Col>
              </Row>
            )}
          />
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="certificateKind" label={t('services.staff.editor.certificateKind')}>
                <Select
                  allowClear
                  placeholder={t('services.staff.editor.noCertificate')}
                  options={Object.entries(CERTIFICATE_KIND_LABELS).map(([value, key]) => ({
                    value,
                    label: t(key),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="jointHandling"
                label={t('services.staff.editor.jointHandling')}
                valuePropName="checked"
              >
                <Switch />
              </Form.Item>
            </Col>
          </Row>
          <Typography.Paragraph type="secondary" className="s-small">
            {t('services.staff.editor.formAndInstant', {
              form:
                Object.keys(version.content.formSchema).length === 0
                  ? t('services.staff.editor.noForm')
                  : t('services.staff.editor.hasForm'),
              instant:
                version.content.instantConditions === null
                  ? t('services.staff.editor.notInstant')
                  : t('services.staff.editor.instant'),
            })}
          </Typography.Paragraph>
        </Section>

        <div className="s-matter-actions">
          <Button type="primary" onClick={() => void save()} loading={busy}>
            {isDraft ? t('services.staff.editor.save') : t('services.staff.editor.saveAsDraft')}
          </Button>
          <Button onClick={publish} disabled={!isDraft || busy}>
            {t('services.staff.editor.publish')}
          </Button>
        </div>
      </Space>
    </Form>
  )
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return <Card title={<h2 className="s-card-title">{title}</h2>}>{children}</Card>
}

/** A list of entries (materials, fees …), each with its fields and a remove button; one add button. */
function ListField({
  name,
  title,
  add,
  blank,
  empty,
  render,
}: {
  name: keyof FormValues
  title?: string
  add: string
  blank: object
  empty?: string
  render: (field: number) => ReactNode
}) {
  const { t } = useTranslation()
  return (
    <Form.List name={name}>
      {(fields, { add: append, remove }) => (
        <div className="s-matter-list">
          {title ? <Typography.Title level={3}>{title}</Typography.Title> : null}
          {fields.length === 0 && empty ? (
            <Typography.Paragraph type="secondary">{empty}</Typography.Paragraph>
          ) : null}
          {fields.map((field, index) => (
            <div key={field.key} className="s-matter-entry">
              <div className="s-matter-entry-head">
                <Typography.Text type="secondary">{index + 1}</Typography.Text>
                <Button
                  type="text"
                  danger
                  size="small"
                  icon={<DeleteOutlined aria-hidden="true" />}
                  onClick={() => remove(field.name)}
                >
                  {t('services.staff.editor.remove')}
                </Button>
              </div>
              {render(field.name)}
            </div>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined aria-hidden="true" />}
            onClick={() => append({ ...blank })}
          >
            {add}
          </Button>
        </div>
      )}
    </Form.List>
  )
}
