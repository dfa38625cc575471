import { z } from 'zod'
import { isoDate, plainText, uuid, version } from '../../shared/fields'

/**
 * The API contract of the inspection registry and of planning, approval and the door (issue 14
 * item 1). Imports zod only: the web reuses it. The states are those of inspection-states.ts.
 */
export const INSPECTION_STATES = [
  'planned',
  'approved',
  'rejected',
  'checked_in',
  'refused',
  'result_recorded',
  'closed',
  'cancelled',
] as const
export const INSPECTION_KINDS = ['routine', 'case', 'special', 'random', 'recheck', 'service_visit'] as const
/** What may be planned by hand: a random inspection comes from a draw (item 3), not from this form. */
export const PLANNABLE_KINDS = ['routine', 'case', 'special', 'recheck', 'service_visit'] as const
export const VISIT_PURPOSES = ['research', 'observation', 'guidance'] as const
export const ITEM_STATUSES = ['draft', 'published', 'withdrawn'] as const

export const IdParams = z.strictObject({ id: uuid })
/** A check code as a scan carries it: base32, checked for form only (the lookup decides the rest). */
export const CheckCodeParams = z.strictObject({ code: z.string().regex(/^[A-Za-z2-7]{20,64}$/) })

// ── inspection items (检查事项) ─────────────────────────────────────────────────────────────────

export const CreateInspectionItemBody = z.strictObject({
  departmentId: uuid,
  code: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/),
  name: plainText(200),
  basis: plainText(2000),
  content: plainText(4000, 0).optional(),
})
export type CreateInspectionItemInput = z.infer<typeof CreateInspectionItemBody>

export const VersionBody = z.strictObject({ version })
export type VersionInput = z.infer<typeof VersionBody>

export const InspectionItemListQuery = z.strictObject({
  departmentId: uuid.optional(),
  status: z.enum(ITEM_STATUSES).optional(),
  q: plainText(50).optional(),
  /** the city date "unused for five years" is counted against; default: today */
  asOf: isoDate.optional(),
})
export type InspectionItemListInput = z.infer<typeof InspectionItemListQuery>

export const InspectionItemSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  basis: z.string(),
  content: z.string(),
  status: z.enum(ITEM_STATUSES),
  publishedAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  lastUsedOn: z.string().nullable(),
  /** never used, or last used five years or more before asOf */
  isUnusedFiveYears: z.boolean(),
  version: z.number(),
})
export type InspectionItem = z.infer<typeof InspectionItemSchema>
export const InspectionItemListSchema = z.object({ items: z.array(InspectionItemSchema), asOf: z.string() })
export type InspectionItemList = z.infer<typeof InspectionItemListSchema>

// ── certified inspectors (执法人员) and conflicts ───────────────────────────────────────────────

export const CertifyInspectorBody = z.strictObject({
  userId: uuid,
  departmentId: uuid,
  certificateNo: z.string().regex(/^[A-Za-z0-9\u4e00-\u9fa5-]{1,64}$/),
  certifiedUntil: isoDate,
})
export type CertifyInspectorInput = z.infer<typeof CertifyInspectorBody>

export const InspectorListQuery = z.strictObject({ departmentId: uuid.optional() })
export type InspectorListInput = z.infer<typeof InspectorListQuery>

export const InspectorSchema = z.object({
  userId: z.string(),
  name: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  certificateNo: z.string(),
  certifiedUntil: z.string(),
  active: z.boolean(),
  conflicts: z.array(z.object({ enterpriseId: z.string(), enterpriseName: z.string(), reason: z.string() })),
})
export type Inspector = z.infer<typeof InspectorSchema>
export const InspectorListSchema = z.object({ items: z.array(InspectorSchema) })
export type InspectorList = z.infer<typeof InspectorListSchema>

export const InspectorParams = z.strictObject({ userId: uuid })
export const DeclareConflictBody = z.strictObject({ enterpriseId: uuid, reason: plainText(500) })
export type DeclareConflictInput = z.infer<typeof DeclareConflictBody>

/** Staff of a body who may be put on a plan (the form's choices): its certified inspectors and its staff. */
export const PlanningChoicesQuery = z.strictObject({ departmentId: uuid })
export const PlanningChoicesSchema = z.object({
  items: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), basis: z.string() })),
  inspectors: z.array(
    z.object({ userId: z.string(), name: z.string(), certificateNo: z.string(), certifiedUntil: z.string() }),
  ),
  staff: z.array(z.object({ userId: z.string(), name: z.string() })),
})
export type PlanningChoices = z.infer<typeof PlanningChoicesSchema>

// ── inspections ────────────────────────────────────────────────────────────────────────────────

/** The exemptions a planner may claim (a re-check is exempt by its kind, planned from a result). */
export const PLAN_CAP_EXEMPTIONS = [
  'complaint',
  'assigned',
  'own_request',
  'emergency',
  'bureau_granted',
] as const

export const PlanInspectionBody = z
  .strictObject({
    kind: z.enum(PLANNABLE_KINDS),
    visitPurpose: z.enum(VISIT_PURPOSES).optional(),
    enterpriseId: uuid,
    departmentId: uuid,
    itemIds: z.array(uuid).min(1).max(20),
    /** certified inspectors (an enforcement inspection: at least two) */
    inspectorIds: z.array(uuid).max(10).default([]),
    /** the body's staff making a service visit */
    visitorIds: z.array(uuid).max(10).default([]),
    plannedOn: isoDate,
    windowEndsOn: isoDate,
    purpose: plainText(1000),
    /**
     * A documented exemption from the inspection caps (complaint-triggered, assigned from above, the
     * enterprise's own request, an emergency, or one the bureau granted), with what it rests on
     */
    capExemption: z.enum(PLAN_CAP_EXEMPTIONS).optional(),
    capExemptionNote: plainText(500).optional(),
  })
  .refine((v) => (v.capExemption === undefined) === (v.capExemptionNote === undefined), {
    path: ['capExemptionNote'],
    error: 'An exemption from the caps names what it rests on; a note needs an exemption',
  })
  .refine((v) => (v.kind === 'service_visit') === (v.visitPurpose !== undefined), {
    path: ['visitPurpose'],
    error: 'A service visit names its purpose (research, observation, guidance); an inspection does not',
  })
  .refine((v) => v.windowEndsOn >= v.plannedOn, {
    path: ['windowEndsOn'],
    error: 'The window ends on or after its first day',
  })
export type PlanInspectionInput = z.infer<typeof PlanInspectionBody>

export const DecisionBody = z.strictObject({ version, note: plainText(1000).optional() })
export type DecisionInput = z.infer<typeof DecisionBody>
/** Approving a random draw's inspections at once: the draw, and a note every enterprise's timeline shows. */
export const DrawIdParams = z.strictObject({ drawId: uuid })
export const ApproveDrawnBody = z.strictObject({ note: plainText(1000).optional() })
export const ApproveDrawnSchema = z.object({
  approved: z.number().int().describe('approved by this request'),
  total: z.number().int().describe("the draw's inspections in the bodies the caller heads, in any state"),
})
export const ReasonBody = z.strictObject({ version, reason: plainText(1000) })
export type ReasonInput = z.infer<typeof ReasonBody>

export const InspectionListQuery = z.strictObject({
  status: z.enum(INSPECTION_STATES).optional(),
  departmentId: uuid.optional(),
  enterpriseId: uuid.optional(),
})
export type InspectionListInput = z.infer<typeof InspectionListQuery>

const PersonOnVisit = z.object({ userId: z.string(), name: z.string(), certificateNo: z.string().nullable() })
const ItemOnVisit = z.object({ id: z.string(), code: z.string(), name: z.string(), basis: z.string() })

export const InspectionSummarySchema = z.object({
  id: z.string(),
  number: z.string(),
  kind: z.enum(INSPECTION_KINDS),
  visitPurpose: z.enum(VISIT_PURPOSES).nullable(),
  status: z.enum(INSPECTION_STATES),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  plannedOn: z.string(),
  windowEndsOn: z.string(),
  createdAt: z.string(),
})
export type InspectionSummary = z.infer<typeof InspectionSummarySchema>
export const InspectionListSchema = z.object({ items: z.array(InspectionSummarySchema) })
export type InspectionList = z.infer<typeof InspectionListSchema>

export const InspectionDetailSchema = InspectionSummarySchema.extend({
  purpose: z.string(),
  items: z.array(ItemOnVisit),
  people: z.array(PersonOnVisit),
  plannedByName: z.string(),
  approvedByName: z.string().nullable(),
  approvedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  checkedInAt: z.string().nullable(),
  /** the code and its QR image, only to staff of the body while the code is live */
  checkCode: z.string().nullable(),
  checkUrl: z.string().nullable(),
  checkQrSvg: z.string().nullable(),
  notes: z.array(z.string()),
  actions: z.array(z.enum(['approve', 'reject', 'cancel', 'close'])),
  timeline: z.array(
    z.object({
      type: z.string(),
      at: z.string(),
      actorName: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
  version: z.number(),
})
export type InspectionDetail = z.infer<typeof InspectionDetailSchema>

// ── the enterprise: the door and the history ──────────────────────────────────────────────────

/** What the enterprise sees when it scans a code: who, what, under which basis and approval. */
export const CheckViewSchema = z.object({
  id: z.string(),
  number: z.string(),
  kind: z.enum(INSPECTION_KINDS),
  visitPurpose: z.enum(VISIT_PURPOSES).nullable(),
  status: z.enum(INSPECTION_STATES),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  departmentName: z.string(),
  purpose: z.string(),
  plannedOn: z.string(),
  windowEndsOn: z.string(),
  items: z.array(ItemOnVisit),
  people: z.array(PersonOnVisit),
  approvedByName: z.string().nullable(),
  approvedAt: z.string().nullable(),
  checkedInAt: z.string().nullable(),
  version: z.number(),
})
export type CheckView = z.infer<typeof CheckViewSchema>

export const MyInspectionSchema = z.object({
  id: z.string(),
  number: z.string(),
  kind: z.enum(INSPECTION_KINDS),
  visitPurpose: z.enum(VISIT_PURPOSES).nullable(),
  status: z.enum(INSPECTION_STATES),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  departmentName: z.string(),
  plannedOn: z.string(),
  windowEndsOn: z.string(),
  checkedInAt: z.string().nullable(),
  items: z.array(z.object({ code: z.string(), name: z.string() })),
  /** 'not_yet': not checked in; 'to_rate': may be rated now; 'rated': the level given */
  rating: z.object({ state: z.enum(['not_yet', 'to_rate', 'rated']), level: z.number().nullable() }),
  /** a result is recorded: GET /inspections/{id}/result shows it */
  hasResult: z.boolean(),
})
export type MyInspection = z.infer<typeof MyInspectionSchema>
export const MyInspectionListSchema = z.object({ items: z.array(MyInspectionSchema) })
export type MyInspectionList = z.infer<typeof MyInspectionListSchema>

export const ReportUnregisteredVisitBody = z.strictObject({
  enterpriseId: uuid,
  bodyName: plainText(100),
  note: plainText(1000, 0).optional(),
  presentedCode: plainText(100).optional(),
})
export type ReportUnregisteredVisitInput = z.infer<typeof ReportUnregisteredVisitBody>

export const UnregisteredVisitReportSchema = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  bodyName: z.string(),
  note: z.string(),
  presentedCode: z.string().nullable(),
  visitedOn: z.string(),
  reportedAt: z.string(),
})
export type UnregisteredVisitReport = z.infer<typeof UnregisteredVisitReportSchema>
export const UnregisteredVisitReportListSchema = z.object({ items: z.array(UnregisteredVisitReportSchema) })
export type UnregisteredVisitReportList = z.infer<typeof UnregisteredVisitReportListSchema>
