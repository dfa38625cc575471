import crypto from 'node:crypto'

/** The fields a row's hash covers, in the form they are stored. */
export type ChainedRow = {
  seq: number
  at: string
  actorUserId: string | null
  actorRole: string | null
  actorLabel: string | null
  action: string
  entityType: string
  entityId: string | null
  before: unknown
  after: unknown
  requestId: string | null
  ip: string | null
  prevHash: string
}

export const GENESIS_HASH = '0'.repeat(64)

/** JSON with keys sorted at every level, so the same value always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null)
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
}

/** What jsonb gives back for a value: Dates become strings, undefined disappears. */
export function asStoredJson(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value))
}

export function hashRow(row: ChainedRow): string {
  return crypto.createHash('sha256').update(canonicalJson(row)).digest('hex')
}
