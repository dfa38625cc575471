import { appealsFeature } from '../features/appeals/feature'
import { auditFeature } from '../features/audit/feature'
import { authFeature } from '../features/auth/feature'
import { benefitsFeature } from '../features/benefits/feature'
import { calendarFeature } from '../features/calendar/feature'
import { departmentsFeature } from '../features/departments/feature'
import { enterpriseClaimsFeature } from '../features/enterprise-claims/feature'
import { enterprisesFeature } from '../features/enterprises/feature'
import { factsFeature } from '../features/facts/feature'
import { notificationsFeature } from '../features/notifications/feature'
import { policiesFeature } from '../features/policies/feature'
import { privacyFeature } from '../features/privacy/feature'
import { settlementAccountsFeature } from '../features/settlement-accounts/feature'
import { supervisionFeature } from '../features/supervision/feature'
import { usersFeature } from '../features/users/feature'
import type { Feature } from './feature'

/**
 * Every web feature, once. The router, the staff menu and the slots are built from this list; a new
 * feature adds its folder (with feature.ts and its messages) and one line here, and edits no other
 * feature. Order matters only where two features fill the same slot.
 */
export const FEATURES: readonly Feature[] = [
  authFeature,
  privacyFeature,
  notificationsFeature,
  enterprisesFeature,
  enterpriseClaimsFeature,
  settlementAccountsFeature,
  factsFeature,
  policiesFeature,
  benefitsFeature,
  appealsFeature,
  supervisionFeature,
  departmentsFeature,
  usersFeature,
  auditFeature,
  calendarFeature,
]
