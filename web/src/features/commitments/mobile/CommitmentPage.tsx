import { Button, ErrorBlock, Tag, TextArea, Toast } from 'antd-mobile'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { errorMessage } from '../../../app/api'
import { PageLoading, RequireEnterpriseUser } from '../../../app/enterprise/RequireEnterpriseUser'
import { formatDateTime } from '../../../ui/format'
import { MobilePage } from '../../../ui/mobile/MobilePage'
import { useLoad } from '../../../ui/use-load'
import { commitmentsApi, formatFen, type Commitment } from '../commitments.api'
import { COMPLAINT_LABELS, EVENT_LABELS, KIND_LABELS, STATE_COLORS, STATE_LABELS } from './commitment-labels'
import './commitments.css'

/**
 * `/commitments/:id`: one commitment or payable as its enterprise sees it — what is owed and by whom,
 * the payments with the interest paid, the interest still due, its complaints with the bureau's
 * findings, and the steps it was told of. An unpaid invoice or a broken promise is complained of here.
 */
export function CommitmentPage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  return (
    <MobilePage title={t('commitments.detail.title')} back="/commitments">
      <RequireEnterpriseUser>{() => <CommitmentView id={id} />}</RequireEnterpriseUser>
    </MobilePage>
  )
}

function CommitmentView({ id }: { id: string }) {
  const { t, i18n } = useTranslation()
  const [reload, setReload] = useState(0)
  const loaded = useLoad(() => commitmentsApi.get(id), [id, reload, i18n.language])
  if (loaded.error)
    return (
      <ErrorBlock
        status="default"
        title={errorMessage(loaded.error, t('errors.loadFailed'))}
        description=""
      />
    )
  if (!loaded.data) return <PageLoading />
  const c = loaded.data
  const tx = t as unknown as (key: string, params?: Record<string, unknown>) => string
  const money = (fen: number | null) => formatFen(fen, i18n.language)
  return (
    <>
      <section className="m-section" aria-labelledby="cm-title">
        <h2 id="cm-title" className="m-section-title">
          {c.title}
        </h2>
        <p className="m-muted" style={{ marginTop: 0 }}>
          {c.number} · {t(KIND_LABELS[c.kind])} · {c.departmentName}
        </p>
        <Tag color={STATE_COLORS[c.status]}>{t(STATE_LABELS[c.status])}</Tag>
        {c.breachCount > 0 ? (
          <Tag color="danger" style={{ marginLeft: 8 }}>
            {c.isSecondBreach ? t('commitments.detail.secondBreach') : t('commitments.detail.breach')}
          </Tag>
        ) : null}
        <p>{c.obligation}</p>
        <dl className="cm-figures">
          <dt>{t('commitments.detail.dueOn')}</dt>
          <dd>{c.dueOn}</dd>
          {c.amountFen !== null ? (
            <>
              <dt>{t('commitments.detail.amount')}</dt>
              <dd>{money(c.amountFen)}</dd>
              {c.disputedFen > 0 ? (
                <>
                  <dt>{t('commitments.detail.disputed')}</dt>
                  <dd>{money(c.disputedFen)}</dd>
                </>
              ) : null}
              <dt>{t('commitments.detail.paid')}</dt>
              <dd className="cm-paid">{money(c.paidFen)}</dd>
              <dt>{t('commitments.detail.outstanding')}</dt>
              <dd>{money(c.outstandingFen)}</dd>
              <dt>{t('commitments.detail.interest')}</dt>
              <dd>{money(c.interestFen)}</dd>
              <dt>{t('commitments.detail.interestPaid')}</dt>
              <dd className="cm-paid">{money(c.interestPaidFen)}</dd>
              <dt>{t('commitments.detail.interestDue')}</dt>
              <dd className={c.interestDueFen > 0 ? 'cm-due' : undefined}>{money(c.interestDueFen)}</dd>
            </>
          ) : null}
          {c.settledOn ? (
            <>
              <dt>{t('commitments.detail.settledOn')}</dt>
              <dd>{c.settledOn}</dd>
            </>
          ) : null}
        </dl>
        {c.rateBp !== null ? (
          <p className="m-muted">
            {t('commitments.detail.rate', { percent: (c.rateBp / 365 / 100).toFixed(4) })}
          </p>
        ) : null}
      </section>

      {c.payments.length ? (
        <section className="m-section" aria-labelledby="cm-payments">
          <h2 id="cm-payments" className="m-section-title">
            {t('commitments.detail.payments')}
          </h2>
          <ul className="cm-steps">
            {c.payments.map((p) => (
              <li key={p.id}>
                {p.paidOn} ·{' '}
                {t('commitments.detail.payment', {
                  principal: money(p.principalFen),
                  interest: money(p.interestFen),
                })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {c.instalments.length ? (
        <section className="m-section" aria-labelledby="cm-plan">
          <h2 id="cm-plan" className="m-section-title">
            {t('commitments.detail.plan')}
          </h2>
          <ul className="cm-steps">
            {c.instalments.map((i) => (
              <li key={i.id}>
                {i.dueOn} · {money(i.amountFen)} · {t(STATE_LABELS[i.status])}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <Complaints commitment={c} onFiled={() => setReload((n) => n + 1)} />

      <section className="m-section" aria-labelledby="cm-steps">
        <h2 id="cm-steps" className="m-section-title">
          {t('commitments.detail.timeline')}
        </h2>
        <ul className="cm-steps">
          {c.timeline.map((e, n) => (
            <li key={n}>
              <span className="m-muted">{formatDateTime(e.at, i18n.language)}</span>{' '}
              {EVENT_LABELS[e.type] ? tx(EVENT_LABELS[e.type]!) : e.type}
              {e.note ? <div>{e.note}</div> : null}
            </li>
          ))}
        </ul>
      </section>
    </>
  )
}

function Complaints({ commitment, onFiled }: { commitment: Commitment; onFiled: () => void }) {
  const { t, i18n } = useTranslation()
  const [text, setText] = useState('')
  const [sending, setSending] = useState(false)
  const canComplain = commitment.actions.includes('complain')
  const send = async () => {
    if (text.trim().length < 5) {
      Toast.show({ content: t('commitments.complaint.tooShort') })
      return
    }
    setSending(true)
    try {
      await commitmentsApi.complain(commitment.id, { text: text.trim() })
      Toast.show({ icon: 'success', content: t('commitments.complaint.sent') })
      setText('')
      onFiled()
    } catch (error) {
      Toast.show({ content: errorMessage(error, t('errors.generic')) })
    } finally {
      setSending(false)
    }
  }
  return (
    <section className="m-section" aria-labelledby="cm-complaints">
      <h2 id="cm-complaints" className="m-section-title">
        {t('commitments.complaint.title')}
      </h2>
      {commitment.complaints.length ? (
        <ul className="cm-steps">
          {commitment.complaints.map((k) => (
            <li key={k.id}>
              <Tag
                color={k.status === 'submitted' ? 'primary' : k.status === 'breach' ? 'danger' : 'success'}
              >
                {t(COMPLAINT_LABELS[k.status])}
              </Tag>{' '}
              <span className="m-muted">{formatDateTime(k.filedAt, i18n.language)}</span>
              <div>{k.text}</div>
              {k.status === 'submitted' ? (
                <div className="m-muted">
                  {t('commitments.complaint.verifyBy', { date: formatDateTime(k.verifyBy, i18n.language) })}
                </div>
              ) : (
                <div>
                  {t('commitments.complaint.finding')}
                  {k.explanation}
                  {k.refusedToRectify ? (
                    <div className="cm-due">{t('commitments.complaint.refused')}</div>
                  ) : null}
                </div>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="m-muted">{t('commitments.complaint.none')}</p>
      )}
      {canComplain ? (
        <>
          <label htmlFor="cm-complaint-text" className="m-muted">
            {t('commitments.complaint.label')}
          </label>
          <TextArea
            id="cm-complaint-text"
            value={text}
            onChange={setText}
            rows={4}
            maxLength={2000}
            placeholder={t('commitments.complaint.placeholder')}
          />
          <Button block color="primary" size="large" loading={sending} onClick={() => void send()}>
            {t('commitments.complaint.submit')}
          </Button>
        </>
      ) : null}
    </section>
  )
}
