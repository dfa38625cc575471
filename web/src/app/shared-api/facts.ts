import type { FactDefinitionView } from '@server/modules/facts/facts.schema'
import { api } from '../api'

export type FactDefinition = FactDefinitionView
export type RawFactValue = number | string | boolean | string[]

/** The fact schema: the facts form, the public calculator and policy exclusions read it. */
export const factsApi = {
  definitions: () => api.get<{ items: FactDefinition[] }>('/facts/definitions'),
}
