import type { Department } from '@server/modules/departments/departments.schema'
import { api } from '../api'

export type { Department }
export type DepartmentKind = Department['kind']

/** The department list every "which department" picker reads (appeals, policies, users). */
export const departmentsApi = {
  list: () => api.get<{ items: Department[] }>('/departments'),
}
