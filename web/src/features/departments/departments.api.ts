import type {
  CreateDepartmentInput,
  Department,
  UpdateDepartmentInput,
} from '@server/modules/departments/departments.schema'
import { api } from '../../app/api'
import { departmentsApi as sharedDepartmentsApi } from '../../app/shared-api/departments'

export type { Department, DepartmentKind } from '../../app/shared-api/departments'
export type CreateDepartmentBody = Partial<
  Pick<
    CreateDepartmentInput,
    'shortName' | 'recognisedNames' | 'divisionCode' | 'isFallbackOwner' | 'sortOrder'
  >
> &
  Pick<CreateDepartmentInput, 'code' | 'name' | 'kind' | 'parentId'>
export type UpdateDepartmentBody = UpdateDepartmentInput

export const departmentsApi = {
  ...sharedDepartmentsApi,
  create: (body: CreateDepartmentBody) => api.post<Department>('/departments', body),
  update: (id: string, body: UpdateDepartmentBody) =>
    api.patch<Department>(`/departments/${encodeURIComponent(id)}`, body),
}
