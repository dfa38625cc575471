import type { Tx } from '../../kernel/db/database'
import type { MatterRules } from './matter-rules'

/**
 * Writes how a draft version is reviewed and decided (review steps, instant conditions, the
 * certificate it issues, its form) before it is published; a published version never changes.
 */
export async function writeDraftRules(tx: Tx, versionId: string, rules: MatterRules) {
  const columns = {
    ...(rules.reviewSteps ? { review_steps: JSON.stringify(rules.reviewSteps) } : {}),
    ...(rules.instantConditions !== undefined
      ? { instant_conditions: rules.instantConditions ? JSON.stringify(rules.instantConditions) : null }
      : {}),
    ...(rules.certificateKind !== undefined ? { certificate_kind: rules.certificateKind } : {}),
    ...(rules.formSchema ? { form_schema: JSON.stringify(rules.formSchema) } : {}),
  }
  if (Object.keys(columns).length === 0) return
  await tx
    .updateTable('service_matter_versions')
    .set(columns)
    .where('id', '=', versionId)
    .where('status', '=', 'draft')
    .execute()
}
