import { Button, ErrorBlock, Form, Input, TextArea } from 'antd-mobile'
import { useRef, useState } from 'react'
import { useNavigate, useParams } from 'react-router'
import { errorMessage } from '../../../app/api'
import { PageLoading, RequireEnterpriseUser } from '../../../app/enterprise/RequireEnterpriseUser'
import { paths } from '../../../app/routes'
import type { Me } from '../../../app/session'
import { CONTACT_PHONE_MAX_LENGTH, contactPhoneRule } from '../../../ui/contact-phone'
import { showApiErrorOnForm } from '../../../ui/form-errors'
import { Banner } from '../../../ui/mobile/Banner'
import { MobilePage } from '../../../ui/mobile/MobilePage'
import { scrollToFirstError } from '../../../ui/mobile/scroll-to-error'
import { useLoad } from '../../../ui/use-load'
import { newIdempotencyKey } from '../../../ui/idempotency'
import { policiesApi, type MatchView } from '../../../app/shared-api/policies'
import { ModeTag } from '../../../ui/mobile/ModeTag'
import { benefitsApi, type ApplicationForm } from '../benefits.api'
import {
  settlementAccountsApi,
  type SettlementAccountState,
} from '../../../app/shared-api/settlement-accounts'
import { isActiveClaim, materialsBody } from '../claim-rules'
import { useBenefitText } from '../use-benefit-text'
import { MaterialPicker } from './MaterialPicker'
import '../../../ui/mobile/policy-pages.css'
import './benefits-mobile.css'
import { Slot } from '../../../app/slots'
import { fieldMessage, rejectWith } from '../../../ui/field-message'

type Values = { form: ApplicationForm; materials: Record<string, string[] | undefined> }

/** Field paths as the server names them (`form.contactPhone`, `materials.trademark`). */
const FORM_FIELDS = ['form', 'materials']

/** `/enterprises/:id/policies/:itemId/apply`: a fast or standard application with its materials. */
export function ApplyPage() {
  const { t } = useBenefitText()
  const { id = '', itemId = '' } = useParams()
  return (
    <MobilePage title={t('benefits.apply.title')} back={paths.enterprisePolicy(id, itemId)}>
      <RequireEnterpriseUser>
        {(me) => <ApplyLoader me={me} enterpriseId={id} itemId={itemId} />}
      </RequireEnterpriseUser>
    </MobilePage>
  )
}

function ApplyLoader({ me, enterpriseId, itemId }: { me: Me; enterpriseId: string; itemId: string }) {
  const { t, language } = useBenefitText()
  const navigate = useNavigate()
  const data = useLoad(async () => {
    const [match, claims, account] = await Promise.all([
      policiesApi.match(enterpriseId, itemId),
      benefitsApi.myClaims(enterpriseId, { limit: 100, offset: 0, itemId }),
      settlementAccountsApi.get(enterpriseId),
    ])
    return { match, claims: claims.items.filter((c) => c.itemId === itemId), account }
  }, [enterpriseId, itemId, language])
  if (data.error)
    return (
      <ErrorBlock status="empty" title={errorMessage(data.error, t('errors.loadFailed'))} description="" />
    )
  if (!data.data) return <PageLoading />
  // One active claim per item: an application already under way is shown, not filed twice.
  const active = data.data.claims.find((c) => isActiveClaim(c.status))
  if (active)
    return (
      <div className="m-section">
        <p style={{ marginTop: 0 }}>{t('benefits.apply.alreadyClaimed', { number: active.number })}</p>
        <Button
          block
          size="large"
          color="primary"
          onClick={() => void navigate(paths.enterpriseClaim(enterpriseId, active.id))}
        >
          {t('benefits.item.openClaim')}
        </Button>
      </div>
    )
  return (
    <ApplyForm
      me={me}
      enterpriseId={enterpriseId}
      match={data.data.match}
      account={data.data.account}
      onAccountChange={(account) => data.setData((current) => ({ ...current!, account }))}
    />
  )
}

/**
 * The form no longer asks for a bank account: the money goes to the enterprise's settlement account,
 * shown above the submit button (or given right there first).
 */
function ApplyForm({
  me,
  enterpriseId,
  match,
  account,
  onAccountChange,
}: {
  me: Me
  enterpriseId: string
  match: MatchView
  account: SettlementAccountState
  onAccountChange: (account: SettlementAccountState) => void
}) {
  const text = useBenefitText()
  const { t } = text
  const navigate = useNavigate()
  const [form] = Form.useForm<Values>()
  const [idempotencyKey] = useState(newIdempotencyKey)
  const [banner, setBanner] = useState<string>()
  const [isSaving, setSaving] = useState(false)
  const busy = useRef(new Set<string>())
  const { item, explanation } = match
  const required = { required: true, message: fieldMessage('fields.required') }

  const submit = async (values: Values) => {
    setBanner(undefined)
    if (busy.current.size) {
      setBanner(t('appeals.attachments.waitForUploads'))
      scrollToFirstError()
      return
    }
    setSaving(true)
    try {
      const uploaded = Object.fromEntries(
        Object.entries(values.materials ?? {}).map(([key, ids]) => [key, ids ?? []]),
      )
      const receipt = await benefitsApi.apply(enterpriseId, {
        itemId: item.id,
        idempotencyKey,
        form: {
          contactName: values.form.contactName.trim(),
          contactPhone: values.form.contactPhone.trim(),
          statement: values.form.statement?.trim() ?? '',
        },
        materials: materialsBody(uploaded),
      })
      void navigate(paths.enterpriseClaim(enterpriseId, receipt.id), {
        replace: true,
        state: { notice: receipt.receipt },
      })
    } catch (error) {
      setBanner(showApiErrorOnForm(form, error, FORM_FIELDS, errorMessage(error, t('errors.generic'))))
      scrollToFirstError()
    } finally {
      setSaving(false)
    }
  }

  return (
    <>
      <section className="m-section" aria-labelledby="apply-item">
        <div className="m-tag-list">
          <ModeTag mode={item.mode} />
        </div>
        <h2 id="apply-item" className="m-match-title">
          {item.title}
        </h2>
        <p className="m-muted" style={{ margin: 0 }}>
          {item.policyTitle}
        </p>
        <p style={{ margin: '8px 0 0' }}>
          {t('benefits.apply.promise', {
            department: item.departmentName ?? '—',
            count: item.promisedWorkingDays,
          })}
        </p>
        {explanation.amount !== null ? (
          <p className="m-consent-amount">
            {t('benefits.apply.expected', { amount: text.money(explanation.amount) })}
          </p>
        ) : null}
        {explanation.outcome === 'undetermined' ? (
          <p className="m-match-missing">{t('benefits.apply.undetermined')}</p>
        ) : null}
      </section>
      {/* Where the money goes, first: the form below has no bank account of its own. */}
      <section className="m-section" aria-label={t('settlementAccount.payoutHeader')}>
        <Slot name="payoutAccount" enterpriseId={enterpriseId} state={account} onChange={onAccountChange} />
      </section>
      <Banner tone="error" text={banner} />
      <Form
        form={form}
        name="apply"
        className="m-form"
        initialValues={{
          form: { contactName: me.displayName, contactPhone: me.phone ?? '', statement: '' },
          materials: {},
        }}
        onFinish={(values) => void submit(values)}
        onFinishFailed={scrollToFirstError}
        footer={
          <Button
            block
            type="submit"
            color="primary"
            size="large"
            loading={isSaving}
            disabled={isSaving || account.problem !== null}
          >
            {t('benefits.apply.submit')}
          </Button>
        }
      >
        <Form.Header>{t('benefits.apply.materials')}</Form.Header>
        {item.requiredMaterials.length === 0 ? (
          <Form.Item>
            <span className="m-muted">{t('benefits.apply.noMaterials')}</span>
          </Form.Item>
        ) : (
          item.requiredMaterials.map((m) => {
            const name = text.language === 'en' ? m.nameEn : m.nameZh
            return (
              <Form.Item
                key={m.key}
                name={['materials', m.key]}
                label={m.isRequired ? name : `${name}${t('benefits.apply.optionalSuffix')}`}
                required={m.isRequired}
                rules={
                  m.isRequired
                    ? [
                        {
                          validator: async (_rule, value: string[] | undefined) => {
                            if (!value?.length)
                              return rejectWith(fieldMessage('benefits.apply.materialRequired', { name }))
                          },
                        },
                      ]
                    : []
                }
              >
                <MaterialPicker
                  name={name}
                  onBusyChange={(isBusy) => {
                    if (isBusy) busy.current.add(m.key)
                    else busy.current.delete(m.key)
                  }}
                />
              </Form.Item>
            )
          })
        )}
        <Form.Header>{t('benefits.apply.contact')}</Form.Header>
        <Form.Item name={['form', 'contactName']} label={t('benefits.fields.contactName')} rules={[required]}>
          <Input maxLength={50} autoComplete="name" />
        </Form.Item>
        <Form.Item
          name={['form', 'contactPhone']}
          label={t('benefits.fields.contactPhone')}
          rules={[required, contactPhoneRule(fieldMessage('fields.contactPhone'))]}
        >
          <Input type="tel" inputMode="tel" maxLength={CONTACT_PHONE_MAX_LENGTH} autoComplete="tel" />
        </Form.Item>
        <Form.Item
          name={['form', 'statement']}
          label={`${t('benefits.fields.statement')}${t('benefits.apply.optionalSuffix')}`}
        >
          <TextArea rows={3} maxLength={2000} placeholder={t('benefits.apply.statementPlaceholder')} />
        </Form.Item>
      </Form>
    </>
  )
}
