import { Tag, Toast } from 'antd-mobile'
import { useState, type ChangeEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../../app/api'
import { bundlesApi, type BundleApplication } from '../bundles.api'
import '../apply/apply.css'
import { MaterialFileList, MaterialUploadButton } from '../apply/MaterialFiles'

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
      <MaterialFileList
        files={material.files.map((f) => ({ key: f.uploadId, fileName: f.fileName }))}
        busy={busy}
        onRemove={(uploadId) => void run(() => bundlesApi.removeMaterial(applicationId, uploadId))}
      />
      {!supplied ? (
        <>
          <MaterialUploadButton busy={busy} onPick={pick} />
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
