import type { MatterGuide } from './services.api'

/** Every enum's label key: adding a value to the contract fails the type check until it has one. */
export const MATTER_TYPE_LABELS = {
  licence: 'services.matterTypes.licence',
  confirmation: 'services.matterTypes.confirmation',
  payment: 'services.matterTypes.payment',
  reward: 'services.matterTypes.reward',
  filing: 'services.matterTypes.filing',
  other_power: 'services.matterTypes.other_power',
  public_service: 'services.matterTypes.public_service',
} as const satisfies Record<MatterGuide['matterType'], string>

export const ONLINE_LEVEL_LABELS = {
  none: 'services.onlineLevels.none',
  query: 'services.onlineLevels.query',
  download: 'services.onlineLevels.download',
  partial: 'services.onlineLevels.partial',
  full: 'services.onlineLevels.full',
} as const satisfies Record<MatterGuide['onlineLevel'], string>

export const SPECIAL_STEP_LABELS = {
  expert_review: 'services.specialSteps.expert_review',
  hearing: 'services.specialSteps.hearing',
  public_notice: 'services.specialSteps.public_notice',
  on_site_inspection: 'services.specialSteps.on_site_inspection',
} as const satisfies Record<MatterGuide['specialSteps'][number]['kind'], string>

export const VARIANT_LABELS = {
  new: 'services.variants.new',
  change: 'services.variants.change',
  renewal: 'services.variants.renewal',
  cancellation: 'services.variants.cancellation',
} as const satisfies Record<NonNullable<MatterGuide['variant']>, string>
