import { z } from 'zod'

/**
 * The rules of the appeal process an administrator can change without a release. Defaults come from
 * practice: Beijing 接诉即办 tiers (urgent 2 h, fast 24 h, normal 7 working days, complex 15) and the
 * enterprise-appeal profile of 枣庄 企呼枣应 (verify within 1 working day, reply within 2, solve within
 * 10, complex within 25). The enterprise profile is the default: this platform serves enterprises.
 * The console names the enterprise profile for the city running the deployment (its defaults after
 * 枣庄) and the other as Beijing's practice; the stored keys stay 'enterprise' and 'beijing'.
 */
export const TIERS = ['urgent', 'fast', 'normal', 'complex'] as const
export type Tier = (typeof TIERS)[number]
export const CLOCK_KINDS = ['sign_for', 'first_contact', 'resolution'] as const
export type ClockKind = (typeof CLOCK_KINDS)[number]
/** The clocks an appeal runs: the configurable three, and each co-handler's part (a share of resolution). */
export type AppealClockKind = ClockKind | 'co_part'

/**
 * 'hours' are clock hours (every minute counts, nights and holidays too: an emergency does not wait
 * for Monday); 'working_hours' and 'working_days' count the city's working time only.
 */
export const TARGET_UNITS = ['hours', 'working_hours', 'working_days'] as const
const TargetSchema = z.strictObject({
  unit: z.enum(TARGET_UNITS),
  value: z.number().positive().max(365),
})
export type Target = z.infer<typeof TargetSchema>

const TierTargetsSchema = z.strictObject({
  sign_for: TargetSchema,
  first_contact: TargetSchema,
  resolution: TargetSchema,
})

export const AppealSettingsSchema = z.strictObject({
  profile: z.enum(['enterprise', 'beijing']),
  profiles: z.strictObject({
    enterprise: z.strictObject({
      urgent: TierTargetsSchema,
      fast: TierTargetsSchema,
      normal: TierTargetsSchema,
      complex: TierTargetsSchema,
    }),
    beijing: z.strictObject({
      urgent: TierTargetsSchema,
      fast: TierTargetsSchema,
      normal: TierTargetsSchema,
      complex: TierTargetsSchema,
    }),
  }),
  /**
   * A co-handler (协办) submits its part to the lead within this share of the resolution target, so
   * the lead has the rest to write one answer. Saved settings from before co-handlers had clocks read
   * the default.
   */
  coPartShare: z.number().min(0.1).max(1).default(0.6),
  /** Returns a department may make before the task force arbitrates (and its decision binds). */
  maxReturns: z.number().int().min(0).max(10),
  /** Replies wait for the department head's approval before the enterprise sees them. */
  replyNeedsApproval: z.boolean(),
  /** A reply the enterprise neither confirms nor rates closes after this many working days, as "no rating". */
  autoCloseWorkingDays: z.number().int().min(1).max(60),
  /** Working hours between escalation levels after a breach. */
  escalationStepWorkingHours: z.number().positive().max(200),
  /** Share of closed appeals drawn for a return visit (all low and missing ratings are visited). */
  returnVisitSampleRate: z.number().min(0).max(1),
  /** Weights of the composite score; published in docs/METRICS.md. */
  weights: z.strictObject({
    response: z.number().min(0),
    resolution: z.number().min(0),
    satisfaction: z.number().min(0),
  }),
})
export type AppealSettings = z.infer<typeof AppealSettingsSchema>

/** Tiers measured in hours count clock hours by default; an administrator may choose working hours per tier. */
const h = (value: number): Target => ({ unit: 'hours', value })
const d = (value: number): Target => ({ unit: 'working_days', value })

export const DEFAULT_APPEAL_SETTINGS: AppealSettings = {
  profile: 'enterprise',
  profiles: {
    enterprise: {
      urgent: { sign_for: h(0.5), first_contact: h(1), resolution: h(2) },
      fast: { sign_for: h(2), first_contact: h(4), resolution: h(24) },
      normal: { sign_for: d(1), first_contact: d(2), resolution: d(10) },
      complex: { sign_for: d(1), first_contact: d(2), resolution: d(25) },
    },
    beijing: {
      urgent: { sign_for: h(0.5), first_contact: h(1), resolution: h(2) },
      fast: { sign_for: h(2), first_contact: h(4), resolution: h(24) },
      normal: { sign_for: d(1), first_contact: d(2), resolution: d(7) },
      complex: { sign_for: d(1), first_contact: d(2), resolution: d(15) },
    },
  },
  coPartShare: 0.6,
  maxReturns: 2,
  replyNeedsApproval: false,
  autoCloseWorkingDays: 5,
  escalationStepWorkingHours: 7,
  returnVisitSampleRate: 0.2,
  weights: { response: 0.1, resolution: 0.45, satisfaction: 0.45 },
}

export function targetFor(settings: AppealSettings, tier: Tier, kind: ClockKind): Target {
  return settings.profiles[settings.profile][tier][kind]
}
