import { useTranslation } from 'react-i18next'
import type { Translate } from '../../app/i18n'
import { levelName } from '../../ui/ratings'
import { formatAmount } from '../../ui/amount'
import type { ClaimEvent, ClaimStatus } from './benefits.api'
import { describeClaimEvent } from './claim-labels'

/** The benefit vocabulary in the UI language, for both shells. */
export function useBenefitText() {
  const { t, i18n } = useTranslation()
  // Keys built from server values (statuses, modes, event types): checked by claim-labels.test.ts.
  const tx = t as unknown as Translate
  const language = i18n.language
  return {
    t,
    tx,
    language,
    status: (status: ClaimStatus) => tx(`benefits.status.${status}`),
    mode: (mode: string) => tx(`policies.modes.${mode}`),
    event: (event: Pick<ClaimEvent, 'type' | 'data'>) => describeClaimEvent(event, tx, language),
    role: (role: string | null) => (role ? tx(`roles.${role}`, { defaultValue: role }) : ''),
    level: (level: number | null | undefined) => levelName(level, tx),
    money: (yuan: number | null | undefined) => formatAmount(yuan, language),
  }
}
