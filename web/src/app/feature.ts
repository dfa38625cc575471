import type { ComponentType } from 'react'
import type { StaffRole } from './session'
import type { SlotFillers } from './slot-types'

/** A page of a feature at a path relative to its shell ('appeals/queue' under /staff). */
export type FeatureRoute = { path: string; page: ComponentType }

/** One entry of the console's side menu and the roles that see it (the server checks anyway). */
export type StaffMenuEntry = {
  /** its label is nav.staff.<key> */
  key: string
  path: string
  roles: readonly StaffRole[] | 'any'
  /** place in the menu, smallest first: the menu mixes features in the order people work */
  order: number
  /** loaded with the console, never in the entry chunk a phone downloads */
  icon: () => Promise<{ default: ComponentType }>
}

/**
 * What a web feature brings: its pages in each shell, its staff menu entries, and the pieces it
 * shows inside another feature's page (slots). `app/features.ts` lists the features; the router,
 * the menu and the slots are built from that list, so a new feature edits only that list. Keep
 * this file free of UI libraries: it is in the entry chunk, every page behind a lazy import.
 */
export type Feature = {
  name: string
  /** console pages inside the staff shell (under /staff) */
  staffPages?: readonly FeatureRoute[]
  /** console pages before the shell opens: sign-in, the forced password change, consent */
  staffEntryPages?: readonly FeatureRoute[]
  /** enterprise and public pages inside the mobile shell (under /) */
  enterprisePages?: readonly FeatureRoute[]
  staffMenu?: readonly StaffMenuEntry[]
  slots?: SlotFillers
}

export const defineFeature = (feature: Feature): Feature => feature
