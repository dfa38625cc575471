import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from './harness'
import { claimedTwice, collectPermissionRows } from './permission-matrix/collect'
import { buildMatrixContext } from './permission-matrix/context'
import type { MatrixContext, PermissionRow } from './permission-matrix/rows'
import { checkRow, matrixClients } from './permission-matrix/runner'

/**
 * Every role against every endpoint. The rows are written by each module next to its code
 * (`modules/<m>/<m>.permissions.ts`, from the product rules); this test runs them all, and fails when
 * an endpoint exists that no module's rows cover (add a row to the module that serves it, with who
 * may call it) and when a row names an endpoint that no longer exists. The shared context, clients
 * and the check itself are in ./permission-matrix/.
 */
const modules = await collectPermissionRows()
const rows: [string, PermissionRow][] = modules.flatMap(({ rows }) => Object.entries(rows))

let t: TestApp
let ctx: MatrixContext
let clientFor: ReturnType<typeof matrixClients>

beforeAll(async () => {
  t = await createTestApp()
  ctx = await buildMatrixContext(t)
  clientFor = matrixClients(t, () => ctx)
})
afterAll(() => t.close())

describe('the permission matrix', () => {
  it('covers every endpoint of the API, and only those, each in one module', async () => {
    const doc = await t.anonymous().get('/api/openapi.json')
    const endpoints = Object.entries(doc.body.paths as Record<string, Record<string, unknown>>).flatMap(
      ([p, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${p}`),
    )
    const covered = new Set(rows.map(([endpoint]) => endpoint))
    expect
      .soft(
        endpoints.filter((e) => !covered.has(e)),
        'endpoints no module has a permission row for',
      )
      .toEqual([])
    expect
      .soft(
        [...covered].filter((e) => !endpoints.includes(e)),
        'permission rows with no endpoint',
      )
      .toEqual([])
    expect.soft(claimedTwice(modules), 'endpoints with a row in two modules').toEqual([])
  })

  it.each(rows)('%s', async (endpoint, row) => {
    expect(await checkRow(endpoint, row, ctx, clientFor)).toEqual([])
  })
})
