import { Button, Dialog, TextArea } from 'antd-mobile'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../../app/api'
import { formatDateTime } from '../../../ui/format'
import { Banner } from '../../../ui/mobile/Banner'
import { useLoad } from '../../../ui/use-load'
import { enterpriseClaimsApi, type ManagerClaim } from '../enterprise-claims.api'

/**
 * For the enterprise's managers: people who ask to act for it (claims by approval). Approve as an agent
 * (or a manager), or refuse with a reason the person reads.
 */
export function MembershipClaimsSection({ enterpriseId }: { enterpriseId: string }) {
  const { t, i18n } = useTranslation()
  const claims = useLoad(() => enterpriseClaimsApi.forManagers(enterpriseId), [enterpriseId])
  const [problem, setProblem] = useState<string>()
  const pending = (claims.data?.items ?? []).filter((c) => c.status === 'pending')
  if (!pending.length) return null

  const decide = async (claim: ManagerClaim, approve: boolean, role?: 'manager' | 'agent') => {
    setProblem(undefined)
    let note: string | undefined
    if (!approve) {
      let typed = ''
      const ok = await Dialog.confirm({
        title: t('enterpriseClaims.managers.refuseTitle'),
        content: (
          <TextArea
            rows={3}
            maxLength={300}
            aria-label={t('enterpriseClaims.managers.refuseReason')}
            placeholder={t('enterpriseClaims.managers.refuseReason')}
            onChange={(v) => (typed = v)}
          />
        ),
        confirmText: t('enterpriseClaims.managers.refuse'),
        cancelText: t('common.cancel'),
      })
      if (!ok) return
      note = typed.trim()
    }
    try {
      await enterpriseClaimsApi.decide(claim.id, {
        approve,
        ...(role ? { role } : {}),
        ...(note ? { note } : {}),
      })
      claims.reload()
    } catch (error) {
      setProblem(errorMessage(error, t('errors.generic')))
    }
  }

  return (
    <section className="m-section" aria-labelledby="membership-claims">
      <h2 id="membership-claims" className="m-section-title">
        {t('enterpriseClaims.managers.title')}
      </h2>
      <Banner tone="error" text={problem} />
      {pending.map((claim) => (
        <article key={claim.id} className="m-reply" aria-label={claim.claimantPhone}>
          <p style={{ margin: 0 }}>
            <strong>{claim.claimantPhone}</strong>{' '}
            <span className="m-muted">{formatDateTime(claim.createdAt, i18n.language)}</span>
          </p>
          {claim.note ? (
            <p className="m-prewrap" style={{ margin: '6px 0' }}>
              {claim.note}
            </p>
          ) : null}
          <div className="m-button-stack">
            <Button block color="primary" onClick={() => void decide(claim, true, 'agent')}>
              {t('enterpriseClaims.managers.approveAgent')}
            </Button>
            <Button block fill="outline" onClick={() => void decide(claim, true, 'manager')}>
              {t('enterpriseClaims.managers.approveManager')}
            </Button>
            <Button block fill="none" color="danger" onClick={() => void decide(claim, false)}>
              {t('enterpriseClaims.managers.refuse')}
            </Button>
          </div>
        </article>
      ))}
    </section>
  )
}
