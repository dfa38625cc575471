import type { Material } from './matters.schema'
import type { MaterialSource } from './services.tables'

/**
 * Which material of a version is satisfied, and how: the platform supplies it (营业执照 from the
 * registry), an active certificate of the enterprise stands for it (证照免提交), or files are
 * attached (uploaded, or reused with consent: 一次提交). Pure: the service feeds it rows.
 *
 * `notRequiredWhen` is free text a person judges ("法定代表人本人办理的"): a material carrying it is
 * optional here, shown with its condition, and the completeness check (a person) asks for it by a
 * supplement request when the condition does not hold.
 */
export type AttachedMaterial = {
  id: string
  materialName: string
  source: MaterialSource
  fileName: string | null
  certificateId: string | null
}
export type HeldCertificate = {
  id: string
  number: string
  title: string
  status: string
  validUntil: string
}

export type MaterialState = 'platform' | 'certificate' | 'attached' | 'missing'
export type PlannedMaterial = {
  name: string
  required: boolean
  notRequiredWhen: string | null
  state: MaterialState
  certificate: { id: string; number: string; title: string } | null
  files: AttachedMaterial[]
}

// A material asked as a certificate's copy ("食品经营许可证（副本）", "…正副本复印件") is that certificate.
const COPY_WORDS = /(（[^）]*）|\([^)]*\)|正副本|正本|副本|复印件|原件)/g

/** The certificate title a material's name stands for (its words for copies removed). */
export function certificateTitleOf(materialName: string): string {
  return materialName.replace(COPY_WORDS, '').trim()
}

/** An active certificate whose title is the material's, still valid on the city's date `today`. */
export function certificateFor(
  material: Pick<Material, 'name'>,
  certificates: readonly HeldCertificate[],
  today: string,
): HeldCertificate | undefined {
  const title = certificateTitleOf(material.name)
  return certificates.find((c) => c.status === 'active' && c.validUntil >= today && c.title === title)
}

export function planMaterials(
  materials: readonly Material[],
  attached: readonly AttachedMaterial[],
  certificates: readonly HeldCertificate[],
  today: string,
): PlannedMaterial[] {
  return materials.map((material) => {
    const files = attached.filter(
      (a) => a.materialName === material.name && (a.source === 'upload' || a.source === 'reused'),
    )
    const base = {
      name: material.name,
      required: !material.platformSupplies && material.notRequiredWhen === null,
      notRequiredWhen: material.notRequiredWhen,
      files,
      certificate: null,
    }
    if (material.platformSupplies) return { ...base, state: 'platform' as const }
    const certificate = certificateFor(material, certificates, today)
    if (certificate)
      return {
        ...base,
        required: false,
        state: 'certificate' as const,
        certificate: { id: certificate.id, number: certificate.number, title: certificate.title },
      }
    return { ...base, state: files.length > 0 ? ('attached' as const) : ('missing' as const) }
  })
}

/** The materials a submission still lacks: required, and neither supplied nor attached. */
export function missingMaterials(plan: readonly PlannedMaterial[]): string[] {
  return plan.filter((m) => m.required && m.state === 'missing').map((m) => m.name)
}
