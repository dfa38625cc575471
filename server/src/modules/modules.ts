import type { AppModule } from '../kernel/module'
import auth from './auth/auth.module'
import enterprises from './enterprises/enterprises.module'
import enterpriseClaims from './enterprise-claims/enterprise-claims.module'
import worklist from './worklist/worklist.module'
import settlementAccounts from './settlement-accounts/settlement-accounts.module'
import facts from './facts/facts.module'
import matching from './matching/matching.module'
import policies from './policies/policies.module'
import appeals from './appeals/appeals.module'
import departments from './departments/departments.module'
import users from './users/users.module'
import calendar from './calendar/calendar.module'
import audit from './audit/audit.module'
import notifications from './notifications/notifications.module'
import reference from './reference/reference.module'
import supervision from './supervision/supervision.module'
import benefits from './benefits/benefits.module'
import privacy from './privacy/privacy.module'
import services from './services/services.module'
import certificates from './certificates/certificates.module'
import ratings from './ratings/ratings.module'
import rectifications from './rectifications/rectifications.module'
import misconductReports from './misconduct-reports/misconduct-reports.module'
import exposures from './exposures/exposures.module'
import selfInspections from './self-inspections/self-inspections.module'
import problemClasses from './problem-classes/problem-classes.module'
import cockpit from './cockpit/cockpit.module'
import inspections from './inspections/inspections.module'
import benchmarks from './benchmarks/benchmarks.module'
import inspectionCaps from './inspection-caps/inspection-caps.module'
import commitments from './commitments/commitments.module'
import actionPlans from './action-plans/action-plans.module'
import randomDraws from './random-draws/random-draws.module'

/**
 * Every module of the app, in mounting order. Adding a capability adds its folder and one line here;
 * app.ts, bootstrap.ts and the tests are built from this list.
 */
export const MODULES: readonly AppModule[] = [
  auth,
  enterprises,
  enterpriseClaims,
  worklist,
  settlementAccounts,
  facts,
  matching,
  policies,
  appeals,
  departments,
  users,
  calendar,
  audit,
  notifications,
  reference,
  supervision,
  benefits,
  privacy,
  services,
  certificates,
  ratings,
  rectifications,
  misconductReports,
  exposures,
  selfInspections,
  problemClasses,
  cockpit,
  inspections,
  benchmarks,
  inspectionCaps,
  commitments,
  actionPlans,
  randomDraws,
]
