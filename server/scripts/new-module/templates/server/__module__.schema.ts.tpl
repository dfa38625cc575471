import { z } from 'zod'
import { plainText } from '../../shared/fields'

/** The API contract of {{module}} (the web reuses it). The states are those of {{case}}-states.ts. */
export const {{caseScreaming}}_STATES = ['draft', 'submitted'] as const

export const {{casePascal}}IdParams = z.strictObject({ id: z.string().uuid() })

export const Open{{casePascal}}Body = z.strictObject({
  enterpriseId: z.string().uuid(),
  title: plainText(200),
})
export type Open{{casePascal}}Input = z.infer<typeof Open{{casePascal}}Body>

export const {{casePascal}}Schema = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  title: z.string(),
  status: z.enum({{caseScreaming}}_STATES),
  createdAt: z.string(),
  submittedAt: z.string().nullable(),
  version: z.number(),
})
export type {{casePascal}} = z.infer<typeof {{casePascal}}Schema>

export const {{casePascal}}ListSchema = z.object({ items: z.array({{casePascal}}Schema) })
export type {{casePascal}}List = z.infer<typeof {{casePascal}}ListSchema>
