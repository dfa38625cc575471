import { requireRole, type Actor } from '../../kernel/auth/actor'
import { cityToday } from '../../kernel/calendar/city-today'
import type { AppDeps } from '../../kernel/http/app-env'
import { CAP_TIERS } from './inspection-caps.schema'
import { highFrequencyReasons, tierOf, yearRange } from './cap-arithmetic'
import { loadCapSettingsAt } from './cap-settings.service'
import * as q from './inspection-caps.queries'

/**
 * Enterprises inspected too often this year, for the bureau (频次过高预警): computed when asked, from
 * the cap index, so the list is never a day behind (a nightly sweep would add nothing but staleness).
 */
export async function listHighFrequency(deps: AppDeps, actor: Actor, query: { year?: number | undefined }) {
  requireRole(actor, 'dispatcher', 'bureau_leader')
  const today = cityToday(deps)
  const year = query.year ?? Number(today.slice(0, 4))
  const range = yearRange(`${year}-01-01`)
  // the caps of the year's end, or of today while the year runs
  const { settings } = await loadCapSettingsAt(deps.db, today < range.to ? today : `${year}-12-31`)
  // the fewest inspections that can flag anyone: none with fewer need leave the database
  const minAll = Math.max(
    1,
    Math.min(
      settings.highFrequency.count,
      ...CAP_TIERS.map((t) => {
        const cap = settings.tiers[t]
        return Math.min(Math.ceil(settings.highFrequency.shareOfCap * cap.total), cap.perBody + 1)
      }),
    ),
  )
  const rows = await q.findYearCounts(deps.db, { ...range, minAll })
  const items = rows.flatMap((r) => {
    const tier = tierOf(r.tier)
    const reasons = highFrequencyReasons({
      settings,
      tier,
      counted: r.counted,
      all: r.all_count,
      busiestBodyCount: r.busiest,
    })
    if (!reasons.length) return []
    return [
      {
        enterpriseId: r.enterprise_id,
        enterpriseName: r.enterprise_name,
        tier,
        counted: r.counted,
        all: r.all_count,
        totalLimit: settings.tiers[tier].total,
        busiestBodyCount: r.busiest,
        perBodyLimit: settings.tiers[tier].perBody,
        reasons,
      },
    ]
  })
  return { year, items }
}
