import { z } from 'zod'

/** One thing waiting for the caller: what (a stable key the console words), how many, where to go. */
export const WorkItemSchema = z.object({ key: z.string(), count: z.number(), path: z.string() })
export const WorklistSchema = z.object({ items: z.array(WorkItemSchema) })
export type WorkItem = z.infer<typeof WorkItemSchema>
