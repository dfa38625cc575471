import { buildDepartmentTree, filterTree, flattenTree } from './department-tree'
import type { Department } from '../app/shared-api/departments'

export type DepartmentOption = { value: string; label: string; depth: number; search: string }

/** Options for "which department": active units in tree order, with their depth for indenting. */
export function departmentSelectOptions(departments: readonly Department[]): DepartmentOption[] {
  const tree = filterTree(buildDepartmentTree(departments), (node) => node.isActive)
  return flattenTree(tree).map((node) => ({
    value: node.id,
    label: node.name,
    depth: node.depth,
    search: `${node.name} ${node.shortName ?? ''} ${node.code}`,
  }))
}
