import { Button, Tag, Toast } from 'antd-mobile'
import { useId, useState, type ChangeEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../../app/api'
import { ATTACHMENT_ACCEPT } from '../../../ui/attachments'
import { bundlesApi, type BundleApplication } from '../bundles.api'
import '../apply/apply.css'

type Material = BundleApplication['materials'][number]

/**
 * A bundle's materials, merged by name (decision 0046, addendum): a file is given once and the
 * server attaches it to every matter that asks for it; what the platform supplies (由平台提供) or an
 * e-certificate stands for (由平台调取) is shown and never asked. The same cards as a single
 * application's materials step, so both look alike.
 */
export function BundleMaterials({
  applicationId,
  materials,
  issues,
  onChanged,
}: {
  applicationId: string
  materials: Material[]
  issues: Record<string, string>
  onChanged: () => Promise<void>
}) {
  const { t } = useTranslation()
  const missing = materials.filter((m) => m.required && m.state === 'missing').length
  return (
    <section className="m-section" aria-label={t('services.bundles.materialsTitle')}>
      <h2 className="m-section-title">{t('services.bundles.materialsTitle')}</h2>
      <p className="m-muted">{t('services.bundles.materialsIntro')}</p>
      {missing > 0 ? (
        <p className="apply-issues">{t('services.bundles.missingCount', { count: missing })}</p>
      ) : null}
      <div className="apply-materials">
        {materials.map((m, index) => (
          <MaterialCard
            key={m.name}
            applicationId={applicationId}
            material={m}
            issue={issues[`materials.${index}`]}
            onChanged={onChanged}
          />
        ))}
      </div>
    </section>
  )
}

function MaterialCard({
  applicationId,
  material,
  issue,
  onChanged,
}: {
  applicationId: string
  material: Material
  issue: string | undefined
  onChanged: () => Promise<void>
}) {
  const { t } = useTranslation()
  const inputId = useId()
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
    if (file) void run(() => bundlesApi.uploadMaterial(applicationId, material.name, file))
  }
  const supplied = material.state === 'platform' || material.state === 'certificate'
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
      <p className="m-muted">{t('services.bundles.askedBy', { matters: material.askedBy.join('、') })}</p>
      {material.certificate ? (
        <p className="m-muted">
          {t('services.apply.certificateHint', { number: material.certificate.number })}
        </p>
      ) : null}
      {material.notRequiredWhen && !supplied ? (
        <p className="m-muted">{t('services.apply.notRequiredWhen', { when: material.notRequiredWhen })}</p>
      ) : null}
      {material.files.length > 0 ? (
        <ul className="apply-files">
          {material.files.map((f) => (
            <li key={f.uploadId}>
              <span>{f.fileName}</span>
              <Button
                size="mini"
                fill="none"
                color="danger"
                disabled={busy}
                onClick={() => void run(() => bundlesApi.removeMaterial(applicationId, f.uploadId))}
              >
                {t('services.apply.remove')}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      {!supplied ? (
        <>
          <label htmlFor={inputId} className={`m-file-button apply-upload${busy ? ' is-disabled' : ''}`}>
            <input
              id={inputId}
              type="file"
              className="m-file-input"
              accept={ATTACHMENT_ACCEPT}
              onChange={pick}
              disabled={busy}
            />
            {busy ? t('services.apply.uploading') : t('services.apply.upload')}
          </label>
          <p className="m-muted apply-hint">{t('services.apply.uploadHint')}</p>
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
