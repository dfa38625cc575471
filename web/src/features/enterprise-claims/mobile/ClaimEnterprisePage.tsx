import { Button, Form, Input, TextArea } from 'antd-mobile'
import { useEffect, useState, type ChangeEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'
import { normalizeUscc } from '@shared/uscc'
import { errorMessage, isApiError } from '../../../app/api'
import { PageLoading, RequireEnterpriseUser } from '../../../app/enterprise/RequireEnterpriseUser'
import { paths } from '../../../app/routes'
import { useSession } from '../../../app/session'
import { showApiErrorOnForm } from '../../../ui/form-errors'
import { formatDateTime } from '../../../ui/format'
import { Banner } from '../../../ui/mobile/Banner'
import { MobilePage } from '../../../ui/mobile/MobilePage'
import { useCountdown } from '../../../ui/use-countdown'
import { useLoad } from '../../../ui/use-load'
import {
  enterpriseClaimsApi,
  type ClaimLookup,
  type ClaimMethod,
  type EnterpriseClaim,
} from '../enterprise-claims.api'
import { DisputeSection } from './DisputeSection'
import { fieldMessage } from '../../../ui/field-message'

/**
 * `/enterprises/claim?uscc=…`: my enterprise is already on the platform (someone registered it, or the
 * city seeded it from its registry) — claim it: a code to the legal representative's registered phone,
 * the current managers' approval, or a business licence the bureau checks. "Not my company" goes to
 * the task force.
 */
export function ClaimEnterprisePage() {
  const { t } = useTranslation()
  return (
    <MobilePage title={t('enterpriseClaims.title')} back={paths.registerEnterprise}>
      <RequireEnterpriseUser>{() => <ClaimFlow />}</RequireEnterpriseUser>
    </MobilePage>
  )
}

function ClaimFlow() {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const uscc = normalizeUscc(params.get('uscc') ?? '')
  const lookup = useLoad(() => enterpriseClaimsApi.lookup(uscc), [uscc], uscc.length === 18)
  const mine = useLoad(() => enterpriseClaimsApi.mine(), [])
  const [notice, setNotice] = useState<string>()
  const pending = mine.data?.items.find(
    (c) => c.status === 'pending' && lookup.data && c.enterpriseName === lookup.data.enterpriseName,
  )

  const onChanged = (claim: EnterpriseClaim, message: string) => {
    setNotice(message)
    mine.setData((current) => ({
      items: [claim, ...(current?.items ?? []).filter((c) => c.id !== claim.id)],
    }))
  }

  return (
    <>
      <p className="m-muted" style={{ margin: '4px 4px 0' }}>
        {t('enterpriseClaims.intro')}
      </p>
      <Banner tone="info" text={notice} />
      <CodeForm
        initial={uscc}
        onFind={(code) => {
          setNotice(undefined)
          setParams({ uscc: code }, { replace: true })
        }}
      />
      {uscc.length === 18 && lookup.error ? (
        <Banner
          tone="error"
          text={
            isApiError(lookup.error, 'NOT_FOUND')
              ? t('enterpriseClaims.notOnPlatform')
              : errorMessage(lookup.error, t('errors.loadFailed'))
          }
        />
      ) : null}
      {uscc.length === 18 && !lookup.data && !lookup.error ? <PageLoading /> : null}
      {lookup.data ? <Ways uscc={uscc} lookup={lookup.data} pending={pending} onChanged={onChanged} /> : null}
      {lookup.data ? <DisputeSection uscc={uscc} enterpriseName={lookup.data.enterpriseName} /> : null}
      <MyClaims claims={mine.data?.items ?? []} />
    </>
  )
}

function CodeForm({ initial, onFind }: { initial: string; onFind: (uscc: string) => void }) {
  const { t } = useTranslation()
  const [form] = Form.useForm<{ uscc: string }>()
  return (
    <Form
      form={form}
      name="claim-lookup"
      className="m-form"
      initialValues={{ uscc: initial }}
      onFinish={(values) => onFind(normalizeUscc(values.uscc))}
      footer={
        <Button block type="submit" color="primary" fill="outline">
          {t('enterpriseClaims.find')}
        </Button>
      }
    >
      <Form.Item
        name="uscc"
        label={t('enterprise.fields.uscc')}
        rules={[
          { required: true, message: fieldMessage('fields.required') },
          { len: 18, transform: normalizeUscc, message: fieldMessage('uscc.length') },
        ]}
      >
        <Input autoComplete="off" maxLength={24} placeholder="91210200XXXXXXXXXX" />
      </Form.Item>
    </Form>
  )
}

function Ways({
  uscc,
  lookup,
  pending,
  onChanged,
}: {
  uscc: string
  lookup: ClaimLookup
  pending: EnterpriseClaim | undefined
  onChanged: (claim: EnterpriseClaim, message: string) => void
}) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { refresh } = useSession()
  if (lookup.isMember)
    return (
      <section className="m-section">
        <h2 className="m-section-title">{lookup.enterpriseName}</h2>
        <p className="m-muted">{t('enterpriseClaims.alreadyMember')}</p>
      </section>
    )
  const approved = async (claim: EnterpriseClaim) => {
    await refresh() // my enterprises changed
    void navigate(paths.enterprise(claim.enterpriseId), { replace: true })
  }
  const available = (method: ClaimMethod) => lookup.methods.find((m) => m.method === method)
  const code = available('legal_rep_code')
  return (
    <>
      <section className="m-section" aria-labelledby="claim-enterprise">
        <h2 id="claim-enterprise" className="m-section-title">
          {lookup.enterpriseName}
        </h2>
        <p className="m-muted" style={{ margin: 0 }}>
          {t('enterpriseClaims.chooseWay')}
        </p>
      </section>
      {pending?.method === 'legal_rep_code' ? (
        <CodeEntry claim={pending} onApproved={approved} onChanged={onChanged} />
      ) : pending ? (
        <PendingNotice claim={pending} onChanged={onChanged} />
      ) : (
        <>
          <WaySection
            method="legal_rep_code"
            isAvailable={!!code?.isAvailable}
            detail={
              code?.isAvailable
                ? t('enterpriseClaims.ways.legal_rep_code.detail', { phone: code.sentTo })
                : t('enterpriseClaims.ways.legal_rep_code.unavailable')
            }
          >
            <StartButton uscc={uscc} method="legal_rep_code" onStarted={onChanged} />
          </WaySection>
          <WaySection
            method="manager_approval"
            isAvailable={!!available('manager_approval')?.isAvailable}
            detail={
              available('manager_approval')?.isAvailable
                ? t('enterpriseClaims.ways.manager_approval.detail')
                : t('enterpriseClaims.ways.manager_approval.unavailable')
            }
          >
            <ManagerApprovalForm uscc={uscc} onStarted={onChanged} />
          </WaySection>
          <WaySection
            method="licence_review"
            isAvailable
            detail={t('enterpriseClaims.ways.licence_review.detail')}
          >
            <LicenceReviewForm uscc={uscc} onStarted={onChanged} />
          </WaySection>
        </>
      )}
    </>
  )
}

function WaySection({
  method,
  isAvailable,
  detail,
  children,
}: {
  method: ClaimMethod
  isAvailable: boolean
  detail: string
  children: React.ReactNode
}) {
  const { t } = useTranslation()
  return (
    <section className="m-section" aria-labelledby={`way-${method}`}>
      <h2 id={`way-${method}`} className="m-section-title">
        {t(`enterpriseClaims.ways.${method}.title`)}
      </h2>
      <p className="m-muted" style={{ marginTop: 0 }}>
        {detail}
      </p>
      {isAvailable ? children : null}
    </section>
  )
}

function StartButton({
  uscc,
  method,
  onStarted,
}: {
  uscc: string
  method: ClaimMethod
  onStarted: (claim: EnterpriseClaim, message: string) => void
}) {
  const { t } = useTranslation()
  const [isBusy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string>()
  const start = async () => {
    setBusy(true)
    setProblem(undefined)
    try {
      const claim = await enterpriseClaimsApi.start({ uscc, method })
      onStarted(claim, t('enterpriseClaims.codeSent', { phone: claim.codeSentTo ?? '' }))
    } catch (error) {
      setProblem(errorMessage(error, t('errors.generic')))
    } finally {
      setBusy(false)
    }
  }
  return (
    <>
      <Banner tone="error" text={problem} />
      <Button block color="primary" loading={isBusy} onClick={() => void start()}>
        {t('enterpriseClaims.sendCode')}
      </Button>
    </>
  )
}

/** The code the legal representative passed on: six digits, resend once a minute. */
function CodeEntry({
  claim,
  onApproved,
  onChanged,
}: {
  claim: EnterpriseClaim
  onApproved: (claim: EnterpriseClaim) => Promise<void>
  onChanged: (claim: EnterpriseClaim, message: string) => void
}) {
  const { t } = useTranslation()
  const [form] = Form.useForm<{ code: string }>()
  const [banner, setBanner] = useState<string>()
  const [isBusy, setBusy] = useState(false)
  const [seconds, startCountdown] = useCountdown()
  // The server says when another code may go: count down to it (after a send, and on coming back).
  useEffect(() => {
    if (!claim.resendAfter) return
    const left = Math.ceil((new Date(claim.resendAfter).getTime() - Date.now()) / 1000)
    if (left > 0) startCountdown(left)
  }, [claim.resendAfter, startCountdown])

  const verify = async (values: { code: string }) => {
    setBanner(undefined)
    setBusy(true)
    try {
      await onApproved(await enterpriseClaimsApi.verify(claim.id, values.code.trim()))
    } catch (error) {
      setBanner(showApiErrorOnForm(form, error, ['code'], errorMessage(error, t('errors.generic'))))
    } finally {
      setBusy(false)
    }
  }
  const resend = async () => {
    setBanner(undefined)
    try {
      const again = await enterpriseClaimsApi.resendCode(claim.id)
      onChanged(again, t('enterpriseClaims.codeSent', { phone: again.codeSentTo ?? '' }))
    } catch (error) {
      setBanner(errorMessage(error, t('errors.generic')))
    }
  }
  return (
    <section className="m-section" aria-labelledby="claim-code">
      <h2 id="claim-code" className="m-section-title">
        {t('enterpriseClaims.enterCode')}
      </h2>
      <p className="m-muted" style={{ marginTop: 0 }}>
        {t('enterpriseClaims.codeHelp', { phone: claim.codeSentTo ?? '' })}
      </p>
      <Banner tone="error" text={banner} />
      <Form
        form={form}
        name="claim-code"
        className="m-form"
        onFinish={(values) => void verify(values)}
        footer={
          <div className="m-button-stack">
            <Button block type="submit" color="primary" size="large" loading={isBusy}>
              {t('enterpriseClaims.verify')}
            </Button>
            <Button block fill="outline" disabled={seconds > 0} onClick={() => void resend()}>
              {seconds > 0 ? t('enterpriseClaims.resendIn', { seconds }) : t('enterpriseClaims.resend')}
            </Button>
            <WithdrawButton claim={claim} onChanged={onChanged} />
          </div>
        }
      >
        <Form.Item
          name="code"
          label={t('enterpriseClaims.code')}
          rules={[
            { required: true, pattern: /^\d{6}$/, message: fieldMessage('enterpriseClaims.codeFormat') },
          ]}
        >
          <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
        </Form.Item>
      </Form>
    </section>
  )
}

function WithdrawButton({
  claim,
  onChanged,
}: {
  claim: EnterpriseClaim
  onChanged: (claim: EnterpriseClaim, message: string) => void
}) {
  const { t } = useTranslation()
  return (
    <Button
      block
      fill="none"
      onClick={() =>
        void enterpriseClaimsApi
          .withdraw(claim.id)
          .then((done) => onChanged(done, t('enterpriseClaims.withdrawn')))
      }
    >
      {t('enterpriseClaims.withdraw')}
    </Button>
  )
}

function PendingNotice({
  claim,
  onChanged,
}: {
  claim: EnterpriseClaim
  onChanged: (claim: EnterpriseClaim, message: string) => void
}) {
  const { t } = useTranslation()
  return (
    <section className="m-section">
      <h2 className="m-section-title">{t(`enterpriseClaims.ways.${claim.method}.title`)}</h2>
      <p className="m-muted">{t(`enterpriseClaims.pending.${claim.method}`)}</p>
      <WithdrawButton claim={claim} onChanged={onChanged} />
    </section>
  )
}

function ManagerApprovalForm({
  uscc,
  onStarted,
}: {
  uscc: string
  onStarted: (claim: EnterpriseClaim, message: string) => void
}) {
  const { t } = useTranslation()
  const [form] = Form.useForm<{ note?: string }>()
  const [banner, setBanner] = useState<string>()
  const [isBusy, setBusy] = useState(false)
  const submit = async (values: { note?: string }) => {
    setBusy(true)
    setBanner(undefined)
    try {
      const note = values.note?.trim()
      const claim = await enterpriseClaimsApi.start({
        uscc,
        method: 'manager_approval',
        ...(note ? { note } : {}),
      })
      onStarted(claim, t('enterpriseClaims.askedManagers'))
    } catch (error) {
      setBanner(showApiErrorOnForm(form, error, ['note'], errorMessage(error, t('errors.generic'))))
    } finally {
      setBusy(false)
    }
  }
  return (
    <>
      <Banner tone="error" text={banner} />
      <Form
        form={form}
        name="claim-managers"
        className="m-form"
        onFinish={(values) => void submit(values)}
        footer={
          <Button block type="submit" color="primary" fill="outline" loading={isBusy}>
            {t('enterpriseClaims.askManagers')}
          </Button>
        }
      >
        <Form.Item
          name="note"
          label={t('enterpriseClaims.note')}
          description={t('enterpriseClaims.noteHelp')}
        >
          <TextArea rows={2} maxLength={300} showCount />
        </Form.Item>
      </Form>
    </>
  )
}

type LicenceValues = { claimantName: string; idNumber: string; note?: string }

function LicenceReviewForm({
  uscc,
  onStarted,
}: {
  uscc: string
  onStarted: (claim: EnterpriseClaim, message: string) => void
}) {
  const { t } = useTranslation()
  const [form] = Form.useForm<LicenceValues>()
  const [file, setFile] = useState<{ id: string; name: string }>()
  const [fileProblem, setFileProblem] = useState<string>()
  const [banner, setBanner] = useState<string>()
  const [isBusy, setBusy] = useState(false)

  const pick = async (event: ChangeEvent<HTMLInputElement>) => {
    const picked = event.target.files?.[0]
    event.target.value = ''
    if (!picked) return
    setFileProblem(undefined)
    try {
      const stored = await enterpriseClaimsApi.uploadLicence(picked)
      setFile({ id: stored.id, name: stored.fileName })
    } catch (error) {
      setFileProblem(
        (isApiError(error) ? error.fields.file : undefined) ?? errorMessage(error, t('errors.generic')),
      )
    }
  }
  const submit = async (values: LicenceValues) => {
    setBanner(undefined)
    if (!file) {
      setFileProblem(t('enterpriseClaims.licenceRequired'))
      return
    }
    setBusy(true)
    try {
      const note = values.note?.trim()
      const claim = await enterpriseClaimsApi.start({
        uscc,
        method: 'licence_review',
        claimantName: values.claimantName.trim(),
        idNumber: values.idNumber.trim(),
        licenceFileId: file.id,
        ...(note ? { note } : {}),
      })
      onStarted(claim, t('enterpriseClaims.sentToBureau'))
    } catch (error) {
      setBanner(
        showApiErrorOnForm(
          form,
          error,
          ['claimantName', 'idNumber', 'note'],
          errorMessage(error, t('errors.generic')),
        ),
      )
    } finally {
      setBusy(false)
    }
  }
  return (
    <>
      <Banner tone="error" text={banner} />
      <Form
        form={form}
        name="claim-licence"
        className="m-form"
        onFinish={(values) => void submit(values)}
        footer={
          <Button block type="submit" color="primary" fill="outline" loading={isBusy}>
            {t('enterpriseClaims.sendToBureau')}
          </Button>
        }
      >
        <Form.Item
          name="claimantName"
          label={t('enterpriseClaims.claimantName')}
          rules={[{ required: true, message: fieldMessage('fields.required') }]}
        >
          <Input autoComplete="name" maxLength={50} />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t('enterpriseClaims.idNumber')}
          description={t('enterpriseClaims.idNumberHelp')}
          rules={[{ required: true, message: fieldMessage('fields.required') }]}
        >
          <Input autoComplete="off" maxLength={18} />
        </Form.Item>
        <Form.Item
          label={t('enterpriseClaims.licence')}
          help={fileProblem ?? t('enterpriseClaims.licenceHelp')}
        >
          <input
            type="file"
            accept="image/jpeg,image/png,image/webp,application/pdf"
            aria-label={t('enterpriseClaims.licence')}
            onChange={(e) => void pick(e)}
          />
          {file ? (
            <p className="m-muted">{t('enterpriseClaims.licenceUploaded', { name: file.name })}</p>
          ) : null}
        </Form.Item>
        <Form.Item name="note" label={t('enterpriseClaims.note')}>
          <TextArea rows={2} maxLength={300} showCount />
        </Form.Item>
      </Form>
    </>
  )
}

function MyClaims({ claims }: { claims: EnterpriseClaim[] }) {
  const { t, i18n } = useTranslation()
  if (!claims.length) return null
  return (
    <section className="m-section" aria-labelledby="my-claims">
      <h2 id="my-claims" className="m-section-title">
        {t('enterpriseClaims.mine')}
      </h2>
      <dl className="m-kv">
        {claims.map((claim) => (
          <div key={claim.id} style={{ display: 'contents' }}>
            <dt>{claim.enterpriseName}</dt>
            <dd>
              {t(`enterpriseClaims.ways.${claim.method}.short`)} ·{' '}
              {t(`enterpriseClaims.status.${claim.status}`)} ·{' '}
              {formatDateTime(claim.createdAt, i18n.language)}
              {claim.decisionNote ? <div className="m-muted">{claim.decisionNote}</div> : null}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
