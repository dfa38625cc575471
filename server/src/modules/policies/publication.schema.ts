import { z } from 'zod'
import { plainText, version } from '../../shared/fields'
import { BENEFIT_KINDS, BENEFIT_MODES } from '../../shared/policies'
import { CreateItemBody } from './policies.schema'

/**
 * The contract of publishing as a decision: the preview of what a publication would do (per item,
 * per district and size class, its cost against the budget cap, the pushes), the publication that
 * confirms the numbers it was decided on, and the settings that say when a second confirmation is due.
 */

const Counts = z.object({ eligible: z.number(), undetermined: z.number(), ineligible: z.number() })

/** One group of a breakdown: a district (division code → name) or a size class ('unknown' when not given). */
const Group = Counts.extend({ code: z.string(), name: z.string() })

export const ItemPreviewSchema = z.object({
  /** null: an item not saved yet (the editor's preview) */
  itemId: z.string().nullable(),
  code: z.string(),
  title: z.string(),
  benefitKind: z.enum(BENEFIT_KINDS),
  mode: z.enum(BENEFIT_MODES),
  isPushEnabled: z.boolean(),
  /** applies today; an item that starts later is matched (and pushed) from its first day */
  isInEffect: z.boolean(),
  effectiveFrom: z.string().nullable(),
  effectiveTo: z.string().nullable(),
  counts: Counts,
  byDistrict: z.array(Group),
  bySize: z.array(Group),
  /** enterprises that already hold what the item grants, within its validity: not offered it */
  heldAlready: z.number(),
  /** eligible now and not under the version in force (all the eligible, for a new item) */
  newlyEligible: z.number(),
  /** money items: yuan; null for a service */
  cost: z
    .object({
      /** a fixed amount per enterprise; null for a formula */
      perEnterprise: z.number().nullable(),
      /** what the eligible would receive */
      eligible: z.number(),
      /** eligible enterprises whose amount cannot be computed (a fact of the formula is missing) */
      eligibleUnestimated: z.number(),
      /** what those who could qualify would receive on top, if they all did */
      undetermined: z.number(),
      undeterminedUnestimated: z.number(),
    })
    .nullable(),
  budget: z.object({
    cap: z.number().nullable(),
    /** paid out under this item so far (a revision of a policy in force) */
    paid: z.number(),
    noCapReason: z.string().nullable(),
    /** (paid + the eligible's cost) ÷ cap; null without a cap */
    share: z.number().nullable(),
    isOver: z.boolean().nullable(),
    /** a money item with neither a cap nor a reason: publishing asks for one */
    isReasonNeeded: z.boolean(),
  }),
})
export type ItemPreview = z.infer<typeof ItemPreviewSchema>

export const PushPreviewSchema = z.object({
  /** (item, enterprise) pairs that become eligible now */
  newlyEligible: z.number(),
  /** enterprises told: one message each however many items, for items that push */
  told: z.number(),
  /** of those told, enterprises at their weekly contact cap now: the message waits for a free slot */
  deferredByCap: z.number(),
  /** newly eligible enterprises not told: subscribed to other topics, or opted out of pushes */
  notSubscribed: z.number(),
  optedOut: z.number(),
  /** enterprises told later, when an item that starts in the future takes effect (today's facts) */
  later: z.number(),
})

export const PublicationPreviewSchema = z.object({
  policyId: z.string(),
  /** the working copy's version the preview was computed for */
  policyVersion: z.number(),
  today: z.string(),
  computedAt: z.string(),
  computeMs: z.number(),
  /** enterprises matched against */
  enterprises: z.number(),
  items: z.array(ItemPreviewSchema),
  pushes: PushPreviewSchema,
  /** more enterprises told than this (now and later) asks for a second confirmation */
  threshold: z.number(),
  needsConfirmation: z.boolean(),
  /** what the publication must confirm: its numbers moved, and it asks again */
  digest: z.string(),
})
export type PublicationPreview = z.infer<typeof PublicationPreviewSchema>

/** The editor's preview of one item as it stands in the form (nothing is saved). */
export const ItemPreviewBody = CreateItemBody.pick({
  code: true,
  title: true,
  benefitKind: true,
  amount: true,
  amountFormula: true,
  mode: true,
  budgetCap: true,
  noCapReason: true,
  conditions: true,
  exclusion: true,
  effectiveFrom: true,
  effectiveTo: true,
  isPushEnabled: true,
}).extend({
  /** the saved item it edits: who is "newly" eligible is counted against its version in force */
  itemId: z.string().uuid().nullable().optional().default(null),
})
export type ItemPreviewInput = z.infer<typeof ItemPreviewBody>

export const ItemPreviewResultSchema = z.object({
  enterprises: z.number(),
  computeMs: z.number(),
  item: ItemPreviewSchema,
})

export const PublishBody = z.strictObject({
  version,
  note: plainText(1000).optional(),
  /** the digest of the preview the decision was made on */
  previewDigest: z.string().regex(/^[0-9a-f]{64}$/),
  /** above the threshold: how many enterprises the preview said would be told */
  confirmedPushes: z.number().int().min(0).optional(),
  /** item id → why this money item has no budget cap (the publisher's word, stored and audited) */
  noCapReasons: z.record(z.string().uuid(), plainText(500)).optional().default({}),
})
export type PublishInput = z.infer<typeof PublishBody>

export const PublicationSettingsSchema = z.strictObject({
  /** telling more enterprises than this at once needs a second confirmation */
  pushConfirmationThreshold: z.number().int().min(0).max(10_000_000),
})
export type PublicationSettings = z.infer<typeof PublicationSettingsSchema>

export const PublicationSettingsView = z.object({ settings: PublicationSettingsSchema, version: z.number() })
/** version 0: nobody has saved settings yet (the defaults are in use) */
export const PublicationSettingsBody = z.strictObject({
  version: z.number().int().min(0),
  settings: PublicationSettingsSchema,
})
