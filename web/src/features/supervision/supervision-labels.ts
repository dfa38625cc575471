import type { Translate } from '../../app/i18n'

const CLOCK_KINDS = ['sign_for', 'first_contact', 'resolution', 'co_part'] as const

/**
 * Why a supervision case exists, in words: the deadline sweep opens one as "<clock>_overdue" when a
 * clock passes its last escalation step, repeated bad ratings as "bad_ratings", a deemed acceptance
 * as "deemed_accepted"; a case opened by hand carries the bureau's own text.
 */
export function supervisionReason(reason: string, t: Translate): string {
  if (reason === 'bad_ratings' || reason === 'deemed_accepted') return t(`supervision.reasons.${reason}`)
  const match = /^(\w+)_overdue$/.exec(reason)
  const kind = match?.[1]
  if (kind && (CLOCK_KINDS as readonly string[]).includes(kind))
    return t('supervision.reasons.overdue', { clock: t(`appeals.clockKinds.${kind}`) })
  return reason
}

/** Note limits of every move (supervision.schema.ts: plainText(2000, 4)). */
export const CLOSING_NOTE_MIN = 4
export const CLOSING_NOTE_MAX = 2000

/** Reason limits of a case opened by hand (supervision.schema.ts: plainText(500, 4)). */
export const REASON_MAX = 500
/** At most this many evidence lines, each up to EVIDENCE_MAX characters (plainText(300, 2)). */
export const EVIDENCE_COUNT = 10
export const EVIDENCE_MAX = 300
