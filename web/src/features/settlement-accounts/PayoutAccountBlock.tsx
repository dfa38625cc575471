import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { paths } from '../../app/routes'
import { Banner } from '../../ui/mobile/Banner'
import { ProblemBanner } from './SettlementAccountSection'
import { SettlementAccountForm } from './SettlementAccountForm'
import type { SettlementAccountState } from './settlement-accounts.api'
import './settlement-accounts.css'

/**
 * Above a consent or an application: where the money will go. With no account yet, the form to give
 * it right here, so the enterprise never leaves the item to find it; with an account whose name is no
 * longer the registered name, who can put that right.
 */
export function PayoutAccountBlock({
  enterpriseId,
  state,
  onChange,
}: {
  enterpriseId: string
  state: SettlementAccountState
  onChange: (state: SettlementAccountState) => void
}) {
  const { t } = useTranslation()
  const [saved, setSaved] = useState<string>()
  const manage = (
    <Link to={paths.enterpriseAccount(enterpriseId)} className="m-inline-link">
      {t('settlementAccount.manage')}
    </Link>
  )

  if (state.current && state.problem === null)
    return (
      <div className="m-payout-account" data-slot="payout-account">
        <Banner text={saved} />
        <p className="m-payout-account-line">
          {t('settlementAccount.paidTo', {
            bank: state.current.bankName,
            number: state.current.accountNumberMasked,
          })}{' '}
          {manage}
        </p>
      </div>
    )
  if (state.problem === 'name_mismatch')
    return (
      <div className="m-payout-account is-problem" data-slot="payout-account">
        <ProblemBanner state={state} />
        <p className="m-payout-account-line">{manage}</p>
      </div>
    )
  return (
    <section
      className="m-payout-account is-missing"
      aria-labelledby="payout-account-title"
      data-slot="payout-account"
    >
      <h3 id="payout-account-title" className="m-section-title">
        {t('settlementAccount.requiredTitle')}
      </h3>
      <p className="m-muted m-account-note">
        {t('settlementAccount.requiredText', { name: state.registeredName })}
      </p>
      {state.canSet ? (
        <SettlementAccountForm
          enterpriseId={enterpriseId}
          state={state}
          mode="set"
          onSaved={(next) => {
            setSaved([t('settlementAccount.saved'), ...next.warnings.map((w) => w.message)].join(' '))
            onChange(next)
          }}
        />
      ) : (
        <p className="m-account-note">{manage}</p>
      )}
    </section>
  )
}
