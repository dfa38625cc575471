import type { InstantCondition } from './instant-rules'
import type { ReviewStep } from './services.tables'

/**
 * How a matter version's applications are reviewed and decided, beside its catalogue content:
 * the review steps, the conditions that make it an instant matter (即办件), the certificate an
 * approval issues, the form. Undefined leaves the column's default.
 */
export type MatterRules = {
  reviewSteps?: ReviewStep[]
  instantConditions?: InstantCondition[] | null
  certificateKind?: 'licence' | 'approval' | 'filing' | 'other' | null
  formSchema?: Record<string, unknown>
}
