import { ErrorBlock, Selector } from 'antd-mobile'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../../app/api'
import { PageLoading } from '../../../app/enterprise/RequireEnterpriseUser'
import { paths } from '../../../app/routes'
import { cityToday, formatNumber, formatPercent, shiftMonth } from '../../../ui/format'
import { MobilePage } from '../../../ui/mobile/MobilePage'
import { useLoad } from '../../../ui/use-load'
import { ratingsApi, type ExcludedRatings } from '../ratings.api'
import { levelLabel, SUBJECT_LABELS } from '../ratings-paths'
import { sharesOf, summarizeRatingFigures, type RatingStatistics } from './rating-statistics'
import './statistics.css'

const PERIODS = [3, 12, 24] as const
type Period = (typeof PERIODS)[number]
/** levels shown best first, as people read a rating scale */
const LEVELS = [5, 4, 3, 2, 1] as const
const REASONS = ['mistaken', 'malicious'] as const

/**
 * `/ratings/statistics`: the public ratings statistics (好差评, issue 13), no sign-in — the given
 * ratings by level and their satisfaction, the default ratings apart (never in the satisfaction), by
 * kind of case and by unit, and the ratings excluded after an upheld rating appeal, by class, with
 * what that means. Nobody is named but the units. Figures: docs/METRICS.md, "Ratings".
 */
export function RatingStatisticsPage() {
  const { t, i18n } = useTranslation()
  const [period, setPeriod] = useState<Period>(12)
  const to = cityToday().slice(0, 7)
  const from = shiftMonth(to, -(period - 1))
  const figures = useLoad(() => ratingsApi.statistics(from, to), [from, to, i18n.language])
  const excluded = useLoad(() => ratingsApi.excluded(), [])
  const stats = useMemo(
    () => (figures.data ? summarizeRatingFigures(figures.data.rows) : undefined),
    [figures.data],
  )
  return (
    <MobilePage title={t('ratings.statistics.title')} back={paths.home}>
      <div className="rs-page">
        <section className="m-section" aria-labelledby="rs-period">
          <h2 id="rs-period" className="m-section-title">
            {t('ratings.statistics.period')}
          </h2>
          <Selector
            className="rs-periods"
            columns={3}
            value={[period]}
            onChange={(v) => v[0] && setPeriod(v[0])}
            options={PERIODS.map((n) => ({ label: t('ratings.statistics.months', { n }), value: n }))}
          />
          <p className="m-muted rs-note">{t('ratings.statistics.range', { from, to })}</p>
        </section>
        {figures.error ? (
          <ErrorBlock
            status="default"
            title={errorMessage(figures.error, t('ratings.statistics.loadFailed'))}
            description=""
          />
        ) : !stats ? (
          <PageLoading />
        ) : (
          <Figures stats={stats} language={i18n.language} />
        )}
        <ExcludedSection
          inPeriod={stats?.excluded}
          all={excluded.data}
          error={excluded.error}
          language={i18n.language}
        />
      </div>
    </MobilePage>
  )
}

function LevelBars({ distribution, language }: { distribution: number[]; language: string }) {
  const { t } = useTranslation()
  const shares = sharesOf(distribution)
  return (
    <ul className="rs-levels">
      {LEVELS.map((level) => {
        const share = shares[level - 1] ?? null
        return (
          <li key={level} className={`rs-level rs-level-${level}`}>
            <span className="rs-level-name">{t(levelLabel(level))}</span>
            <span className="rs-level-count">
              {formatNumber(distribution[level - 1] ?? 0, language)}
              <span className="m-muted"> · {formatPercent(share)}</span>
            </span>
            <span className="rs-bar" aria-hidden="true">
              <span style={{ width: `${Math.round((share ?? 0) * 100)}%` }} />
            </span>
          </li>
        )
      })}
    </ul>
  )
}

function Figures({ stats, language }: { stats: RatingStatistics; language: string }) {
  const { t } = useTranslation()
  const n = (v: number) => formatNumber(v, language)
  return (
    <>
      <section className="m-section" aria-labelledby="rs-summary">
        <h2 id="rs-summary" className="m-section-title">
          {t('ratings.statistics.summary')}
        </h2>
        <dl className="rs-tiles">
          <div>
            <dt>{t('ratings.statistics.satisfaction')}</dt>
            <dd className="rs-big">{formatPercent(stats.satisfaction)}</dd>
          </div>
          <div>
            <dt>{t('ratings.statistics.given')}</dt>
            <dd className="rs-big">{n(stats.given)}</dd>
          </div>
          <div>
            <dt>{t('ratings.statistics.bad')}</dt>
            <dd className="rs-big">{n(stats.bad)}</dd>
          </div>
        </dl>
        <p className="m-muted rs-note">{t('ratings.statistics.satisfactionFormula')}</p>
      </section>

      <section className="m-section" aria-labelledby="rs-given">
        <h2 id="rs-given" className="m-section-title">
          {t('ratings.statistics.givenByLevel', { n: n(stats.given) })}
        </h2>
        {stats.given === 0 ? (
          <p className="m-muted">{t('ratings.statistics.noneGiven')}</p>
        ) : (
          <LevelBars distribution={stats.distribution} language={language} />
        )}
      </section>

      <section className="m-section" aria-labelledby="rs-defaults">
        <h2 id="rs-defaults" className="m-section-title">
          {t('ratings.statistics.defaultsByLevel', { n: n(stats.defaults) })}
        </h2>
        <p className="m-muted rs-note">{t('ratings.statistics.defaultsMeaning')}</p>
        {stats.defaults === 0 ? null : (
          <LevelBars distribution={stats.defaultDistribution} language={language} />
        )}
      </section>

      {stats.bySubject.length > 0 ? (
        <section className="m-section" aria-labelledby="rs-subjects">
          <h2 id="rs-subjects" className="m-section-title">
            {t('ratings.statistics.bySubject')}
          </h2>
          <GroupList
            groups={stats.bySubject.map((g) => ({
              key: g.subjectType,
              name: t(SUBJECT_LABELS[g.subjectType]),
              ...g,
            }))}
            language={language}
          />
        </section>
      ) : null}

      {stats.byUnit.length > 0 ? (
        <section className="m-section" aria-labelledby="rs-units">
          <h2 id="rs-units" className="m-section-title">
            {t('ratings.statistics.byUnit')}
          </h2>
          <GroupList
            groups={stats.byUnit.map((g) => ({
              key: g.departmentId ?? '-',
              name: g.departmentName ?? t('ratings.statistics.noUnit'),
              ...g,
            }))}
            language={language}
          />
        </section>
      ) : null}
    </>
  )
}

function GroupList({
  groups,
  language,
}: {
  groups: {
    key: string
    name: string
    given: number
    satisfaction: number | null
    bad: number
    defaults: number
  }[]
  language: string
}) {
  const { t } = useTranslation()
  return (
    <ul className="rs-groups">
      {groups.map((g) => (
        <li key={g.key}>
          <span className="rs-group-name">{g.name}</span>
          <span className="rs-group-figures">
            {t('ratings.statistics.groupLine', {
              given: formatNumber(g.given, language),
              satisfaction: formatPercent(g.satisfaction),
              bad: formatNumber(g.bad, language),
              defaults: formatNumber(g.defaults, language),
            })}
          </span>
        </li>
      ))}
    </ul>
  )
}

function ExcludedSection({
  inPeriod,
  all,
  error,
  language,
}: {
  inPeriod: number | undefined
  all: ExcludedRatings | undefined
  error: unknown
  language: string
}) {
  const { t } = useTranslation()
  const countOf = (reason: string) => all?.byReason.find((r) => r.reason === reason)?.count ?? 0
  const others = all?.byReason.filter((r) => !(REASONS as readonly string[]).includes(r.reason)) ?? []
  return (
    <section className="m-section rs-excluded" aria-labelledby="rs-excluded">
      <h2 id="rs-excluded" className="m-section-title">
        {t('ratings.statistics.excluded.title')}
      </h2>
      <p className="rs-note">{t('ratings.statistics.excluded.meaning')}</p>
      {inPeriod !== undefined ? (
        <p className="rs-note">
          {t('ratings.statistics.excluded.inPeriod', { n: formatNumber(inPeriod, language) })}
        </p>
      ) : null}
      {error ? (
        <p className="m-error-text">{errorMessage(error, t('ratings.statistics.loadFailed'))}</p>
      ) : !all ? (
        <PageLoading />
      ) : (
        <>
          <h3 className="rs-subtitle">
            {t('ratings.statistics.excluded.allTime', { n: formatNumber(all.total, language) })}
          </h3>
          <dl className="rs-reasons">
            {REASONS.map((reason) => (
              <div key={reason}>
                <dt>
                  <strong>{t(`ratings.statistics.excluded.reason.${reason}`)}</strong>
                  <span className="m-muted">{t(`ratings.statistics.excluded.reasonText.${reason}`)}</span>
                </dt>
                <dd className="rs-big">{formatNumber(countOf(reason), language)}</dd>
              </div>
            ))}
            {others.map((r) => (
              <div key={r.reason}>
                <dt>
                  <strong>{r.reason}</strong>
                </dt>
                <dd className="rs-big">{formatNumber(r.count, language)}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      <p className="m-muted rs-note">{t('ratings.statistics.excluded.privacy')}</p>
    </section>
  )
}
