import { systemActor } from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import { translate } from '../../kernel/i18n'
import type { AppDeps } from '../../kernel/http/app-env'
import { fireDue, thresholdMinutes, type Threshold } from './appeal-deadline-rules'
import { derivedColumns, escalationStepMinutes, meterOf, rowToClock } from './appeal-clock-store.service'
import { notifyStaff } from './appeal-action'
import { formatInstant } from '../../kernel/calendar/zoned-time'
import { loadAppealSettings } from './appeal-settings.service'
import { openSupervisionCaseForAppeal } from '../supervision'
import { lockDueClocks, updateClock } from './appeal-clocks.queries'
import { findAppeal } from './appeal-row.queries'
import { insertEvent } from './appeal-timeline.queries'

/**
 * The job behind every deadline: clocks whose next threshold has come are warned (50 %, 80 %),
 * breached (the handler hears), and escalated one level at a time (the department head, then a
 * bureau supervision case). It reads only the clocks that are due (an index on next_check_at), so
 * its cost follows the work to do, not the size of the pool; locked rows let several nodes sweep.
 */
export async function sweepAppealClocks(
  deps: AppDeps,
  now = new Date(),
  batch = 500,
): Promise<{ clocks: number; fired: number }> {
  const system = systemActor('deadline-sweep')
  return deps.db.transaction().execute(async (tx) => {
    const rows = await lockDueClocks(tx, now, batch)
    if (rows.length === 0) return { clocks: 0, fired: 0 }
    const { settings } = await loadAppealSettings(tx)
    const calendar = await deps.calendar.calendar(tx)
    const step = escalationStepMinutes(settings)
    let firedCount = 0
    for (const row of rows) {
      const meter = meterOf(row, calendar)
      const { clock, fired } = fireDue(rowToClock(row), now, meter, step)
      await updateClock(tx, row.id, derivedColumns(clock, meter, settings))
      if (fired.length === 0) continue
      firedCount += fired.length
      const appeal = (await findAppeal(tx, row.appeal_id))!
      const departments = row.department_id ? [row.department_id] : null
      const due = row.due_at ? formatInstant(row.due_at, calendar.timeZone) : '-'
      const clockName = translate(`appeals.clock.${row.kind}`, undefined, 'zh-CN')
      const last = fired.at(-1) as Threshold
      // A late sweep may pass several thresholds at once: act on the highest, record them all.
      if (last === 'warn50' || last === 'warn80') {
        await notifyStaff({ deps, tx, appeal }, departments, ['handler'], {
          template: 'appeal.warning',
          params: { number: appeal.number, clock: clockName, percent: last === 'warn50' ? 50 : 80, due },
        })
      } else if (last === 'breach') {
        await notifyStaff({ deps, tx, appeal }, departments, ['handler'], {
          template: 'appeal.breach',
          params: { number: appeal.number, clock: clockName, due },
        })
      } else if (last === 'escalate2') {
        await notifyStaff({ deps, tx, appeal }, departments, ['department_head'], {
          template: 'appeal.escalated',
          params: { number: appeal.number, level: translate('appeals.level.2', undefined, 'zh-CN') },
        })
      } else {
        // One open supervision case per appeal, whichever of its clocks got there first.
        const opened = await openSupervisionCaseForAppeal(deps, tx, system, {
          appealId: appeal.id,
          departmentId: row.department_id,
          reason: `${row.kind}_overdue`,
          at: now,
        })
        if (opened.isNew)
          await notifyStaff({ deps, tx, appeal }, null, ['dispatcher', 'bureau_leader'], {
            template: 'appeal.escalated',
            params: { number: appeal.number, level: translate('appeals.level.3', undefined, 'zh-CN') },
          })
      }
      await insertEvent(tx, {
        appealId: appeal.id,
        type: `clock_${last}`,
        actorUserId: null,
        actorRole: 'system',
        departmentId: row.department_id,
        data: {
          clock: row.kind,
          fired,
          budgetMinutes: row.budget_minutes,
          thresholdMinutes: thresholdMinutes(row.budget_minutes, step)[last],
        },
        audience: 'internal',
      })
      if (last !== 'warn50' && last !== 'warn80') {
        await writeAudit(tx, system, {
          action: `appeal.clock_${last}`,
          entityType: 'appeal',
          entityId: appeal.id,
          after: { clock: row.kind, fired },
        })
      }
    }
    return { clocks: rows.length, fired: firedCount }
  })
}
