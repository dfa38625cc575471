import { Button, ErrorBlock } from 'antd-mobile'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../app/api'
import { PageLoading } from '../../app/enterprise/RequireEnterpriseUser'
import { formatDateTime } from '../../ui/format'
import { Banner } from '../../ui/mobile/Banner'
import { useLoad } from '../../ui/use-load'
import { SettlementAccountForm } from './SettlementAccountForm'
import {
  settlementAccountsApi,
  type AccountView,
  type SettlementAccountState,
} from './settlement-accounts.api'
import './settlement-accounts.css'

/**
 * The 结算账户 tab of the enterprise profile: the account payouts go to (masked), every earlier one,
 * and the form to give it (any member) or change it (managers, with the code sent to their phone).
 */
export function SettlementAccountSection({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useTranslation()
  const account = useLoad(() => settlementAccountsApi.get(enterpriseId), [enterpriseId])
  const [isChanging, setChanging] = useState(false)
  const [notice, setNotice] = useState<string>()

  if (account.error && !account.data)
    return (
      <ErrorBlock
        status="default"
        title={errorMessage(account.error, t('errors.loadFailed'))}
        description=""
      />
    )
  if (!account.data) return <PageLoading />
  const state = account.data

  const saved = (next: SettlementAccountState, message: string) => {
    account.setData(next)
    setChanging(false)
    setNotice([message, ...next.warnings.map((w) => w.message)].join(' '))
    window.scrollTo(0, 0)
  }

  return (
    <div className="m-account-section">
      <Banner tone="info" text={notice} />
      <ProblemBanner state={state} />
      {state.current ? (
        <section className="m-section" aria-labelledby="account-current">
          <h3 id="account-current" className="m-section-title">
            {t('settlementAccount.current')}
          </h3>
          <AccountDetails account={state.current} />
          <p className="m-muted m-account-note">{t('settlementAccount.maskedNote')}</p>
          {state.canChange && !isChanging ? (
            <Button block size="large" color="primary" fill="outline" onClick={() => setChanging(true)}>
              {t('settlementAccount.change')}
            </Button>
          ) : null}
          {!state.canChange ? (
            <p className="m-muted m-account-note">{t('settlementAccount.managersOnly')}</p>
          ) : null}
        </section>
      ) : null}
      {state.canSet ? (
        <section className="m-section" aria-labelledby="account-set">
          <h3 id="account-set" className="m-section-title">
            {t('settlementAccount.setTitle')}
          </h3>
          <p className="m-muted m-account-note">{t('settlementAccount.setIntro')}</p>
          <SettlementAccountForm
            enterpriseId={enterpriseId}
            state={state}
            mode="set"
            onSaved={(next) => saved(next, t('settlementAccount.saved'))}
          />
        </section>
      ) : null}
      {isChanging ? (
        <section className="m-section" aria-labelledby="account-change">
          <h3 id="account-change" className="m-section-title">
            {t('settlementAccount.changeTitle')}
          </h3>
          <p className="m-muted m-account-note">{t('settlementAccount.changeIntro')}</p>
          <SettlementAccountForm
            enterpriseId={enterpriseId}
            state={state}
            mode="change"
            onSaved={(next) => saved(next, t('settlementAccount.changed'))}
            onCancel={() => setChanging(false)}
          />
        </section>
      ) : null}
      {state.history.length ? (
        <section className="m-section" aria-labelledby="account-history">
          <h3 id="account-history" className="m-section-title">
            {t('settlementAccount.history')}
          </h3>
          <ol className="m-account-history">
            {state.history.map((a) => (
              <li key={a.id}>
                <AccountDetails account={a} />
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  )
}

/** Why money cannot go to the account now, in words the enterprise can act on. */
export function ProblemBanner({ state }: { state: SettlementAccountState }) {
  const { t } = useTranslation()
  if (state.problem === 'name_mismatch' && state.current)
    return (
      <Banner
        tone="alert"
        text={t('settlementAccount.nameMismatch', {
          accountName: state.current.accountName,
          registeredName: state.registeredName,
        })}
      />
    )
  return null
}

export function AccountDetails({ account }: { account: AccountView }) {
  const { t, i18n } = useTranslation()
  return (
    <dl className="m-kv">
      <dt>{t('settlementAccount.fields.accountName')}</dt>
      <dd>{account.accountName}</dd>
      <dt>{t('settlementAccount.fields.bankName')}</dt>
      <dd>{account.bankName}</dd>
      <dt>{t('settlementAccount.fields.accountNumber')}</dt>
      <dd className="m-account-number">{account.accountNumberMasked}</dd>
      <dt>{t('settlementAccount.fields.setAt')}</dt>
      <dd>
        {formatDateTime(account.setAt, i18n.language)}
        {account.setBy ? ` · ${account.setBy}` : ''}
        <br />
        <span className="m-muted">{t('settlementAccount.versionValue', { version: account.version })}</span>
      </dd>
      {account.changeReason ? (
        <>
          <dt>{t('settlementAccount.fields.reason')}</dt>
          <dd>{account.changeReason}</dd>
        </>
      ) : null}
      {account.supersededAt ? (
        <>
          <dt>{t('settlementAccount.fields.supersededAt')}</dt>
          <dd>{formatDateTime(account.supersededAt, i18n.language)}</dd>
        </>
      ) : null}
    </dl>
  )
}
