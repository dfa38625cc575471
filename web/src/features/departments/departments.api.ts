import type {
  CreateDepartmentInput,
  Department,
  UpdateDepartmentInput,
} from '@server/modules/departments/departments.schema'
import { api } from '../../app/api'

export type { Department }
export type DepartmentKind = Department['kind']
export type CreateDepartmentBody = Partial<
  Pick<
    CreateDepartmentInput,
    'shortName' | 'recognisedNames' | 'divisionCode' | 'isFallbackOwner' | 'sortOrder'
  >
> &
  Pick<CreateDepartmentInput, 'code' | 'name' | 'kind' | 'parentId'>
export type UpdateDepartmentBody = UpdateDepartmentInput

export const departmentsApi = {
  list: () => api.get<{ items: Department[] }>('/departments'),
  create: (body: CreateDepartmentBody) => api.post<Department>('/departments', body),
  update: (id: string, body: UpdateDepartmentBody) =>
    api.patch<Department>(`/departments/${encodeURIComponent(id)}`, body),
}
