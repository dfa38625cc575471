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
import { servicesFeature } from '../features/services/feature'
import { problemClassesFeature } from '../features/problem-classes/feature'
import { certificatesFeature } from '../features/certificates/feature'
import { ratingsFeature } from '../features/ratings/feature'
import { rectificationsFeature } from '../features/rectifications/feature'
import { misconductReportsFeature } from '../features/misconduct-reports/feature'
import { exposuresFeature } from '../features/exposures/feature'
import { randomDrawsFeature } from '../features/random-draws/feature'
import { selfInspectionsFeature } from '../features/self-inspections/feature'
import { inspectionCapsFeature } from '../features/inspection-caps/feature'
import { actionPlansFeature } from '../features/action-plans/feature'
import { inspectionsFeature } from '../features/inspections/feature'
import { inspectionResultsFeature } from '../features/inspection-results/feature'
import { cockpitFeature } from '../features/cockpit/feature'
import { benchmarksFeature } from '../features/benchmarks/feature'
import { commitmentsFeature } from '../features/commitments/feature'
import type { Feature } from './feature'
import type appealsMessages from '../features/appeals/messages.zh-CN.json'
import type auditMessages from '../features/audit/messages.zh-CN.json'
import type authMessages from '../features/auth/messages.zh-CN.json'
import type benefitsMessages from '../features/benefits/messages.zh-CN.json'
import type calendarMessages from '../features/calendar/messages.zh-CN.json'
import type departmentsMessages from '../features/departments/messages.zh-CN.json'
import type enterpriseClaimsMessages from '../features/enterprise-claims/messages.zh-CN.json'
import type enterprisesMessages from '../features/enterprises/messages.zh-CN.json'
import type factsMessages from '../features/facts/messages.zh-CN.json'
import type notificationsMessages from '../features/notifications/messages.zh-CN.json'
import type policiesMessages from '../features/policies/messages.zh-CN.json'
import type privacyMessages from '../features/privacy/messages.zh-CN.json'
import type settlementAccountsMessages from '../features/settlement-accounts/messages.zh-CN.json'
import type supervisionMessages from '../features/supervision/messages.zh-CN.json'
import type usersMessages from '../features/users/messages.zh-CN.json'
import type servicesMessages from '../features/services/messages.zh-CN.json'
import type problemClassesMessages from '../features/problem-classes/messages.zh-CN.json'
import type certificatesMessages from '../features/certificates/messages.zh-CN.json'
import type ratingsMessages from '../features/ratings/messages.zh-CN.json'
import type rectificationsMessages from '../features/rectifications/messages.zh-CN.json'
import type misconductReportsMessages from '../features/misconduct-reports/messages.zh-CN.json'
import type exposuresMessages from '../features/exposures/messages.zh-CN.json'
import type randomDrawsMessages from '../features/random-draws/messages.zh-CN.json'
import type selfInspectionsMessages from '../features/self-inspections/messages.zh-CN.json'
import type inspectionCapsMessages from '../features/inspection-caps/messages.zh-CN.json'
import type actionPlansMessages from '../features/action-plans/messages.zh-CN.json'
import type inspectionsMessages from '../features/inspections/messages.zh-CN.json'
import type inspectionResultsMessages from '../features/inspection-results/messages.zh-CN.json'
import type cockpitMessages from '../features/cockpit/messages.zh-CN.json'
import type benchmarksMessages from '../features/benchmarks/messages.zh-CN.json'
import type commitmentsMessages from '../features/commitments/messages.zh-CN.json'
import type appMessages from './messages.zh-CN.json'
import type uiMessages from '../ui/messages.zh-CN.json'

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
  servicesFeature,
  problemClassesFeature,
  certificatesFeature,
  ratingsFeature,
  rectificationsFeature,
  misconductReportsFeature,
  exposuresFeature,
  randomDrawsFeature,
  selfInspectionsFeature,
  actionPlansFeature,
  inspectionsFeature,
  inspectionResultsFeature,
  cockpitFeature,
  benchmarksFeature,
  inspectionCapsFeature,
  commitmentsFeature,
]

/**
 * Every message key, for compile-time checks of t('…'): the zh-CN files of app/, ui/ and each
 * feature (catalogs.test.ts keeps each en file in step). A new feature adds its file here too.
 */
export type FeatureMessages = typeof appMessages &
  typeof uiMessages &
  typeof appealsMessages &
  typeof auditMessages &
  typeof authMessages &
  typeof benefitsMessages &
  typeof calendarMessages &
  typeof departmentsMessages &
  typeof enterpriseClaimsMessages &
  typeof enterprisesMessages &
  typeof factsMessages &
  typeof notificationsMessages &
  typeof policiesMessages &
  typeof privacyMessages &
  typeof settlementAccountsMessages &
  typeof supervisionMessages &
  typeof usersMessages &
  typeof servicesMessages &
  typeof certificatesMessages &
  typeof ratingsMessages &
  typeof rectificationsMessages &
  typeof misconductReportsMessages &
  typeof exposuresMessages &
  typeof randomDrawsMessages &
  typeof selfInspectionsMessages &
  typeof actionPlansMessages &
  typeof inspectionsMessages &
  typeof inspectionResultsMessages &
  typeof problemClassesMessages &
  typeof certificatesMessages &
  typeof cockpitMessages &
  typeof benchmarksMessages &
  typeof inspectionCapsMessages &
  typeof commitmentsMessages
