import type { ComponentType } from 'react'
import type { Me } from './session'
import type { MatchView } from './shared-api/policies'
import type { SettlementAccountState } from './shared-api/settlement-accounts'

/**
 * The places where one feature's page shows a piece another feature owns, and what the host hands
 * that piece. The host renders <Slot name=…/>; the owning feature fills it in its feature.ts. Neither
 * imports the other.
 */
export type SlotProps = {
  /** the top of the console's home page: the bureau leadership's cockpit (cockpit) */
  'staffHome.top': { me: Me }
  /** 我的: the privacy notice, what was accepted, a copy of my data, withdrawal (privacy) */
  'account.privacy': { me: Me }
  /** the console's 账号与安全: the staff notice card (privacy) */
  'staffAccount.privacy': Record<never, never>
  /** the enterprise profile's 结算账户 tab (settlement-accounts) */
  'enterpriseProfile.account': { enterpriseId: string }
  /** the enterprise profile's members tab, for managers: claims by others to join (enterprise-claims) */
  'enterpriseProfile.membershipClaims': { enterpriseId: string }
  /** under the enterprise profile, for managers: the enterprise's data export (privacy) */
  'enterpriseProfile.export': { enterpriseId: string }
  /** an appeal's page (enterprise and staff): the problem classes and monthly problem it is in (problem-classes) */
  'appeal.problemClasses': { appealId: string }
  /** a policy item's page: consent, apply, or the claim that holds the item (benefits) */
  'policyItem.actions': { enterpriseId: string; match: MatchView }
  /** a finished case's page on the phone: its 评价 button, or the level given (ratings) */
  'case.rating': {
    subjectType: 'appeal' | 'benefit_claim' | 'application' | 'inspection' | 'rectification'
    subjectId: string
    stage: string
    enterpriseId: string
  }
  /** a case's console page: its ratings as the viewer may read them (ratings) */
  'staffCase.ratings': {
    subjectType: 'appeal' | 'benefit_claim' | 'application' | 'inspection' | 'rectification'
    subjectId: string
  }
  /** above a consent or an application: where the money will go (settlement-accounts) */
  payoutAccount: {
    enterpriseId: string
    state: SettlementAccountState
    onChange: (state: SettlementAccountState) => void
  }
}

export type SlotName = keyof SlotProps

/** A feature's pieces for slots, each behind a lazy import. */
export type SlotFillers = { [K in SlotName]?: () => Promise<ComponentType<SlotProps[K]>> }
