import { Progress, Tag, Typography } from 'antd'
import { formatDateTime } from '../../../ui/format'
import { clockPercent, clockState, workingTime, type ClockState } from '../appeal-labels'
import type { Clock } from '../appeals.api'
import { useAppealText } from '../use-appeal-text'

const STATE_COLORS: Record<ClockState, string> = {
  met: 'green',
  missed: 'red',
  stopped: 'default',
  paused: 'orange',
  overdue: 'red',
  running: 'blue',
}
const KIND_ORDER = { sign_for: 0, first_contact: 1, co_part: 2, resolution: 3 } as const

/**
 * The appeal's deadline clocks, newest cycle first: working time used of the budget as a bar, the
 * due time, and whether it was met, missed, is paused or has escalated.
 */
export function ClockList({
  clocks,
  departmentNames = {},
}: {
  clocks: Clock[]
  /** department id → name: a sign-for or co-handling clock says whose it is (lead and co-handlers each have one) */
  departmentNames?: Record<string, string>
}) {
  const text = useAppealText()
  const { t, tx } = text
  if (!clocks.length)
    return <Typography.Text className="s-empty">{t('appeals.case.noClocks')}</Typography.Text>
  const sorted = [...clocks].sort((a, b) => b.cycle - a.cycle || KIND_ORDER[a.kind] - KIND_ORDER[b.kind])
  const now = new Date()
  return (
    <ul className="s-clock-list">
      {sorted.map((clock) => {
        const state = clockState(clock, now)
        const percent = clockPercent(clock)
        const owner =
          (clock.kind === 'sign_for' || clock.kind === 'co_part') && clock.departmentId
            ? departmentNames[clock.departmentId]
            : undefined
        const name = `${text.clockKind(clock.kind)}${owner ? ` · ${owner}` : ''}${clock.cycle > 1 ? ` · ${t('appeals.detail.round', { cycle: clock.cycle })}` : ''}`
        return (
          <li key={`${clock.kind}-${clock.cycle}-${clock.startedAt}`} className="s-clock">
            <div className="s-clock-head">
              <strong>{name}</strong>
              <Tag color={STATE_COLORS[state]}>{tx(`appeals.clockStates.${state}`)}</Tag>
              {clock.basis === 'elapsed' ? <Tag>{t('appeals.clockBasis.elapsed')}</Tag> : null}
              {clock.escalationLevel > 1 ? (
                <Tag color="red">{t('appeals.case.escalated', { level: clock.escalationLevel })}</Tag>
              ) : null}
            </div>
            <Progress
              percent={Math.min(percent, 100)}
              status={
                state === 'missed' || state === 'overdue'
                  ? 'exception'
                  : state === 'met'
                    ? 'success'
                    : 'normal'
              }
              showInfo={false}
              size="small"
              aria-label={t('appeals.case.clockProgress', { name, percent })}
            />
            <div className="s-clock-meta">
              <span>
                {t('appeals.case.used', {
                  used: workingTime(clock.usedMinutes, tx),
                  budget: workingTime(clock.budgetMinutes, tx),
                  percent,
                })}
              </span>
              {clock.dueAt ? (
                <span>{t('appeals.case.due', { at: formatDateTime(clock.dueAt, text.language) })}</span>
              ) : null}
              {clock.pausedSince ? (
                <span>
                  {t('appeals.case.pausedSince', { at: formatDateTime(clock.pausedSince, text.language) })}
                </span>
              ) : null}
              {clock.stoppedAt ? (
                <span>
                  {t('appeals.case.stoppedAt', { at: formatDateTime(clock.stoppedAt, text.language) })}
                </span>
              ) : null}
            </div>
          </li>
        )
      })}
    </ul>
  )
}
