import { ErrorBlock } from 'antd-mobile'
import { ENTERPRISE_PROFILE_FIELDS } from '@shared/enterprise-profile'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../app/api'
import { PageLoading } from '../../app/enterprise/RequireEnterpriseUser'
import { formatDateTime } from '../../ui/format'
import { useLoad } from '../../ui/use-load'
import { tagName } from './enterprise-labels'
import { enterprisesApi } from './enterprises.api'

const LABELLED_FIELDS = ['uscc', ...ENTERPRISE_PROFILE_FIELDS] as const
type LabelledField = (typeof LABELLED_FIELDS)[number]
const isLabelled = (field: string): field is LabelledField =>
  (LABELLED_FIELDS as readonly string[]).includes(field)

/** Every saved version of the profile, newest first, with what each one changed. */
export function VersionsSection({ enterpriseId, refreshKey }: { enterpriseId: string; refreshKey: number }) {
  const { t, i18n } = useTranslation()
  const versions = useLoad(() => enterprisesApi.listVersions(enterpriseId), [enterpriseId, refreshKey])

  if (versions.error)
    return (
      <ErrorBlock
        status="default"
        title={errorMessage(versions.error, t('errors.loadFailed'))}
        description=""
      />
    )
  if (!versions.data) return <PageLoading />
  if (!versions.data.items.length) return <p className="m-muted">{t('enterprise.versions.empty')}</p>

  const show = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—'
    if (field === 'tags' && Array.isArray(value))
      return value.map((code) => tagName(String(code), i18n.language)).join('、') || '—'
    if (
      field === 'sizeClass' &&
      typeof value === 'string' &&
      ['large', 'medium', 'small', 'micro'].includes(value)
    ) {
      return t(`enterprise.sizeClasses.${value as 'large'}`)
    }
    return String(value)
  }

  return (
    <ol
      className="m-section"
      style={{ listStyle: 'none', margin: 0 }}
      aria-label={t('enterprise.profile.tabVersions')}
    >
      {versions.data.items.map((version) => (
        <li key={version.version} className="m-version">
          <h3 className="m-section-title" style={{ margin: 0 }}>
            {t('enterprise.profile.versionValue', { version: version.version })}
          </h3>
          <p className="m-muted" style={{ margin: '2px 0 6px' }}>
            {formatDateTime(version.changedAt, i18n.language)} ·{' '}
            {version.changedBy ?? t('enterprise.versions.system')}
          </p>
          {version.version === 1 || version.changedFields.length === 0 ? (
            <p style={{ margin: 0 }}>{t('enterprise.versions.initial')}</p>
          ) : (
            <dl className="m-kv">
              {version.changedFields.map((field) => (
                <div key={field} style={{ display: 'contents' }}>
                  <dt>{isLabelled(field) ? t(`enterprise.fields.${field}`) : field}</dt>
                  <dd>{show(field, version.profile[field])}</dd>
                </div>
              ))}
            </dl>
          )}
        </li>
      ))}
    </ol>
  )
}
