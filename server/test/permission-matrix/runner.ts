import crypto from 'node:crypto'
import { ROLES } from '../../src/kernel/auth/actor'
import { buildEnterpriseUser, signInAs, signInEnterprise } from '../factories'
import type { TestApp, TestClient } from '../harness'
import type { Caller, MatrixContext, PermissionRow } from './rows'

export const CALLERS: Caller[] = ['anonymous', ...ROLES]

export function allowed(row: PermissionRow, caller: Caller): boolean {
  if (row.allow === 'everyone') return true
  if (caller === 'anonymous') return false
  if (row.allow === 'signed-in') return true
  if (row.allow === 'staff') return caller !== 'enterprise'
  return row.allow.includes(caller)
}

/** Signed-in clients per caller, made once (or fresh for rows that end the caller's session). */
export function matrixClients(t: TestApp, ctx: () => MatrixContext) {
  const clients = new Map<Caller, TestClient>()
  return async function clientFor(caller: Caller, fresh: boolean): Promise<TestClient> {
    if (caller === 'anonymous')
      return t.anonymous(`10.9.${crypto.randomInt(0, 255)}.${crypto.randomInt(1, 255)}`)
    if (!fresh && clients.has(caller)) return clients.get(caller)!
    let client: TestClient
    if (caller === 'enterprise') {
      const user = await buildEnterpriseUser(t, { enterpriseIds: [ctx().enterpriseId] })
      client = await signInEnterprise(t, user.phone)
    } else {
      client = await signInAs(t, caller, { departmentId: ctx().departmentId })
    }
    if (!fresh) clients.set(caller, client)
    return client
  }
}

/** Calls the endpoint as every caller; answers what went wrong (nothing: the row holds). */
export async function checkRow(
  endpoint: string,
  row: PermissionRow,
  ctx: MatrixContext,
  clientFor: (caller: Caller, fresh: boolean) => Promise<TestClient>,
): Promise<string[]> {
  const [method, template] = endpoint.split(' ') as [string, string]
  const failures: string[] = []
  for (const caller of CALLERS) {
    const client = await clientFor(caller, !!row.fresh)
    let path = template
    for (const [k, v] of Object.entries(row.params?.(ctx) ?? {})) path = path.replace(`{${k}}`, v)
    if (row.query) path += `?${row.query}`
    const res = await client.request(method, path, row.body?.(ctx))
    const code = res.body?.error?.code as string | undefined
    const refused = code === 'UNAUTHENTICATED' || code === 'FORBIDDEN'
    if (allowed(row, caller) && refused)
      failures.push(`${caller} should be let through, got ${res.status} ${code}`)
    if (!allowed(row, caller)) {
      const expected = caller === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN'
      if (code !== expected)
        failures.push(`${caller} should get ${expected}, got ${res.status} ${code ?? ''}`)
    }
    if (res.status >= 500) failures.push(`${caller}: server error ${JSON.stringify(res.body)}`)
  }
  return failures
}
