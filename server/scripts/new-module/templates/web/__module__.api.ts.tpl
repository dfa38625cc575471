import type { {{casePascal}}, {{casePascal}}List } from '@server/modules/{{module}}/{{module}}.schema'
import { api } from '../../app/api'

export type { {{casePascal}}, {{casePascal}}List }

/** Calls to the {{module}} module, typed from its contract. */
export const {{moduleCamel}}Api = {
  mine: () => api.get<{{casePascal}}List>('/{{module}}/{{cases}}/mine'),
}
