import { z } from 'zod'
import { plainText } from '../../shared/fields'

/** The API contract of services (the web reuses it). The states are those of application-states.ts. */
export const APPLICATION_STATES = [
  'draft',
  'submitted',
  'supplement_requested',
  'accepted',
  'special_step',
  'approved',
  'refused',
  'not_accepted',
  'withdrawn',
  'terminated',
] as const

export const ApplicationIdParams = z.strictObject({ id: z.string().uuid() })

export const OpenApplicationBody = z.strictObject({
  enterpriseId: z.string().uuid(),
  title: plainText(200),
})
export type OpenApplicationInput = z.infer<typeof OpenApplicationBody>

export const ApplicationSchema = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  title: z.string(),
  status: z.enum(APPLICATION_STATES),
  createdAt: z.string(),
  submittedAt: z.string().nullable(),
  version: z.number(),
})
export type Application = z.infer<typeof ApplicationSchema>

export const ApplicationListSchema = z.object({ items: z.array(ApplicationSchema) })
export type ApplicationList = z.infer<typeof ApplicationListSchema>
export * from './matters.schema'
export * from './application-desk.schema'
export * from './services-figures.schema'
