import { useTranslation } from 'react-i18next'
import { describeEvent, levelName, type Translate } from './appeal-labels'
import type { AppealStatus, Channel, TimelineEvent, Tier } from './appeals.api'

/** The appeal vocabulary in the UI language, for both shells. */
export function useAppealText() {
  const { t, i18n } = useTranslation()
  // Keys built from server values (status names, event types): checked by appeal-labels.test.ts.
  const tx = t as unknown as Translate
  return {
    t,
    tx,
    language: i18n.language,
    status: (status: AppealStatus) => tx(`appeals.status.${status}`),
    tier: (tier: Tier) => tx(`appeals.tiers.${tier}`),
    channel: (channel: Channel) => tx(`appeals.channels.${channel}`),
    clockKind: (kind: string) => tx(`appeals.clockKinds.${kind}`),
    level: (level: number | null | undefined) => levelName(level, tx),
    event: (event: Pick<TimelineEvent, 'type' | 'data' | 'departmentName'>) => describeEvent(event, tx),
    role: (role: string | null) => (role ? tx(`roles.${role}`, { defaultValue: role }) : ''),
  }
}
