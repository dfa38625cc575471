import { Typography } from 'antd'
import type { ReactNode } from 'react'
import { useDocumentTitle } from '../use-document-title'

/** The one h1 of a console page, an optional line under it, and the page's main actions. */
export function PageHeader({
  title,
  subtitle,
  extra,
}: {
  title: string
  subtitle?: ReactNode
  extra?: ReactNode
}) {
  useDocumentTitle(title)
  return (
    <div className="s-page-header">
      <div className="s-page-header-text">
        <Typography.Title level={1}>{title}</Typography.Title>
        {subtitle ? <p>{subtitle}</p> : null}
      </div>
      {extra}
    </div>
  )
}
