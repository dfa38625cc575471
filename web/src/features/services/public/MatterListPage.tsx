import { ErrorBlock, SearchBar, Tag } from 'antd-mobile'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { errorMessage } from '../../../app/api'
import { ChevronIcon } from '../../../app/enterprise/icons'
import { PageLoading } from '../../../app/enterprise/RequireEnterpriseUser'
import { paths } from '../../../app/routes'
import { MobilePage } from '../../../ui/mobile/MobilePage'
import { LinkCard } from '../../../ui/mobile/LinkCard'
import { GuideIcon } from '../../../app/enterprise/icons'
import { bundlePaths } from '../bundles.api'
import { NativeSelect } from '../../../ui/mobile/native-controls'
import { useLoad } from '../../../ui/use-load'
import { MATTER_TYPE_LABELS, ONLINE_LEVEL_LABELS } from '../matter-labels'
import { servicesApi, type MatterListFilter, type MatterSummary } from '../services.api'
import './matters.css'

const SEARCH_DEBOUNCE_MS = 300
/** The select's "no filter" value (a select needs a value for every option). */
const ALL = 'all'
const FILTERS = ['departmentId', 'matterType', 'onlineLevel'] as const

/** `/matters`: the published service matters, for anyone; search words and three filters. */
export function MatterListPage() {
  const { t, i18n } = useTranslation()
  const [params, setParams] = useSearchParams()
  const [text, setText] = useState(params.get('q') ?? '')
  const [q, setQ] = useState(text.trim())
  useEffect(() => {
    const timer = window.setTimeout(() => setQ(text.trim()), SEARCH_DEBOUNCE_MS)
    return () => window.clearTimeout(timer)
  }, [text])
  const filter = {
    departmentId: params.get('departmentId') ?? undefined,
    matterType: (params.get('matterType') ?? undefined) as MatterListFilter['matterType'],
    onlineLevel: (params.get('onlineLevel') ?? undefined) as MatterListFilter['onlineLevel'],
  }
  const list = useLoad(
    () => servicesApi.matters({ ...filter, q: q || undefined }),
    [q, filter.departmentId, filter.matterType, filter.onlineLevel, i18n.language],
  )
  // The department options: those with a published matter, read once from the whole catalogue.
  const everything = useLoad(() => servicesApi.matters(), [i18n.language])
  const departments = useMemo(() => departmentOptions(everything.data?.items ?? []), [everything.data])

  const setFilter = (key: (typeof FILTERS)[number], value: string) => {
    const copy = new URLSearchParams(params)
    if (value === ALL) copy.delete(key)
    else copy.set(key, value)
    setParams(copy, { replace: true })
  }
  const all = { value: ALL, label: t('services.catalogue.all') }
  const filtered = q !== '' || FILTERS.some((key) => params.has(key))

  return (
    <MobilePage title={t('services.catalogue.title')} back={paths.home}>
      {/* 一件事一次办: several matters in one application, from the catalogue */}
      <LinkCard to={bundlePaths.list} icon={<GuideIcon size={28} />} title={t('services.bundles.title')}>
        <span className="m-muted">{t('services.bundles.intro')}</span>
      </LinkCard>
      <section className="m-section">
        <SearchBar
          placeholder={t('services.catalogue.search')}
          value={text}
          onChange={setText}
          aria-label={t('services.catalogue.search')}
        />
        <div className="m-matter-filters">
          <label>
            <span className="m-fact-label">{t('services.catalogue.department')}</span>
            <NativeSelect
              value={filter.departmentId ?? ALL}
              onChange={(v) => setFilter('departmentId', v)}
              options={[all, ...departments]}
              placeholder={t('services.catalogue.department')}
            />
          </label>
          <label>
            <span className="m-fact-label">{t('services.catalogue.matterType')}</span>
            <NativeSelect
              value={filter.matterType ?? ALL}
              onChange={(v) => setFilter('matterType', v)}
              options={[
                all,
                ...Object.entries(MATTER_TYPE_LABELS).map(([value, key]) => ({ value, label: t(key) })),
              ]}
              placeholder={t('services.catalogue.matterType')}
            />
          </label>
          <label>
            <span className="m-fact-label">{t('services.catalogue.onlineLevel')}</span>
            <NativeSelect
              value={filter.onlineLevel ?? ALL}
              onChange={(v) => setFilter('onlineLevel', v)}
              options={[
                all,
                ...Object.entries(ONLINE_LEVEL_LABELS).map(([value, key]) => ({ value, label: t(key) })),
              ]}
              placeholder={t('services.catalogue.onlineLevel')}
            />
          </label>
        </div>
      </section>
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
          title={filtered ? t('services.catalogue.noMatch') : t('services.catalogue.empty')}
          description={filtered ? t('services.catalogue.noMatchHint') : ''}
        />
      ) : (
        <>
          <p className="m-muted" style={{ margin: '0 4px' }}>
            {t('services.catalogue.count', { count: list.data.items.length })}
          </p>
          <ul className="m-plain-list" aria-label={t('services.catalogue.title')}>
            {list.data.items.map((m) => (
              <li key={m.id}>
                <MatterCard matter={m} />
              </li>
            ))}
          </ul>
        </>
      )}
    </MobilePage>
  )
}

function MatterCard({ matter }: { matter: MatterSummary }) {
  const { t } = useTranslation()
  return (
    <Link to={paths.matter(matter.id)} className="m-link-card">
      <span className="m-link-card-body">
        <span className="m-link-card-title">{matter.name}</span>
        <br />
        <span className="m-muted">{matter.departmentName}</span>
        <span className="m-matter-tags">
          <Tag color="primary" fill="outline">
            {t(ONLINE_LEVEL_LABELS[matter.onlineLevel])}
          </Tag>
          <Tag fill="outline">{t(MATTER_TYPE_LABELS[matter.matterType])}</Tag>
          <Tag color={matter.visitsNeeded === 0 ? 'success' : 'default'} fill="outline">
            {matter.visitsNeeded === 0
              ? t('services.catalogue.zeroVisits')
              : t('services.catalogue.visits', { count: matter.visitsNeeded })}
          </Tag>
        </span>
        <span className="m-muted m-matter-limits">
          {t('services.catalogue.limits', {
            promised: matter.promisedLimitDays,
            statutory: matter.statutoryLimitDays,
          })}
        </span>
      </span>
      <ChevronIcon />
    </Link>
  )
}

function departmentOptions(items: MatterSummary[]) {
  const byId = new Map(items.map((m) => [m.departmentId, m.departmentName]))
  return [...byId].map(([value, label]) => ({ value, label }))
}
