import { ErrorBlock, List } from 'antd-mobile'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { errorMessage } from '../../../app/api'
import { PageLoading } from '../../../app/enterprise/RequireEnterpriseUser'
import { paths } from '../../../app/routes'
import { MobilePage } from '../../../ui/mobile/MobilePage'
import { useLoad } from '../../../ui/use-load'
import metrics from '../../../../../docs/METRICS.md?raw'
import { cockpitApi } from '../cockpit.api'
import { parseMarkdown, type Block } from '../metrics-markdown'
import './open-data.css'

function DictionaryBlock({ block }: { block: Block }) {
  switch (block.type) {
    case 'heading': {
      const Tag = block.level <= 1 ? 'h2' : block.level === 2 ? 'h3' : 'h4'
      return <Tag>{block.text}</Tag>
    }
    case 'paragraph':
      return <p>{block.text}</p>
    case 'code':
      return <pre>{block.text}</pre>
    case 'list':
      return (
        <ul>
          {block.items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      )
    case 'table':
      // a row per card, each cell under its heading: a phone never scrolls sideways
      return (
        <div className="od-table">
          {block.rows.map((row, i) => (
            <dl key={i}>
              {row.map((cell, j) => (
                <div key={j}>
                  <dt>{block.header[j]}</dt>
                  <dd>{cell || '—'}</dd>
                </div>
              ))}
            </dl>
          ))}
        </div>
      )
  }
}

/**
 * `/open-data`: the monthly open data (JSON and CSV under stable addresses) and the metric dictionary,
 * rendered from docs/METRICS.md as it was built — the same formulas the cockpit and the files use.
 */
export function OpenDataPage() {
  const { t } = useTranslation()
  const index = useLoad(() => cockpitApi.openData(), [])
  const blocks = useMemo(() => parseMarkdown(metrics), [])
  return (
    <MobilePage title={t('cockpit.openDataPage.title')} back={paths.home}>
      <div className="od-page">
        <p className="od-intro">{t('cockpit.openDataPage.intro')}</p>
        <h2>{t('cockpit.openDataPage.files')}</h2>
        {index.error ? (
          <ErrorBlock
            status="default"
            title={errorMessage(index.error, t('cockpit.loadFailed'))}
            description=""
          />
        ) : !index.data ? (
          <PageLoading />
        ) : index.data.months.length === 0 ? (
          <p>{t('cockpit.openDataPage.none')}</p>
        ) : (
          <List>
            {index.data.months.map((m) => (
              <List.Item
                key={m.month}
                extra={
                  <span className="od-links">
                    <a href={m.csv} download>
                      CSV
                    </a>
                    <a href={m.json}>JSON</a>
                  </span>
                }
              >
                {m.month}
              </List.Item>
            ))}
          </List>
        )}
        {index.data ? <p className="od-licence">{index.data.licence}</p> : null}
        <p className="od-intro">{t('cockpit.openDataPage.index', { url: '/api/v1/open-data/monthly' })}</p>
        <h2>{t('cockpit.openDataPage.related')}</h2>
        <p className="od-intro">
          <Link to="/ratings/statistics">{t('cockpit.openDataPage.ratingStatistics')}</Link>
        </p>
        <h2>{t('cockpit.openDataPage.dictionary')}</h2>
        <div className="od-dictionary">
          {blocks.map((block, i) => (
            <DictionaryBlock key={i} block={block} />
          ))}
        </div>
      </div>
    </MobilePage>
  )
}
