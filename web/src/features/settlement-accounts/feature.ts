import { defineFeature } from '../../app/feature'

export const settlementAccountsFeature = defineFeature({
  name: 'settlement-accounts',
  slots: {
    'enterpriseProfile.account': () =>
      import('./SettlementAccountSection').then((m) => m.SettlementAccountSection),
    payoutAccount: () => import('./PayoutAccountBlock').then((m) => m.PayoutAccountBlock),
  },
})
