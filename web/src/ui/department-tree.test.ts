import { describe, expect, it } from 'vitest'
import type { Department } from '../app/shared-api/departments'
import { buildDepartmentTree, filterTree, flattenTree, parentChoices, subtreeIds } from './department-tree'

let nextOrder = 0
function dept(id: string, parentId: string | null, overrides: Partial<Department> = {}): Department {
  return {
    id,
    code: id.toUpperCase(),
    name: id,
    shortName: null,
    recognisedNames: [],
    kind: parentId === null ? 'city' : 'department',
    parentId,
    divisionCode: null,
    isBureau: false,
    isFallbackOwner: false,
    isActive: true,
    sortOrder: nextOrder++,
    version: 1,
    userCount: 0,
    ...overrides,
  }
}

describe('buildDepartmentTree', () => {
  const flat = [
    dept('bureau-zb', 'bureau', { kind: 'division', sortOrder: 2 }),
    dept('city', null),
    dept('bureau', 'city', { sortOrder: 1 }),
    dept('bureau-zh', 'bureau', { kind: 'division', sortOrder: 1 }),
    dept('district', 'city', { kind: 'district', sortOrder: 0 }),
  ]

  it('nests children under parents and orders siblings by sortOrder', () => {
    const tree = buildDepartmentTree(flat)
    expect(tree.map((n) => n.id)).toEqual(['city'])
    expect(tree[0]!.children.map((n) => n.id)).toEqual(['district', 'bureau'])
    expect(tree[0]!.children[1]!.children.map((n) => n.id)).toEqual(['bureau-zh', 'bureau-zb'])
  })

  it('records the depth of each node', () => {
    const depths = Object.fromEntries(flattenTree(buildDepartmentTree(flat)).map((n) => [n.id, n.depth]))
    expect(depths).toEqual({ city: 0, district: 1, bureau: 1, 'bureau-zh': 2, 'bureau-zb': 2 })
  })

  it('keeps orphans and cycles visible as roots', () => {
    const tree = buildDepartmentTree([dept('lost', 'missing-parent'), dept('a', 'b'), dept('b', 'a')])
    expect(
      flattenTree(tree)
        .map((n) => n.id)
        .sort(),
    ).toEqual(['a', 'b', 'lost'])
  })

  it('returns an empty tree for an empty list', () => {
    expect(buildDepartmentTree([])).toEqual([])
  })
})

describe('tree helpers', () => {
  const tree = buildDepartmentTree([
    dept('city', null),
    dept('bureau', 'city'),
    dept('bureau-zb', 'bureau', { kind: 'division' }),
    dept('old', 'city', { isActive: false }),
  ])

  it('lists a subtree', () => {
    expect([...subtreeIds(tree, 'bureau')].sort()).toEqual(['bureau', 'bureau-zb'])
  })

  it('filters inactive units', () => {
    expect(flattenTree(filterTree(tree, (n) => n.isActive)).map((n) => n.id)).toEqual([
      'city',
      'bureau',
      'bureau-zb',
    ])
  })

  it('offers parents by the kind rule and never the unit’s own subtree', () => {
    expect(parentChoices(tree, 'department').map((n) => n.id)).toEqual(['city'])
    expect(parentChoices(tree, 'division').map((n) => n.id)).toEqual(['bureau', 'bureau-zb'])
    expect(parentChoices(tree, 'division', 'bureau').map((n) => n.id)).toEqual([])
  })
})
