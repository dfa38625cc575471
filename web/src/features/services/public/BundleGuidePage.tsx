import { Button, ErrorBlock, List, Tag } from 'antd-mobile'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router'
import { errorMessage } from '../../../app/api'
import { PageLoading } from '../../../app/enterprise/RequireEnterpriseUser'
import { MobilePage } from '../../../ui/mobile/MobilePage'
import { useLoad } from '../../../ui/use-load'
import { bundlePaths, bundlesApi, type BundleGuide } from '../bundles.api'
import './bundles.css'

/** `/bundles/:id`: a bundle's guide — its matters and departments, one list of materials, what it saves. */
export function BundleGuidePage() {
  const { t, i18n } = useTranslation()
  const { id = '' } = useParams()
  const loaded = useLoad(() => bundlesApi.guide(id), [id, i18n.language])
  return (
    <MobilePage title={loaded.data?.name ?? t('services.bundles.title')} back={bundlePaths.list}>
      {loaded.error ? (
        <ErrorBlock
          status="default"
          title={errorMessage(loaded.error, t('errors.loadFailed'))}
          description=""
        />
      ) : !loaded.data ? (
        <PageLoading />
      ) : (
        <Guide guide={loaded.data} />
      )}
    </MobilePage>
  )
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="m-section" aria-label={title}>
      <h2 className="m-section-title">{title}</h2>
      {children}
    </section>
  )
}

function Figure({ label, value, sub }: { label: string; value: string; sub: string }) {
  return (
    <div>
      <span className="m-muted">{label}</span>
      <strong className="m-bundle-figure">{value}</strong>
      <span className="m-muted m-bundle-sub">{sub}</span>
    </div>
  )
}

function Guide({ guide }: { guide: BundleGuide }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const days = (count: number) => t('services.guide.days', { count })
  return (
    <>
      <section className="m-section m-bundle-figures" aria-label={t('services.bundles.savings')}>
        <Figure
          label={t('services.bundles.promised')}
          value={days(guide.days.bundle)}
          sub={t('services.bundles.oneByOne', { value: days(guide.days.oneByOne) })}
        />
        <Figure
          label={t('services.bundles.materials')}
          value={t('services.bundles.count', { count: guide.materials.bundle })}
          sub={t('services.bundles.oneByOne', {
            value: t('services.bundles.count', { count: guide.materials.oneByOne }),
          })}
        />
        <Figure
          label={t('services.bundles.fields')}
          value={t('services.bundles.count', { count: guide.fields.merged })}
          sub={t('services.bundles.oneByOne', {
            value: t('services.bundles.count', { count: guide.fields.oneByOne }),
          })}
        />
      </section>
      <p className="m-bundle-saved">
        {t('services.bundles.savedLine', {
          days: guide.days.saved,
          percent: guide.days.percent,
          materials: guide.materials.saved,
          materialsPercent: guide.materials.percent,
        })}
      </p>
      {guide.description ? <p className="m-bundle-intro">{guide.description}</p> : null}

      <Section title={t('services.bundles.members', { count: guide.memberCount })}>
        <List>
          {guide.members.map((m) => (
            <List.Item
              key={m.matterId}
              description={`${m.departmentName} · ${t('services.bundles.stage', { stage: m.stage })}`}
              extra={days(m.promisedLimitDays)}
            >
              {m.name}
            </List.Item>
          ))}
        </List>
      </Section>

      <Section title={t('services.bundles.mergedMaterials')}>
        <ul className="m-bundle-materials">
          {guide.mergedMaterials.map((m) => (
            <li key={m.name}>
              <span>{m.name}</span>
              {m.platformSupplies ? (
                <Tag color="success" fill="outline">
                  {t('services.guide.platformSupplies')}
                </Tag>
              ) : null}
              {m.askedBy.length > 1 ? (
                <span className="m-muted m-bundle-sub">
                  {t('services.bundles.askedOnce', { count: m.askedBy.length })}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      </Section>

      {guide.isPublished ? (
        <div className="m-bundle-actions">
          <Button
            block
            color="primary"
            size="large"
            onClick={() => void navigate(bundlePaths.apply(guide.id))}
          >
            {t('services.bundles.apply')}
          </Button>
        </div>
      ) : null}
    </>
  )
}
