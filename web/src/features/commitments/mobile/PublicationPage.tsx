import { Button, ErrorBlock } from 'antd-mobile'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../../app/api'
import { PageLoading } from '../../../app/enterprise/RequireEnterpriseUser'
import { paths } from '../../../app/routes'
import { cityToday } from '../../../ui/format'
import { MobilePage } from '../../../ui/mobile/MobilePage'
import { useLoad } from '../../../ui/use-load'
import { commitmentsApi, formatFen } from '../commitments.api'
import './commitments.css'

/**
 * `/commitments/publications`: the yearly publication of overdue payments to enterprises (count and
 * amount per unit at the year end, due by 31 March of the next year), produced by the platform from
 * the ledger. Public: no sign-in, no enterprise named; the CSV is the same figures.
 */
export function PublicationPage() {
  const { t, i18n } = useTranslation()
  const thisYear = Number(cityToday().slice(0, 4))
  const [year, setYear] = useState(thisYear - 1)
  const loaded = useLoad(() => commitmentsApi.publication(year), [year, i18n.language])
  const money = (fen: number) => formatFen(fen, i18n.language)
  return (
    <MobilePage title={t('commitments.publication.title')} back={paths.home}>
      <section className="m-section">
        <p className="m-muted" style={{ marginTop: 0 }}>
          {t('commitments.publication.intro')}
        </p>
        <div className="cm-years" role="group" aria-label={t('commitments.publication.year')}>
          {[thisYear - 2, thisYear - 1, thisYear].map((y) => (
            <Button
              key={y}
              color={y === year ? 'primary' : 'default'}
              onClick={() => setYear(y)}
              aria-pressed={y === year}
            >
              {y}
            </Button>
          ))}
        </div>
      </section>
      {loaded.error ? (
        <ErrorBlock
          status="default"
          title={errorMessage(loaded.error, t('errors.loadFailed'))}
          description=""
        />
      ) : !loaded.data ? (
        <PageLoading />
      ) : (
        <section className="m-section" aria-labelledby="cm-pub">
          <h2 id="cm-pub" className="m-section-title">
            {t('commitments.publication.heading', { year: loaded.data.year })}
          </h2>
          <p className="m-muted">
            {t('commitments.publication.asOf', { asOf: loaded.data.asOf, dueBy: loaded.data.dueBy })}
          </p>
          <dl className="cm-figures">
            <dt>{t('commitments.publication.count')}</dt>
            <dd>{loaded.data.overdueCount}</dd>
            <dt>{t('commitments.publication.amount')}</dt>
            <dd>{money(loaded.data.overdueAmountFen)}</dd>
          </dl>
          {loaded.data.units.length ? (
            <table className="cm-table">
              <thead>
                <tr>
                  <th scope="col">{t('commitments.publication.unit')}</th>
                  <th scope="col" className="num">
                    {t('commitments.publication.count')}
                  </th>
                  <th scope="col" className="num">
                    {t('commitments.publication.amount')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {loaded.data.units.map((u) => (
                  <tr key={u.departmentName}>
                    <td>{u.departmentName}</td>
                    <td className="num">{u.overdueCount}</td>
                    <td className="num">{money(u.overdueAmountFen)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="m-muted">{t('commitments.publication.none')}</p>
          )}
          <a
            className="cm-link"
            href={`/api/v1/commitments/publications/${loaded.data.year}?format=csv`}
            download
          >
            {t('commitments.publication.csv')}
          </a>
        </section>
      )}
    </MobilePage>
  )
}
