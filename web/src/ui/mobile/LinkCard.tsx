import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { ChevronIcon } from '../../app/enterprise/icons'

/** A whole-width link on a phone page: an icon, a title, a line below it, and the chevron. */
export function LinkCard({
  to,
  icon,
  title,
  children,
}: {
  to: string
  icon: ReactNode
  title: ReactNode
  /** What goes under the title (usually a `m-muted` line). */
  children: ReactNode
}) {
  return (
    <Link to={to} className="m-link-card">
      <span className="m-link-card-icon">{icon}</span>
      <span className="m-link-card-body">
        <span className="m-link-card-title">{title}</span>
        <br />
        {children}
      </span>
      <ChevronIcon />
    </Link>
  )
}
