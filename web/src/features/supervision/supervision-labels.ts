import type { Translate } from '../../app/i18n'

const CLOCK_KINDS = ['sign_for', 'first_contact', 'resolution', 'co_part'] as const

/**
 * Why a supervision case exists, in words: the deadline sweep opens one as "<clock>_overdue" when a
 * clock passes its last escalation step; a case opened by hand carries the bureau's own text.
 */
export function supervisionReason(reason: string, t: Translate): string {
  const match = /^(\w+)_overdue$/.exec(reason)
  const kind = match?.[1]
  if (kind && (CLOCK_KINDS as readonly string[]).includes(kind))
    return t('supervision.reasons.overdue', { clock: t(`appeals.clockKinds.${kind}`) })
  return reason
}

/** Note limits of a closing (supervision.schema.ts: plainText(2000, 4)). */
export const CLOSING_NOTE_MIN = 4
export const CLOSING_NOTE_MAX = 2000
