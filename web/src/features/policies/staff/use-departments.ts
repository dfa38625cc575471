import { useMemo } from 'react'
import { useSession } from '../../../app/session'
import { useLoad } from '../../../ui/use-load'
import { departmentSelectOptions, type DepartmentOption } from '../../../ui/department-options'
import { departmentsApi } from '../../../app/shared-api/departments'

/**
 * Departments for the policy forms: every active unit (an item may be paid out by any department),
 * and the ones the user may write policies for (their handler and head grants; the bureau's
 * leadership writes for all).
 */
export function usePolicyDepartments() {
  const { me } = useSession()
  const departments = useLoad(() => departmentsApi.list(), [])
  return useMemo(() => {
    const all: DepartmentOption[] = departmentSelectOptions(departments.data?.items ?? [])
    const grants = me?.kind === 'staff' ? me.roles : []
    const isBureau = grants.some((g) => g.role === 'bureau_leader')
    const mine = new Set(
      grants.filter((g) => g.role === 'handler' || g.role === 'department_head').map((g) => g.departmentId),
    )
    return {
      all,
      writable: isBureau ? all : all.filter((d) => mine.has(d.value)),
      error: departments.error,
      isLoading: departments.isLoading,
    }
  }, [departments.data, departments.error, departments.isLoading, me])
}
