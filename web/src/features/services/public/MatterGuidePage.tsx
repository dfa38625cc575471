import { Button, ErrorBlock, List, Tag } from 'antd-mobile'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router'
import { errorMessage } from '../../../app/api'
import { PageLoading } from '../../../app/enterprise/RequireEnterpriseUser'
import { paths } from '../../../app/routes'
import { formatDateTime } from '../../../ui/format'
import { MobilePage } from '../../../ui/mobile/MobilePage'
import { useLoad } from '../../../ui/use-load'
import {
  MATTER_TYPE_LABELS,
  ONLINE_LEVEL_LABELS,
  SPECIAL_STEP_LABELS,
  VARIANT_LABELS,
} from '../matter-labels'
import { servicesApi, type MatterGuide } from '../services.api'
import { servicesPaths } from '../services-paths'
import './matters.css'

/** `/matters/:id`: the guide (办事指南) of a matter's current published version, for anyone. */
export function MatterGuidePage() {
  const { t, i18n } = useTranslation()
  const { id = '' } = useParams()
  const loaded = useLoad(() => servicesApi.matter(id), [id, i18n.language])
  return (
    <MobilePage title={loaded.data?.name ?? t('services.guide.title')} back={paths.matters}>
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

/** What happens after applying, in the applicant's terms: instant, joint, which e-certificate. */
function Handling({ guide }: { guide: MatterGuide }) {
  const { t } = useTranslation()
  const lines = [
    guide.isInstant ? t('services.guide.instant') : null,
    guide.jointHandling ? t('services.guide.joint') : null,
    guide.certificateKind
      ? t('services.guide.certificate', {
          kind: t(`services.staff.certificateKinds.${guide.certificateKind}`),
        })
      : null,
  ].filter((line): line is string => line !== null)
  if (lines.length === 0) return null
  return (
    <Section title={t('services.guide.handling')}>
      <ul className="m-matter-handling">
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </Section>
  )
}

function Guide({ guide }: { guide: MatterGuide }) {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const days = (count: number) => t('services.guide.days', { count })
  return (
    <>
      <section className="m-section m-matter-limits-card" aria-label={t('services.guide.limits')}>
        <div>
          <span className="m-muted">{t('services.guide.promised')}</span>
          <strong className="m-matter-figure">{days(guide.promisedLimitDays)}</strong>
        </div>
        <div>
          <span className="m-muted">{t('services.guide.statutory')}</span>
          <strong className="m-matter-figure">{days(guide.statutoryLimitDays)}</strong>
        </div>
        <div>
          <span className="m-muted">{t('services.guide.visits')}</span>
          <strong className="m-matter-figure">
            {guide.visitsNeeded === 0
              ? t('services.catalogue.zeroVisits')
              : t('services.catalogue.visits', { count: guide.visitsNeeded })}
          </strong>
        </div>
      </section>

      <Section title={t('services.guide.basics')}>
        <dl className="m-matter-facts">
          <dt>{t('services.guide.department')}</dt>
          <dd>{guide.departmentName}</dd>
          <dt>{t('services.guide.implementingBody')}</dt>
          <dd>{guide.implementingBody}</dd>
          <dt>{t('services.guide.matterType')}</dt>
          <dd>{t(MATTER_TYPE_LABELS[guide.matterType])}</dd>
          {guide.variant ? (
            <>
              <dt>{t('services.guide.variant')}</dt>
              <dd>{t(VARIANT_LABELS[guide.variant])}</dd>
            </>
          ) : null}
          <dt>{t('services.guide.onlineLevel')}</dt>
          <dd>{t(ONLINE_LEVEL_LABELS[guide.onlineLevel])}</dd>
          <dt>{t('services.guide.code')}</dt>
          <dd>{guide.code}</dd>
          <dt>{t('services.guide.legalBasis')}</dt>
          <dd>{guide.legalBasis}</dd>
        </dl>
      </Section>

      <Section title={t('services.guide.conditions')}>
        <p className="m-matter-text">{guide.conditions}</p>
      </Section>

      <Section title={t('services.guide.materials')}>
        <ol className="m-matter-materials">
          {guide.materials.map((m) => (
            <li key={m.name}>
              <span>{m.name}</span>
              <span className="m-matter-markers">
                {m.platformSupplies ? (
                  <Tag color="success" fill="outline">
                    {t('services.guide.platformMarker')}
                  </Tag>
                ) : null}
                {m.notRequiredWhen ? (
                  <Tag color="primary" fill="outline">
                    {t('services.guide.exemptMarker')}
                  </Tag>
                ) : null}
                {guide.toleranceMaterials.includes(m.name) ? (
                  <Tag color="warning" fill="outline">
                    {t('services.guide.toleranceMarker')}
                  </Tag>
                ) : null}
              </span>
              {m.platformSupplies ? (
                <span className="m-muted m-matter-note">{t('services.guide.platformSupplies')}</span>
              ) : null}
              {m.notRequiredWhen ? (
                <span className="m-muted m-matter-note">
                  {t('services.guide.notRequiredWhen', { when: m.notRequiredWhen })}
                </span>
              ) : null}
            </li>
          ))}
        </ol>
        {guide.toleranceMaterials.length > 0 ? (
          <p className="m-muted m-matter-note" style={{ marginTop: 8 }}>
            {t('services.guide.toleranceText')} {guide.toleranceMaterials.join('；')}
          </p>
        ) : null}
      </Section>

      <Handling guide={guide} />

      <Section title={t('services.guide.fees')}>
        {guide.fees.length === 0 ? (
          <p className="m-matter-text">{t('services.guide.free')}</p>
        ) : (
          <List>
            {guide.fees.map((f) => (
              <List.Item key={f.name} description={f.basis} extra={f.amount}>
                {f.name}
              </List.Item>
            ))}
          </List>
        )}
      </Section>

      {guide.specialSteps.length > 0 ? (
        <Section title={t('services.guide.specialSteps')}>
          <List>
            {guide.specialSteps.map((s) => (
              <List.Item
                key={s.kind}
                description={
                  s.countsInStatutoryLimit
                    ? t('services.guide.inStatutory')
                    : t('services.guide.outsideStatutory')
                }
                extra={t('services.guide.specialStepLimit', { count: s.limitDays })}
              >
                {t(SPECIAL_STEP_LABELS[s.kind])}
              </List.Item>
            ))}
          </List>
        </Section>
      ) : null}

      {guide.faq.length > 0 ? (
        <Section title={t('services.guide.faq')}>
          {guide.faq.map((f) => (
            <details key={f.question} className="m-matter-faq">
              <summary>{f.question}</summary>
              <p>{f.answer}</p>
            </details>
          ))}
        </Section>
      ) : null}

      <p className="m-muted" style={{ margin: '0 16px 24px' }}>
        {t('services.guide.version', {
          number: guide.versionNumber,
          date: formatDateTime(guide.publishedAt, i18n.language),
        })}
      </p>

      {guide.onlineLevel === 'full' || guide.onlineLevel === 'partial' ? (
        <div className="m-matter-apply">
          <Button
            block
            color="primary"
            size="large"
            onClick={() => void navigate(servicesPaths.startApply(guide.id))}
          >
            {t('services.apply.start')}
          </Button>
          <p className="m-muted">{t('services.apply.startHint')}</p>
        </div>
      ) : null}
    </>
  )
}
