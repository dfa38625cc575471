import { ErrorBlock } from 'antd-mobile'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../app/api'
import { PageLoading } from '../../app/enterprise/RequireEnterpriseUser'
import type { Loaded } from '../use-load'

/**
 * A phone page's list loaded with useLoad: the failure, the wait and the empty list are said the same
 * way on every page; `children` draws the items once there are some.
 */
export function LoadedList<T>({
  loaded,
  empty,
  children,
}: {
  loaded: Loaded<{ items: T[] }>
  empty: string
  children: (items: T[]) => ReactNode
}) {
  const { t } = useTranslation()
  if (loaded.error)
    return (
      <ErrorBlock
        status="default"
        title={errorMessage(loaded.error, t('errors.loadFailed'))}
        description=""
      />
    )
  if (!loaded.data) return <PageLoading />
  if (!loaded.data.items.length)
    return (
      <div className="m-section">
        <p className="m-muted">{empty}</p>
      </div>
    )
  return children(loaded.data.items)
}
