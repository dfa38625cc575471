import type { AppealSettings } from './appeals.api'

/*
 * The appeal-settings form, without UI: the same limits the server checks (appeal-settings.ts), and
 * the conversions between what people type and what the API stores. Field names stay the API's
 * (settings.maxReturns, settings.profiles.enterprise.urgent.sign_for.value, …) so the server's field
 * errors land under the right input.
 */
export const SETTINGS_LIMITS = {
  targetMax: 365,
  maxReturns: { min: 0, max: 10 },
  autoCloseWorkingDays: { min: 1, max: 60 },
  escalationStepWorkingHours: { max: 200 },
  coPartShare: { min: 10, max: 100 },
} as const

export const PROFILES = ['enterprise', 'beijing'] as const
export type Profile = (typeof PROFILES)[number]
export const WEIGHT_KEYS = ['response', 'resolution', 'satisfaction'] as const
export type WeightKey = (typeof WEIGHT_KEYS)[number]

/** The form's values: the settings as stored, except the shares, which people read in per cent. */
export type SettingsFormValues = {
  settings: Omit<AppealSettings, 'returnVisitSampleRate' | 'coPartShare'> & {
    returnVisitSampleRate: number
    coPartShare: number
  }
}

// Per cent to a fraction and back, without 0.07 × 100 = 7.000000000000001.
const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits

export function toFormValues(settings: AppealSettings): SettingsFormValues {
  return {
    settings: {
      ...structuredClone(settings),
      returnVisitSampleRate: round(settings.returnVisitSampleRate * 100, 4),
      coPartShare: round(settings.coPartShare * 100, 4),
    },
  }
}

export function toSettings(values: SettingsFormValues): AppealSettings {
  return {
    ...values.settings,
    returnVisitSampleRate: round(values.settings.returnVisitSampleRate / 100, 6),
    coPartShare: round(values.settings.coPartShare / 100, 6),
  }
}

/** Each weight's share of their sum, as the composite score uses them; all zero has no score at all. */
export function weightShares(
  weights: Partial<Record<WeightKey, number | null>>,
): Record<WeightKey, number> | undefined {
  const values = WEIGHT_KEYS.map((key) => Math.max(0, weights[key] ?? 0))
  const sum = values.reduce((total, value) => total + value, 0)
  if (sum <= 0) return undefined
  return Object.fromEntries(WEIGHT_KEYS.map((key, i) => [key, values[i]! / sum])) as Record<WeightKey, number>
}
