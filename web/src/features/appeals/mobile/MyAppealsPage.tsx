import { Button, ErrorBlock } from 'antd-mobile'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { errorMessage } from '../../../app/api'
import { ChevronIcon } from '../../../app/enterprise/icons'
import { PageLoading, RequireEnterpriseUser } from '../../../app/enterprise/RequireEnterpriseUser'
import { paths } from '../../../app/routes'
import { formatDateTime } from '../../../ui/format'
import { Banner } from '../../../ui/mobile/Banner'
import { MobilePage } from '../../../ui/mobile/MobilePage'
import { useLoad } from '../../../ui/use-load'
import { appealsApi, type EnterpriseAppealSummary } from '../appeals.api'
import { AppealStatusTag } from './AppealStatusTag'

const PAGE_SIZE = 20

/** `/appeals`: the appeals of the enterprises I act for, newest first, and the way to file one. */
export function MyAppealsPage() {
  const { t } = useTranslation()
  return (
    <MobilePage title={t('appeals.mine.title')}>
      <RequireEnterpriseUser>{() => <MyAppeals />}</RequireEnterpriseUser>
    </MobilePage>
  )
}

function MyAppeals() {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const first = useLoad(() => appealsApi.mine({ limit: PAGE_SIZE, offset: 0 }), [i18n.language])
  const [more, setMore] = useState<EnterpriseAppealSummary[]>([])
  const [isLoadingMore, setLoadingMore] = useState(false)
  const [moreError, setMoreError] = useState<string>()

  const fileButton = (
    <Button block color="primary" size="large" onClick={() => void navigate(paths.newAppeal)}>
      {t('appeals.mine.file')}
    </Button>
  )

  if (first.error)
    return (
      <>
        {fileButton}
        <ErrorBlock
          status="default"
          title={errorMessage(first.error, t('errors.loadFailed'))}
          description=""
        />
      </>
    )
  if (!first.data) return <PageLoading />
  const items = [...first.data.items, ...more]
  const total = first.data.total

  const loadMore = async () => {
    setLoadingMore(true)
    setMoreError(undefined)
    try {
      const page = await appealsApi.mine({ limit: PAGE_SIZE, offset: items.length })
      setMore((current) => [...current, ...page.items])
    } catch (error) {
      setMoreError(errorMessage(error, t('errors.loadFailed')))
    } finally {
      setLoadingMore(false)
    }
  }

  return (
    <>
      {fileButton}
      {items.length === 0 ? (
        <ErrorBlock
          status="empty"
          title={t('appeals.mine.empty')}
          description={t('appeals.mine.emptyHint')}
        />
      ) : (
        <>
          <p className="m-muted" style={{ margin: '0 4px' }}>
            {t('appeals.mine.count', { count: total })}
          </p>
          <ul className="m-plain-list" aria-label={t('appeals.mine.title')}>
            {items.map((appeal) => (
              <li key={appeal.id}>
                <Link to={paths.appeal(appeal.id)} className="m-link-card m-appeal-card">
                  <span className="m-link-card-body">
                    <span className="m-appeal-card-head">
                      <span className="m-muted">{appeal.number}</span>
                      <AppealStatusTag status={appeal.status} />
                    </span>
                    <span className="m-link-card-title m-appeal-card-title">{appeal.title}</span>
                    <span className="m-muted">
                      {formatDateTime(appeal.createdAt, i18n.language)} · {appeal.categoryName}
                    </span>
                  </span>
                  <ChevronIcon />
                </Link>
              </li>
            ))}
          </ul>
          <Banner tone="error" text={moreError} />
          {items.length < total ? (
            <Button block size="large" loading={isLoadingMore} onClick={() => void loadMore()}>
              {t('appeals.mine.loadMore')}
            </Button>
          ) : null}
        </>
      )}
    </>
  )
}
