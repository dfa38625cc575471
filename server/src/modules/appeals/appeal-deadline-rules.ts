import * as kit from '../../kernel/cases/clock'
import type { TimeMeter } from '../../kernel/cases/clock'

/**
 * An appeal's deadline clocks are the case kit's clock (kernel/cases/clock.ts): working minutes as
 * data, documented pauses, extensions, thresholds. What is the appeal's own is its threshold policy:
 * warnings at 50 % and 80 % of the budget; at 100 % the breach goes to the handler; each
 * `escalationStepMinutes` of working time after that it climbs one level: department head, then a
 * bureau supervision case.
 */
export {
  dueAt,
  ELAPSED_TIME,
  isMet,
  meterFor,
  pauseClock,
  resumeClock,
  stopClock,
  usedMinutes,
  type ClockBasis,
  type TimeMeter,
} from '../../kernel/cases/clock'

export type Threshold = 'warn50' | 'warn80' | 'breach' | 'escalate2' | 'escalate3'
export type Clock = kit.Clock<Threshold>

export function startClock(at: Date, budgetMinutes: number): Clock {
  return kit.startClock<Threshold>(at, budgetMinutes)
}

export function appealThresholds(escalationStepMinutes: number): kit.ThresholdPolicy<Threshold> {
  return kit.escalatingPolicy<Threshold>({
    warnings: [
      { name: 'warn50', share: 0.5 },
      { name: 'warn80', share: 0.8 },
    ],
    breach: 'breach',
    escalations: ['escalate2', 'escalate3'],
    stepMinutes: escalationStepMinutes,
  })
}

export function thresholdMinutes(budget: number, escalationStepMinutes: number): Record<Threshold, number> {
  return kit.thresholdMinutes(appealThresholds(escalationStepMinutes), budget)
}

/** An approved extension adds working minutes; thresholds not yet reached under the new budget fire again later. */
export function extendClock(
  clock: Clock,
  extraMinutes: number,
  now: Date,
  meter: TimeMeter,
  escalationStepMinutes: number,
): Clock {
  return kit.extendClock(clock, extraMinutes, now, meter, appealThresholds(escalationStepMinutes))
}

/** When the sweep next has to look at this clock: the earliest threshold not yet acted on. */
export function nextCheckAt(clock: Clock, meter: TimeMeter, escalationStepMinutes: number): Date | null {
  return kit.nextCheckAt(clock, meter, appealThresholds(escalationStepMinutes))
}

/** Thresholds reached by `now` and not yet acted on, in order; the clock with them marked fired. */
export function fireDue(
  clock: Clock,
  now: Date,
  meter: TimeMeter,
  escalationStepMinutes: number,
): { clock: Clock; fired: Threshold[] } {
  return kit.fireDue(clock, now, meter, appealThresholds(escalationStepMinutes))
}

/** Escalation level reached: 0 none, 1 handler, 2 department head, 3 supervision case. */
export function escalationLevel(clock: Clock): number {
  // The level does not depend on the step: any step names the same breach and escalations.
  return kit.escalationLevel(clock, appealThresholds(0))
}
