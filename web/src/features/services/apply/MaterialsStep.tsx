import { Button, Checkbox, Tag, Toast } from 'antd-mobile'
import { useState, type ChangeEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../../app/api'
import { MaterialFileList, MaterialUploadButton } from './MaterialFiles'
import { servicesApi, type ApplicationFormView, type PlannedMaterialView } from '../services.api'

type Reusable = ApplicationFormView['reusable'][number]

/**
 * The materials of the version: what the platform supplies (由平台提供) and what an e-certificate
 * stands for (由平台调取) are shown and never asked; the rest are uploaded, or a file given for an
 * earlier application is reused — only after the applicant ticks their consent (一次提交).
 */
export function MaterialsStep({
  applicationId,
  materials,
  reusable,
  issues,
  onChanged,
}: {
  applicationId: string
  materials: PlannedMaterialView[]
  reusable: Reusable[]
  issues: Record<string, string>
  onChanged: () => Promise<void>
}) {
  const { t } = useTranslation()
  const missing = materials.filter((m) => m.required && m.state === 'missing').length
  return (
    <div className="apply-materials">
      {missing > 0 ? (
        <p className="apply-issues">{t('services.apply.missingCount', { count: missing })}</p>
      ) : null}
      {materials.map((m, index) => (
        <MaterialCard
          key={m.name}
          applicationId={applicationId}
          material={m}
          issue={issues[`materials.${index}`]}
          reusable={reusable.filter((r) => r.materialName === m.name)}
          onChanged={onChanged}
        />
      ))}
    </div>
  )
}

function MaterialCard({
  applicationId,
  material,
  issue,
  reusable,
  onChanged,
}: {
  applicationId: string
  material: PlannedMaterialView
  issue: string | undefined
  reusable: Reusable[]
  onChanged: () => Promise<void>
}) {
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  const run = async (work: () => Promise<unknown>) => {
    setBusy(true)
    try {
      await work()
      await onChanged()
    } catch (error) {
      Toast.show({ content: errorMessage(error, t('errors.generic')) })
    } finally {
      setBusy(false)
    }
  }
  const pick = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0]
    event.target.value = ''
    if (file) void run(() => servicesApi.uploadMaterial(applicationId, material.name, file))
  }
  const supplied = material.state === 'platform' || material.state === 'certificate'
  const usedUploads = new Set(material.files.map((f) => f.fileName))

  return (
    <section className={`apply-material${issue ? ' has-error' : ''}`} aria-label={material.name}>
      <div className="apply-material-head">
        <span className="apply-material-name">{material.name}</span>
        {material.state === 'platform' ? (
          <Tag color="success">{t('services.apply.platform')}</Tag>
        ) : material.state === 'certificate' ? (
          <Tag color="success">{t('services.apply.certificate')}</Tag>
        ) : (
          <Tag color={material.required ? 'danger' : 'default'} fill="outline">
            {material.required ? t('services.apply.required') : t('services.apply.optional')}
          </Tag>
        )}
      </div>
      {material.state === 'platform' ? <p className="m-muted">{t('services.apply.platformHint')}</p> : null}
      {material.certificate ? (
        <p className="m-muted">
          {t('services.apply.certificateHint', { number: material.certificate.number })}
        </p>
      ) : null}
      {material.notRequiredWhen && !supplied ? (
        <p className="m-muted">{t('services.apply.notRequiredWhen', { when: material.notRequiredWhen })}</p>
      ) : null}

      <MaterialFileList
        files={material.files.map((f) => ({
          key: f.id,
          fileName: f.fileName,
          href: servicesApi.materialFileUrl(applicationId, f.id),
        }))}
        busy={busy}
        onRemove={(id) => void run(() => servicesApi.removeMaterial(applicationId, id))}
      />

      {!supplied ? (
        <>
          <MaterialUploadButton busy={busy} onPick={pick} />
          {reusable
            .filter((r) => !usedUploads.has(r.fileName))
            .map((r) => (
              <ReuseOffer
                key={r.uploadId}
                offer={r}
                busy={busy}
                onReuse={() =>
                  void run(() => servicesApi.reuseMaterial(applicationId, material.name, r.uploadId))
                }
              />
            ))}
        </>
      ) : null}
      {issue ? (
        <div className="jf-error" role="alert">
          {issue}
        </div>
      ) : null}
    </section>
  )
}

function ReuseOffer({ offer, busy, onReuse }: { offer: Reusable; busy: boolean; onReuse: () => void }) {
  const { t } = useTranslation()
  const [consent, setConsent] = useState(false)
  return (
    <div className="apply-reuse">
      <div className="apply-reuse-title">{t('services.apply.reuseTitle')}</div>
      <div>
        {offer.fileName}{' '}
        <span className="m-muted">{t('services.apply.reuseFrom', { title: offer.applicationTitle })}</span>
      </div>
      <Checkbox checked={consent} onChange={setConsent} style={{ '--font-size': '14px', margin: '6px 0' }}>
        {t('services.apply.reuseConsent')}
      </Checkbox>
      <Button size="small" color="primary" fill="outline" disabled={!consent || busy} onClick={onReuse}>
        {t('services.apply.reuse')}
      </Button>
    </div>
  )
}
