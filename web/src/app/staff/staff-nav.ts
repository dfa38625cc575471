import type { StaffMenuEntry } from '../feature'
import { FEATURES } from '../features'
import { paths } from '../routes'

/**
 * The console's pages and who may open each: the home page, then every listed feature's menu
 * entries in their order. The server checks every request anyway; this only keeps the menu to what
 * the user's roles can use (MISSION.md roles).
 */
export type StaffPage = Omit<StaffMenuEntry, 'icon'> & { icon?: StaffMenuEntry['icon'] }

const HOME: StaffPage = { key: 'home', path: paths.staffHome, roles: 'any', order: 0 }

export const STAFF_PAGES: readonly StaffPage[] = [
  HOME,
  ...FEATURES.flatMap((feature) => feature.staffMenu ?? []).sort((a, b) => a.order - b.order),
]

export function staffPagesFor(roles: readonly string[]): StaffPage[] {
  return STAFF_PAGES.filter((page) => page.roles === 'any' || page.roles.some((role) => roles.includes(role)))
}

/**
 * The page a console path belongs to ('/staff/users' → users), or the page it lies under
 * ('/staff/policies/<id>' → policies, so the menu marks it and the same roles guard it); undefined
 * for unknown paths.
 */
export function staffPageOf(pathname: string): StaffPage | undefined {
  const trimmed = pathname.replace(/\/+$/, '') || '/'
  const exact = STAFF_PAGES.find((page) => page.path === trimmed)
  if (exact) return exact
  return STAFF_PAGES.filter((page) => page.key !== 'home' && trimmed.startsWith(`${page.path}/`)).sort(
    (a, b) => b.path.length - a.path.length,
  )[0]
}

export function canOpenStaffPath(pathname: string, roles: readonly string[]): boolean {
  const page = staffPageOf(pathname)
  if (!page) return true // unknown paths show the not-found page, not a refusal
  return staffPagesFor(roles).includes(page)
}
