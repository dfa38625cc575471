import type { Department, DepartmentKind } from '../app/shared-api/departments'

/**
 * GET /departments answers a flat list with parent ids; the console draws a tree. Siblings are
 * ordered by sortOrder, then code. A department whose parent is missing from the list (or that a
 * bad cycle would hide) becomes a root rather than disappearing.
 */
export type DepartmentNode = Department & { depth: number; children: DepartmentNode[] }

export function buildDepartmentTree(departments: readonly Department[]): DepartmentNode[] {
  const byId = new Map<string, DepartmentNode>()
  for (const d of departments) byId.set(d.id, { ...d, depth: 0, children: [] })

  const roots: DepartmentNode[] = []
  for (const node of byId.values()) {
    const parent = node.parentId ? byId.get(node.parentId) : undefined
    if (parent && parent !== node) parent.children.push(node)
    else roots.push(node)
  }

  const placed = new Set<string>()
  const visit = (nodes: DepartmentNode[], depth: number) => {
    nodes.sort(compareSiblings)
    for (const node of nodes) {
      placed.add(node.id)
      node.depth = depth
      visit(node.children, depth + 1)
    }
  }
  visit(roots, 0)

  // Nodes in a parent cycle are never reached from a root: show them at the top level.
  const stranded = [...byId.values()].filter((node) => !placed.has(node.id))
  for (const node of stranded) {
    if (placed.has(node.id)) continue
    const parent = node.parentId ? byId.get(node.parentId) : undefined
    if (parent) parent.children = parent.children.filter((child) => child.id !== node.id)
    roots.push(node)
    visit([node], 0)
  }
  return roots.sort(compareSiblings)
}

function compareSiblings(a: Department, b: Department): number {
  return a.sortOrder - b.sortOrder || a.code.localeCompare(b.code)
}

/** Depth-first, parents before children: the order of an indented list. */
export function flattenTree(nodes: readonly DepartmentNode[]): DepartmentNode[] {
  const out: DepartmentNode[] = []
  const walk = (list: readonly DepartmentNode[]) => {
    for (const node of list) {
      out.push(node)
      walk(node.children)
    }
  }
  walk(nodes)
  return out
}

/** The node itself and everything below it (a department cannot move under these). */
export function subtreeIds(nodes: readonly DepartmentNode[], id: string): Set<string> {
  const found = flattenTree(nodes).find((node) => node.id === id)
  return new Set(found ? flattenTree([found]).map((node) => node.id) : [])
}

/** Keeps nodes that pass, with their subtrees pruned the same way (e.g. hide inactive units). */
export function filterTree(
  nodes: readonly DepartmentNode[],
  keep: (node: DepartmentNode) => boolean,
): DepartmentNode[] {
  return nodes.filter(keep).map((node) => ({ ...node, children: filterTree(node.children, keep) }))
}

/**
 * The server's rule: departments and district governments sit under the city; divisions under a
 * department, a district or another division. Inactive units and the unit's own subtree are out.
 */
export function canBeParent(kind: DepartmentKind, parent: Department): boolean {
  if (!parent.isActive) return false
  return kind === 'division' ? parent.kind !== 'city' : parent.kind === 'city'
}

export function parentChoices(
  nodes: readonly DepartmentNode[],
  kind: DepartmentKind,
  movingId?: string,
): DepartmentNode[] {
  const excluded = movingId ? subtreeIds(nodes, movingId) : new Set<string>()
  return flattenTree(nodes).filter((node) => !excluded.has(node.id) && canBeParent(kind, node))
}
