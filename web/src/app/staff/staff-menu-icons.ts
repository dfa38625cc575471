import type { ComponentType } from 'react'
import { STAFF_PAGES } from './staff-nav'

const icons = new Map<string, ComponentType>()
let loading: Promise<void> | undefined

/**
 * The menu's icons, declared by each feature behind a lazy import so that no icon enters the entry
 * chunk a phone downloads. The console frame waits for them (router.tsx), then reads them at once.
 */
export function loadStaffMenuIcons(): Promise<void> {
  loading ??= Promise.all(
    STAFF_PAGES.map(async (page) => {
      if (page.icon) icons.set(page.key, (await page.icon()).default)
    }),
  ).then(() => undefined)
  return loading
}

export function staffMenuIcon(key: string): ComponentType | undefined {
  return icons.get(key)
}
