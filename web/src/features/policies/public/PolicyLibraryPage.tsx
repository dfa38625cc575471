import { ErrorBlock, SearchBar, Tag } from 'antd-mobile'
import { useEffect, useState } from 'react'
import { Link, useSearchParams } from 'react-router'
import { errorMessage } from '../../../app/api'
import { ChevronIcon } from '../../../app/enterprise/icons'
import { PageLoading } from '../../../app/enterprise/RequireEnterpriseUser'
import { paths } from '../../../app/routes'
import { formatIsoDate } from '../../../ui/format'
import { MobilePage } from '../../../ui/mobile/MobilePage'
import { useLoad } from '../../../ui/use-load'
import { POLICY_TOPICS } from '../policy-labels'
import { policiesApi, type PolicyTopic } from '../policies.api'
import { usePolicyText } from '../use-policy-text'
import { TopicChips } from '../mobile/TopicChips'
import '../../../ui/mobile/policy-pages.css'

const SEARCH_DEBOUNCE_MS = 300
const isTopic = (value: string | null): value is PolicyTopic =>
  !!value && (POLICY_TOPICS as readonly string[]).includes(value)

/** `/library`: the policies in force, for anyone; search and one topic at a time. */
export function PolicyLibraryPage() {
  const { t, level, topic: topicName, language } = usePolicyText()
  const [params, setParams] = useSearchParams()
  const topic = isTopic(params.get('topic')) ? (params.get('topic') as PolicyTopic) : undefined
  const [text, setText] = useState(params.get('q') ?? '')
  const [q, setQ] = useState(text)
  useEffect(() => {
    const timer = window.setTimeout(() => setQ(text.trim()), SEARCH_DEBOUNCE_MS)
    return () => window.clearTimeout(timer)
  }, [text])
  const list = useLoad(() => policiesApi.library({ topic, q: q || undefined }), [topic, q, language])

  const setTopic = (next: PolicyTopic | undefined) => {
    const copy = new URLSearchParams(params)
    if (next) copy.set('topic', next)
    else copy.delete('topic')
    setParams(copy, { replace: true })
  }

  return (
    <MobilePage title={t('policies.library.title')} back={paths.home}>
      <section className="m-section">
        <SearchBar
          placeholder={t('policies.library.search')}
          value={text}
          onChange={setText}
          aria-label={t('policies.library.search')}
        />
        <p className="m-fact-label" id="library-topics" style={{ marginTop: 12 }}>
          {t('policies.library.topic')}
        </p>
        <TopicChips
          labelledBy="library-topics"
          topics={POLICY_TOPICS}
          selected={topic ? [topic] : []}
          onChange={(selected) => setTopic(selected[0])}
          single
        />
      </section>
      <Link to={paths.calculator} className="m-link-card m-calculator-card">
        <span className="m-link-card-body">
          <span className="m-link-card-title">{t('policies.calculator.title')}</span>
          <br />
          <span className="m-muted">{t('policies.library.calculatorText')}</span>
        </span>
        <ChevronIcon />
      </Link>
      {list.error ? (
        <ErrorBlock
          status="default"
          title={errorMessage(list.error, t('errors.loadFailed'))}
          description=""
        />
      ) : !list.data ? (
        <PageLoading />
      ) : list.data.items.length === 0 ? (
        <ErrorBlock
          status="empty"
          title={q || topic ? t('policies.library.noMatch') : t('policies.library.empty')}
          description={q || topic ? t('policies.library.noMatchHint') : t('policies.library.emptyHint')}
        />
      ) : (
        <>
          <p className="m-muted" style={{ margin: '0 4px' }}>
            {t('policies.library.count', { count: list.data.total })}
          </p>
          <ul className="m-plain-list" aria-label={t('policies.library.title')}>
            {list.data.items.map((p) => (
              <li key={p.id}>
                <Link to={paths.publicPolicy(p.id)} className="m-link-card m-match-card">
                  <span className="m-link-card-body">
                    <span className="m-link-card-title">{p.title}</span>
                    <span className="m-muted m-match-card-policy">
                      {[p.documentNumber, p.issuer].filter(Boolean).join(' · ')}
                    </span>
                    <span className="m-match-card-foot">
                      <Tag color="primary" fill="outline">
                        {level(p.level)}
                      </Tag>
                      {p.topics.slice(0, 2).map((code) => (
                        <Tag key={code} fill="outline">
                          {topicName(code)}
                        </Tag>
                      ))}
                      <span className="m-muted">{t('policies.library.items', { count: p.itemCount })}</span>
                    </span>
                    {p.effectiveTo ? (
                      <span className="m-muted">
                        {t('policies.library.until', { date: formatIsoDate(p.effectiveTo) })}
                      </span>
                    ) : null}
                  </span>
                  <ChevronIcon />
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </MobilePage>
  )
}
