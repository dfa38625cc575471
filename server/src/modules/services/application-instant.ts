import { cityToday } from '../../kernel/calendar/city-today'
import { factReader } from '../facts'
import type { ApplicationContext, ApplicationOutcome } from './application-action'
import { decideApplication } from './application-decision'
import * as sq from './applications-staff.queries'
import { evaluateInstantConditions, parseInstantConditions } from './instant-rules'
import * as q from './services.queries'

/**
 * 即办件: an application to an instant matter whose conditions hold is decided on submission.
 * Answers the outcome of an approval at once, or null (not instant, or the conditions do not hold:
 * ordinary review, with the reason on the timeline).
 *
 * The conditions are written in the platform's rule language (shared/rules, the one policies use)
 * over the enterprise's facts and the answers of the matter's form, and each is explained in the
 * decision notice. `preloaded`: the matter's version when the submission has read it (null: none).
 */
export async function decideOnSubmission(
  ctx: ApplicationContext,
  preloaded?: sq.VersionRow | null,
): Promise<ApplicationOutcome | null> {
  const { deps, tx, row, now } = ctx
  if (!row.matter_version_id) return null
  const version = preloaded === undefined ? await sq.findVersionOf(tx, row.matter_version_id) : preloaded
  const conditions = parseInstantConditions(version?.instant_conditions)
  if (!version || !conditions) return null
  const today = cityToday(deps, now)
  const reader = factReader(deps)
  const loaded = await reader.keptSchema(tx)
  const sheet = await reader.sheet(tx, loaded, row.enterprise_id, today)
  const result = evaluateInstantConditions({
    conditions,
    loaded,
    formSchema: version.form_schema,
    formData: row.form_data,
    lookup: (key) => sheet?.lookup(key),
    today,
  })
  if (!result.holds) {
    // the applicant learns why it is not decided at once: ordinary review follows
    await q.insertApplicationEvent(tx, row.id, {
      type: 'instant_not_met',
      actorUserId: null,
      actorRole: 'system',
      departmentId: null,
      note: null,
      noteAudience: 'internal',
      data: { conditions: result.conditions.filter((c) => c.result !== 'pass') },
      audience: 'enterprise',
    })
    return null
  }
  return decideApplication(ctx, {
    outcome: 'approve',
    reason: '符合即办件条件，当场作出准予许可决定',
    legalBasis: null,
    instant: { conditions: result.conditions },
    version,
  })
}
