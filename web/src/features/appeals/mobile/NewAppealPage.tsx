import { Button, ErrorBlock, Form, Input, TextArea } from 'antd-mobile'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { errorMessage } from '../../../app/api'
import { PageLoading, RequireEnterpriseUser } from '../../../app/enterprise/RequireEnterpriseUser'
import { paths } from '../../../app/routes'
import type { Me } from '../../../app/session'
import { CONTACT_PHONE_MAX_LENGTH, contactPhoneRule, smsNeedsMobileRule } from '../../../ui/contact-phone'
import { showApiErrorOnForm } from '../../../ui/form-errors'
import { Banner } from '../../../ui/mobile/Banner'
import { MobilePage } from '../../../ui/mobile/MobilePage'
import { NativeSelect, NativeSwitch } from '../../../ui/mobile/native-controls'
import { RadioChoice } from '../../../ui/mobile/RadioChoice'
import { scrollToFirstError } from '../../../ui/mobile/scroll-to-error'
import { useLoad } from '../../../ui/use-load'
import { enterprisesApi } from '../../../app/shared-api/enterprises'
import {
  BODY_MAX,
  BODY_MIN,
  blankToUndefined,
  MAX_ATTACHMENTS,
  newIdempotencyKey,
  similarQueryText,
  SIMILAR_DEBOUNCE_MS,
  TITLE_MAX,
  TITLE_MIN,
} from '../appeal-form'
import { appealsApi, PREFERRED_CONTACTS, type PreferredContact, type Receipt } from '../appeals.api'
import { useAttachmentUploads } from '../../../ui/use-attachment-uploads'
import { AppealStatusTag } from './AppealStatusTag'
import { AttachmentPicker } from '../../../ui/mobile/AttachmentPicker'
import { LocationPicker, type Location } from './LocationPicker'
import { fieldMessage } from '../../../ui/field-message'

type Values = {
  enterpriseId: string
  categoryCode: string
  title: string
  body: string
  preferredContact: PreferredContact
  contactPhone: string
  address: string
  hideIdentity: boolean
  isPublic: boolean
}

const FORM_FIELDS = [
  'enterpriseId',
  'categoryCode',
  'title',
  'body',
  'preferredContact',
  'contactPhone',
  'address',
  'hideIdentity',
  'isPublic',
]

/** `/appeals/new`: file an appeal from the phone, and get the receipt with its number at once. */
export function NewAppealPage() {
  const { t } = useTranslation()
  return (
    <MobilePage title={t('appeals.new.title')} back={paths.appeals}>
      <RequireEnterpriseUser>{(me) => <NewAppeal me={me} />}</RequireEnterpriseUser>
    </MobilePage>
  )
}

function NewAppeal({ me }: { me: Me }) {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  // Category names follow the UI language.
  const reference = useLoad(async () => {
    const [enterprises, categories] = await Promise.all([enterprisesApi.listMine(), appealsApi.categories()])
    return { enterprises: enterprises.items, categories: categories.items }
  }, [i18n.language])
  const [receipt, setReceipt] = useState<Receipt>()
  // A new form (and a new idempotency key) for each appeal filed on this visit.
  const [round, setRound] = useState(0)

  if (reference.error)
    return (
      <ErrorBlock
        status="default"
        title={errorMessage(reference.error, t('errors.loadFailed'))}
        description=""
      />
    )
  if (!reference.data) return <PageLoading />
  if (receipt)
    return (
      <ReceiptView
        receipt={receipt}
        onAnother={() => {
          setReceipt(undefined)
          setRound((n) => n + 1)
        }}
      />
    )
  if (!reference.data.enterprises.length)
    return (
      <div className="m-section">
        <p style={{ marginTop: 0 }}>{t('appeals.new.noEnterprise')}</p>
        <Button block color="primary" size="large" onClick={() => void navigate(paths.registerEnterprise)}>
          {t('home.registerEnterprise')}
        </Button>
      </div>
    )

  return (
    <AppealForm
      key={round}
      me={me}
      enterprises={reference.data.enterprises}
      categories={reference.data.categories}
      onFiled={(filed) => {
        setReceipt(filed)
        window.scrollTo(0, 0)
      }}
    />
  )
}

function AppealForm({
  me,
  enterprises,
  categories,
  onFiled,
}: {
  me: Me
  enterprises: { id: string; name: string }[]
  categories: { code: string; name: string }[]
  onFiled: (receipt: Receipt) => void
}) {
  const { t } = useTranslation()
  const [form] = Form.useForm<Values>()
  const [idempotencyKey] = useState(newIdempotencyKey)
  const [banner, setBanner] = useState<string>()
  const [isSaving, setSaving] = useState(false)
  const [location, setLocation] = useState<Location | null>(null)
  const uploads = useAttachmentUploads(t('errors.generic'), MAX_ATTACHMENTS, appealsApi.upload)
  const onlyEnterprise = enterprises.length === 1 ? enterprises[0] : undefined

  const submit = async (values: Values) => {
    setBanner(undefined)
    if (uploads.isBusy) {
      setBanner(t('appeals.attachments.waitForUploads'))
      scrollToFirstError()
      return
    }
    setSaving(true)
    try {
      const channel = window.matchMedia?.('(pointer: coarse)').matches ? 'mobile' : 'web'
      onFiled(
        await appealsApi.file({
          enterpriseId: values.enterpriseId,
          categoryCode: values.categoryCode,
          title: values.title.trim(),
          body: values.body.trim(),
          attachmentIds: uploads.ids,
          preferredContact: values.preferredContact,
          contactPhone: blankToUndefined(values.contactPhone) ?? null,
          address: blankToUndefined(values.address) ?? null,
          latitude: location?.latitude ?? null,
          longitude: location?.longitude ?? null,
          hideIdentity: !!values.hideIdentity,
          isPublic: !!values.isPublic,
          channel,
          idempotencyKey, // the same key on every retry of this form: never filed twice
        }),
      )
    } catch (error) {
      setBanner(showApiErrorOnForm(form, error, FORM_FIELDS, errorMessage(error, t('errors.generic'))))
      scrollToFirstError()
    } finally {
      setSaving(false)
    }
  }

  const required = { required: true, message: fieldMessage('fields.required') }

  return (
    <>
      <p className="m-muted" style={{ margin: '4px 4px 0' }}>
        {t('appeals.new.intro')}
      </p>
      <Banner tone="error" text={banner} />
      <Form
        form={form}
        name="new-appeal"
        className="m-form"
        initialValues={{
          enterpriseId: onlyEnterprise?.id ?? '',
          preferredContact: 'phone',
          contactPhone: me.phone ?? '',
          hideIdentity: false,
          isPublic: false,
        }}
        onFinish={(values) => void submit(values)}
        onFinishFailed={scrollToFirstError}
        footer={
          <Button block type="submit" color="primary" size="large" loading={isSaving} disabled={isSaving}>
            {t('appeals.new.submit')}
          </Button>
        }
      >
        {onlyEnterprise ? (
          <Form.Item label={t('appeals.fields.enterprise')}>
            <span>{onlyEnterprise.name}</span>
          </Form.Item>
        ) : (
          <Form.Item name="enterpriseId" label={t('appeals.fields.enterprise')} rules={[required]}>
            <NativeSelect
              placeholder={t('appeals.new.pickEnterprise')}
              options={enterprises.map((e) => ({ value: e.id, label: e.name }))}
            />
          </Form.Item>
        )}
        {onlyEnterprise ? (
          <Form.Item name="enterpriseId" hidden>
            <Input />
          </Form.Item>
        ) : null}
        <Form.Item name="categoryCode" label={t('appeals.fields.category')} rules={[required]}>
          <NativeSelect
            placeholder={t('appeals.new.pickCategory')}
            options={categories.map((c) => ({ value: c.code, label: c.name }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('appeals.fields.title')}
          rules={[
            required,
            {
              min: TITLE_MIN,
              message: fieldMessage('appeals.validation.titleLength', { min: TITLE_MIN, max: TITLE_MAX }),
            },
          ]}
        >
          <Input maxLength={TITLE_MAX} placeholder={t('appeals.new.titlePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="body"
          label={t('appeals.fields.body')}
          rules={[
            required,
            { min: BODY_MIN, message: fieldMessage('appeals.validation.bodyLength', { min: BODY_MIN }) },
          ]}
          description={t('appeals.new.bodyHelp')}
        >
          <TextArea
            rows={6}
            autoSize={{ minRows: 6, maxRows: 14 }}
            maxLength={BODY_MAX}
            showCount={(length, max) => (
              <span className="m-counter">
                {t('appeals.new.counter', { count: length, max: max ?? BODY_MAX })}
              </span>
            )}
            placeholder={t('appeals.new.bodyPlaceholder')}
          />
        </Form.Item>
        <SimilarHint form={form} enterpriseFallback={onlyEnterprise?.id} />
        <Form.Item label={t('appeals.fields.attachments')}>
          <AttachmentPicker uploads={uploads} />
        </Form.Item>
        <Form.Item name="preferredContact" label={t('appeals.fields.preferredContact')}>
          <RadioChoice
            groupLabel={t('appeals.fields.preferredContact')}
            options={PREFERRED_CONTACTS.map((contact) => ({
              value: contact,
              label: t(`appeals.preferredContact.${contact}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="contactPhone"
          label={t('appeals.fields.contactPhone')}
          dependencies={['preferredContact']}
          rules={[
            contactPhoneRule(fieldMessage('fields.contactPhone')),
            smsNeedsMobileRule(fieldMessage('fields.smsNeedsMobile')),
          ]}
        >
          <Input type="tel" inputMode="tel" maxLength={CONTACT_PHONE_MAX_LENGTH} autoComplete="tel" />
        </Form.Item>
        <Form.Item name="address" label={t('appeals.fields.address')}>
          <Input maxLength={200} placeholder={t('appeals.new.addressPlaceholder')} />
        </Form.Item>
        <Form.Item>
          <LocationPicker value={location} onChange={setLocation} />
        </Form.Item>
        <Form.Item
          name="hideIdentity"
          valuePropName="checked"
          description={t('appeals.new.hideIdentityHelp')}
        >
          <NativeSwitch label={t('appeals.fields.hideIdentity')} />
        </Form.Item>
        <Form.Item name="isPublic" valuePropName="checked" description={t('appeals.new.isPublicHelp')}>
          <NativeSwitch label={t('appeals.fields.isPublic')} />
        </Form.Item>
      </Form>
    </>
  )
}

/**
 * "You may already have filed this": open appeals like the text being typed, so nobody files the
 * same problem twice. Asks ~400 ms after the typing stops.
 */
function SimilarHint({
  form,
  enterpriseFallback,
}: {
  form: ReturnType<typeof Form.useForm<Values>>[0]
  enterpriseFallback: string | undefined
}) {
  const { t } = useTranslation()
  const title = Form.useWatch('title', form) as string | undefined
  const body = Form.useWatch('body', form) as string | undefined
  const enterpriseId = (Form.useWatch('enterpriseId', form) as string | undefined) || enterpriseFallback
  const text = similarQueryText(title, body)
  const [query, setQuery] = useState({ text: '', enterpriseId: undefined as string | undefined })

  useEffect(() => {
    const timer = window.setTimeout(() => setQuery({ text, enterpriseId }), SIMILAR_DEBOUNCE_MS)
    return () => window.clearTimeout(timer)
  }, [text, enterpriseId])

  const similar = useLoad(
    () => appealsApi.similar({ text: query.text, enterpriseId: query.enterpriseId }),
    [query],
    query.text !== '',
  )
  const items = query.text && similar.data ? similar.data.items.slice(0, 3) : []

  return (
    <div aria-live="polite" className="m-similar-wrap">
      {items.length ? (
        <section className="m-similar" aria-labelledby="similar-title">
          <h2 id="similar-title" className="m-similar-title">
            {t('appeals.new.similarTitle')}
          </h2>
          <p className="m-muted" style={{ margin: '0 0 6px' }}>
            {t('appeals.new.similarHint')}
          </p>
          <ul>
            {items.map((item) => (
              <li key={item.id}>
                <Link to={paths.appeal(item.id)}>
                  {item.number} {item.title}
                </Link>{' '}
                <AppealStatusTag status={item.status} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  )
}

function ReceiptView({ receipt, onAnother }: { receipt: Receipt; onAnother: () => void }) {
  const { t } = useTranslation()
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  return (
    <section className="m-section m-receipt" aria-labelledby="receipt-title">
      <div className="m-receipt-mark" aria-hidden="true">
        ✓
      </div>
      <h2 id="receipt-title" className="m-receipt-title" tabIndex={-1} ref={heading}>
        {t('appeals.new.receiptTitle')}
      </h2>
      <p className="m-receipt-number">
        {t('appeals.fields.number')} <strong>{receipt.number}</strong>
      </p>
      <p className="m-receipt-text">{receipt.receipt}</p>
      <div className="m-button-stack">
        <Link to={paths.appeal(receipt.id)} className="m-link-button is-primary">
          {t('appeals.new.viewAppeal')}
        </Link>
        <Link to={paths.appeals} className="m-link-button">
          {t('appeals.new.toMine')}
        </Link>
        <Button block size="large" fill="none" color="primary" onClick={onAnother}>
          {t('appeals.new.another')}
        </Button>
      </div>
    </section>
  )
}
