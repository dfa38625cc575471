import { Alert, Button, Card, Col, Form, Input, Radio, Result, Row, Select, Switch, Typography } from 'antd'
import { useState } from 'react'
import { Link, useNavigate } from 'react-router'
import { errorMessage } from '../../../app/api'
import { paths } from '../../../app/routes'
import { CONTACT_PHONE_MAX_LENGTH, contactPhoneRule } from '../../../ui/contact-phone'
import { showApiErrorOnForm } from '../../../ui/form-errors'
import { PageHeader } from '../../../ui/staff/PageHeader'
import { useLoad } from '../../../ui/use-load'
import type { Translate } from '../../../app/i18n'
import { usccMessage, usccProblems } from '../../../ui/uscc-message'
import { BODY_MAX, BODY_MIN, blankToUndefined, newIdempotencyKey, TITLE_MAX, TITLE_MIN } from '../appeal-form'
import { appealsApi, type Receipt } from '../appeals.api'
import { useAppealText } from '../use-appeal-text'
import { EnterpriseFinder } from './EnterpriseFinder'
import { fieldMessage } from '../../../ui/field-message'

type Values = {
  channel: 'hotline' | 'visit'
  enterpriseUscc: string
  callerName: string
  categoryCode: string
  title: string
  body: string
  contactPhone?: string
  address?: string
  hideIdentity: boolean
  isPublic: boolean
}

const FORM_FIELDS = [
  'channel',
  'enterpriseUscc',
  'callerName',
  'categoryCode',
  'title',
  'body',
  'contactPhone',
  'address',
  'hideIdentity',
  'isPublic',
]
const INITIAL: Partial<Values> = { channel: 'hotline', hideIdentity: false, isPublic: false }

/**
 * `/staff/appeals/on-behalf` (task force): an appeal taken by phone on the hotline or written down
 * on a company visit, filed for the enterprise into the same pool. The enterprise is named by its
 * unified social credit code, checked here with the server's own rule before sending.
 */
export function OnBehalfPage() {
  const { t } = useAppealText()
  const navigate = useNavigate()
  const [receipt, setReceipt] = useState<Receipt>()
  // One key per filled-in form: a double click or a retry after a lost answer files once.
  const [key, setKey] = useState(newIdempotencyKey)

  const another = () => {
    setReceipt(undefined)
    setKey(newIdempotencyKey())
  }

  return (
    <>
      <PageHeader title={t('appeals.onBehalf.title')} subtitle={t('appeals.onBehalf.subtitle')} />
      {receipt ? (
        <Card>
          <Result
            status="success"
            title={t('appeals.onBehalf.filedTitle')}
            subTitle={
              <>
                <Typography.Paragraph className="s-receipt-number">
                  {t('appeals.onBehalf.receiptNumber')}{' '}
                  <Typography.Text strong copyable={{ text: receipt.number }}>
                    <Link to={paths.staffAppeal(receipt.id)} className="s-mono">
                      {receipt.number}
                    </Link>
                  </Typography.Text>
                </Typography.Paragraph>
                <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
                  {t('appeals.onBehalf.readBack')}
                </Typography.Paragraph>
                <blockquote className="s-receipt">{receipt.receipt}</blockquote>
              </>
            }
            extra={[
              <Button key="case" type="primary" onClick={() => void navigate(paths.staffAppeal(receipt.id))}>
                {t('appeals.onBehalf.openCase', { number: receipt.number })}
              </Button>,
              <Button key="another" onClick={another}>
                {t('appeals.onBehalf.another')}
              </Button>,
            ]}
          />
        </Card>
      ) : (
        <OnBehalfForm idempotencyKey={key} onFiled={setReceipt} />
      )}
    </>
  )
}

function OnBehalfForm({
  idempotencyKey,
  onFiled,
}: {
  idempotencyKey: string
  onFiled: (receipt: Receipt) => void
}) {
  const { t, language } = useAppealText()
  const [form] = Form.useForm<Values>()
  const [banner, setBanner] = useState<string>()
  const [isSaving, setSaving] = useState(false)
  const categories = useLoad(() => appealsApi.categories(), [language])
  const required = { required: true, message: fieldMessage('fields.required') }

  const submit = async (values: Values) => {
    setBanner(undefined)
    setSaving(true)
    try {
      onFiled(
        await appealsApi.fileOnBehalf({
          channel: values.channel,
          enterpriseUscc: values.enterpriseUscc.trim(),
          callerName: values.callerName.trim(),
          categoryCode: values.categoryCode,
          title: values.title.trim(),
          body: values.body.trim(),
          contactPhone: blankToUndefined(values.contactPhone) ?? null,
          address: blankToUndefined(values.address) ?? null,
          hideIdentity: values.hideIdentity,
          isPublic: values.isPublic,
          idempotencyKey,
        }),
      )
    } catch (error) {
      setBanner(showApiErrorOnForm(form, error, FORM_FIELDS, errorMessage(error, t('errors.generic'))))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Card>
      {banner ? (
        <Alert type="error" showIcon title={banner} role="alert" style={{ marginBottom: 16 }} />
      ) : null}
      {categories.error ? (
        <Alert
          type="error"
          showIcon
          title={errorMessage(categories.error, t('errors.loadFailed'))}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Form<Values>
        form={form}
        name="on-behalf"
        layout="vertical"
        initialValues={INITIAL}
        onFinish={(values) => void submit(values)}
        scrollToFirstError
        className="s-narrow-form"
      >
        <Form.Item name="channel" label={t('appeals.onBehalf.channel')} rules={[required]}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'hotline', label: t('appeals.channels.hotline') },
              { value: 'visit', label: t('appeals.channels.visit') },
            ]}
          />
        </Form.Item>
        <EnterpriseFinder
          onPick={(enterprise) => {
            form.setFieldValue('enterpriseUscc', enterprise.uscc)
            void form.validateFields(['enterpriseUscc'])
          }}
        />
        <Row gutter={16}>
          <Col xs={24} md={14}>
            <Form.Item
              name="enterpriseUscc"
              label={t('enterprise.fields.uscc')}
              extra={t('appeals.onBehalf.usccHelp')}
              validateTrigger="onBlur"
              normalize={(value: string) => value.toUpperCase()}
              rules={[
                required,
                {
                  validator: async (_rule, value: string | undefined) => {
                    if (!value) return
                    // Without the division table: the server checks positions 3–8 (and that it is registered).
                    const problems = usccProblems(value)
                    if (problems.length) throw new Error(usccMessage(problems, t as unknown as Translate))
                  },
                },
              ]}
            >
              <Input maxLength={22} autoComplete="off" className="s-mono" />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item
              name="callerName"
              label={t('appeals.onBehalf.callerName')}
              extra={t('appeals.onBehalf.callerNameHelp')}
              rules={[required, { max: 50, message: fieldMessage('appeals.onBehalf.tooLong', { max: 50 }) }]}
            >
              <Input maxLength={50} autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="categoryCode" label={t('appeals.fields.category')} rules={[required]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={categories.isLoading}
            placeholder={t('appeals.new.pickCategory')}
            options={(categories.data?.items ?? []).map((c) => ({ value: c.code, label: c.name }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('appeals.fields.title')}
          rules={[
            required,
            {
              min: TITLE_MIN,
              max: TITLE_MAX,
              message: fieldMessage('appeals.validation.titleLength', { min: TITLE_MIN, max: TITLE_MAX }),
            },
          ]}
        >
          <Input maxLength={TITLE_MAX} showCount placeholder={t('appeals.new.titlePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="body"
          label={t('appeals.fields.body')}
          extra={t('appeals.onBehalf.bodyHelp')}
          rules={[
            required,
            { min: BODY_MIN, message: fieldMessage('appeals.validation.bodyLength', { min: BODY_MIN }) },
          ]}
        >
          <Input.TextArea rows={6} maxLength={BODY_MAX} showCount />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={10}>
            <Form.Item
              name="contactPhone"
              label={t('appeals.onBehalf.contactPhone')}
              rules={[contactPhoneRule(fieldMessage('fields.contactPhone'))]}
            >
              <Input inputMode="tel" maxLength={CONTACT_PHONE_MAX_LENGTH} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item name="address" label={t('appeals.fields.address')}>
              <Input maxLength={200} placeholder={t('appeals.new.addressPlaceholder')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="hideIdentity"
          label={t('appeals.onBehalf.hideIdentity')}
          extra={t('appeals.onBehalf.hideIdentityHelp')}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
        <Form.Item
          name="isPublic"
          label={t('appeals.onBehalf.isPublic')}
          extra={t('appeals.onBehalf.isPublicHelp')}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
        <Typography.Paragraph type="secondary">{t('appeals.onBehalf.afterFiling')}</Typography.Paragraph>
        <Button type="primary" htmlType="submit" loading={isSaving}>
          {t('appeals.onBehalf.submit')}
        </Button>
      </Form>
    </Card>
  )
}
