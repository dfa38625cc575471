import { Button, List, TextArea } from 'antd-mobile'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { errorMessage } from '../../../app/api'
import { RequireEnterpriseUser } from '../../../app/enterprise/RequireEnterpriseUser'
import { Slot } from '../../../app/slots'
import { formatDateTime, formatIsoDate } from '../../../ui/format'
import { Banner } from '../../../ui/mobile/Banner'
import { MobilePage } from '../../../ui/mobile/MobilePage'
import { PageLoading } from '../../../app/enterprise/RequireEnterpriseUser'
import { useLoad } from '../../../ui/use-load'
import { inspectionPaths, inspectionsApi, type CheckView } from '../inspections.api'
import { ReportUnregisteredVisit } from './ReportUnregisteredVisit'

/**
 * `/inspections/check/:code`: what the enterprise's phone opens when it scans the inspector's code.
 * Who (names and certificate numbers), what (items and their legal basis), which body, whose
 * approval and the window; 确认入企 or 拒绝 (with a reason). A code that does not verify says so and
 * offers the one-tap refusal and report.
 */
export function CheckInspectionPage() {
  const { t } = useTranslation()
  return (
    <MobilePage title={t('inspections.check.title')} back={inspectionPaths.mine}>
      <RequireEnterpriseUser>{() => <CheckInspection />}</RequireEnterpriseUser>
    </MobilePage>
  )
}

function CheckInspection() {
  const { t, i18n } = useTranslation()
  const { code = '' } = useParams()
  const loaded = useLoad(() => inspectionsApi.check(code), [code, i18n.language])
  const [banner, setBanner] = useState<{ tone: 'info' | 'error'; text: string }>()
  const [isRefusing, setRefusing] = useState(false)
  const [reason, setReason] = useState('')
  const [isSaving, setSaving] = useState(false)

  if (loaded.error)
    return (
      <>
        <section className="m-section">
          <h2 className="m-section-title">{t('inspections.check.invalid')}</h2>
          <Banner tone="error" text={errorMessage(loaded.error, t('errors.loadFailed'))} />
        </section>
        <ReportUnregisteredVisit presentedCode={code} />
      </>
    )
  const view = loaded.data
  if (!view) return <PageLoading />

  const act = async (run: () => Promise<CheckView>, done: string) => {
    setSaving(true)
    setBanner(undefined)
    try {
      loaded.setData(await run())
      setBanner({ tone: 'info', text: done })
      setRefusing(false)
    } catch (error) {
      setBanner({ tone: 'error', text: errorMessage(error, t('errors.generic')) })
    } finally {
      setSaving(false)
    }
  }

  const kind =
    view.kind === 'service_visit' && view.visitPurpose
      ? `${t('inspections.kinds.service_visit')} · ${t(`inspections.purposes.${view.visitPurpose}`)}`
      : t(`inspections.kinds.${view.kind}`)

  return (
    <>
      <section className="m-section">
        <h2 className="m-section-title">{view.departmentName}</h2>
        <p>
          {kind} · {view.number}
        </p>
        <p className="m-muted">{view.enterpriseName}</p>
        <p>
          <strong>{t(`inspections.states.${view.status}`)}</strong>
        </p>
        <p className="m-muted">
          {t('inspections.fields.window')}：
          {t('inspections.check.window', {
            from: formatIsoDate(view.plannedOn),
            to: formatIsoDate(view.windowEndsOn),
          })}
        </p>
        <p className="m-muted">{view.purpose}</p>
      </section>
      <Banner tone={banner?.tone} text={banner?.text} />
      <List header={t('inspections.check.who')}>
        {view.people.map((p) => (
          <List.Item key={p.userId} extra={p.certificateNo ?? ''}>
            {p.name}
          </List.Item>
        ))}
      </List>
      <List header={t('inspections.check.what')}>
        {view.items.map((item) => (
          <List.Item key={item.id} description={item.basis}>
            {item.name}
          </List.Item>
        ))}
      </List>
      <section className="m-section">
        <h2 className="m-section-title">{t('inspections.check.approval')}</h2>
        <p className="m-muted">
          {view.approvedByName && view.approvedAt
            ? t('inspections.check.approvedBy', {
                name: view.approvedByName,
                at: formatDateTime(view.approvedAt, i18n.language),
              })
            : ''}
        </p>
      </section>
      {view.status === 'approved' ? (
        <section className="m-section m-check-actions">
          {isRefusing ? (
            <>
              <label htmlFor="refuse-reason">{t('inspections.check.refuseReason')}</label>
              <TextArea id="refuse-reason" value={reason} onChange={setReason} maxLength={1000} rows={3} />
              <Button
                block
                color="danger"
                size="large"
                loading={isSaving}
                disabled={!reason.trim()}
                onClick={() =>
                  void act(
                    () => inspectionsApi.refuse(code, view.version, reason.trim()),
                    t('inspections.check.refused'),
                  )
                }
              >
                {t('inspections.check.refuseConfirm')}
              </Button>
            </>
          ) : (
            <>
              <Button
                block
                color="primary"
                size="large"
                loading={isSaving}
                onClick={() =>
                  void act(() => inspectionsApi.checkIn(code, view.version), t('inspections.check.checkedIn'))
                }
              >
                {t('inspections.check.checkIn')}
              </Button>
              <Button block size="large" fill="outline" color="danger" onClick={() => setRefusing(true)}>
                {t('inspections.check.refuse')}
              </Button>
            </>
          )}
        </section>
      ) : null}
      {['checked_in', 'result_recorded', 'closed'].includes(view.status) ? (
        <Slot
          name="case.rating"
          subjectType="inspection"
          subjectId={view.id}
          stage="final"
          enterpriseId={view.enterpriseId}
        />
      ) : null}
    </>
  )
}
