import { z } from 'zod'

/**
 * The rating rules a city can change without a release (the administrator's settings, as the
 * appeal settings are). Defaults: an invitation 3 days after a finished stage went unrated; no
 * default ratings (a city may enable them — Guangdong sets one after 7 days — and they are always
 * reported apart from given ones); anomaly windows that catch a burst or a rating tapped the moment
 * a staff member acted.
 */
export const RatingSettingsSchema = z.strictObject({
  /** days after a stage finished before an unrated case gets its one invitation */
  inviteAfterDays: z.number().int().min(1).max(60),
  defaultRatings: z.strictObject({
    enabled: z.boolean(),
    /** days after a stage finished before the system records the default rating */
    afterDays: z.number().int().min(1).max(90),
    /** the level recorded (5 非常满意 … 1 非常不满意) */
    level: z.number().int().min(1).max(5),
  }),
  flags: z.strictObject({
    /** identical ratings (same level and comment) of one unit within the window make a burst */
    burstCount: z.number().int().min(2).max(100),
    burstWindowMinutes: z.number().int().min(1).max(1440),
    /** a rating this soon after a staff action on the case */
    afterActionSeconds: z.number().int().min(1).max(3600),
    /** one device rating this many cases within the window */
    deviceCount: z.number().int().min(2).max(100),
    deviceWindowHours: z.number().int().min(1).max(720),
  }),
})
export type RatingSettings = z.infer<typeof RatingSettingsSchema>

export const DEFAULT_RATING_SETTINGS: RatingSettings = {
  inviteAfterDays: 3,
  defaultRatings: { enabled: false, afterDays: 7, level: 4 },
  flags: {
    burstCount: 3,
    burstWindowMinutes: 30,
    afterActionSeconds: 60,
    deviceCount: 5,
    deviceWindowHours: 24,
  },
}
