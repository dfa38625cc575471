import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import * as algorithm from '@server/modules/random-draws/draw-algorithm'
import * as schema from '@server/modules/random-draws/random-draws.schema'
import {
  BEACON_PATTERN,
  DEFAULT_RATIOS,
  DRAW_STEPS,
  DRAW_TIERS,
  PUBLISH_WITHIN_BOUNDS,
  RATIO_BOUNDS,
  SECRET_PATTERN,
  commitmentOf,
  publicationSettingsAccess,
  generateSecret,
  toBasisPoints,
  toPercent,
} from './draw-rules'

describe('the commitment the browser computes', () => {
  it('is SHA-256 hex of the UTF-8 secret, as the server computes it', async () => {
    const secret = 'secret-of-the-bureau-0001'
    const expected = createHash('sha256').update(secret, 'utf8').digest('hex')
    expect(await commitmentOf(secret)).toBe(expected)
    expect(await commitmentOf(secret)).toBe(algorithm.commitTo(secret))
    expect(expected).toMatch(/^[0-9a-f]{64}$/)
  })

  it('agrees with the server on secrets of every length the pattern allows', async () => {
    for (const secret of ['a'.repeat(16), generateSecret(), `${'Z9_-'.repeat(32)}`])
      expect(await commitmentOf(secret)).toBe(algorithm.commitTo(secret))
  })

  it('is the same where crypto.subtle is missing (a console served over plain http)', async () => {
    const insecure = { getRandomValues: globalThis.crypto.getRandomValues.bind(globalThis.crypto) } as Crypto
    for (const secret of ['secret-of-the-bureau-0001', generateSecret()])
      expect(await commitmentOf(secret, insecure)).toBe(algorithm.commitTo(secret))
  })
})

describe('a generated secret', () => {
  it('is 256 random bits in the alphabet the server accepts, different each time', () => {
    const secrets = new Set(Array.from({ length: 50 }, () => generateSecret()))
    expect(secrets.size).toBe(50)
    for (const secret of secrets) {
      expect(secret).toHaveLength(43)
      expect(secret).toMatch(algorithm.SECRET_PATTERN)
    }
  })
})

describe('the rules the form repeats', () => {
  it('are the server’s', () => {
    expect(SECRET_PATTERN.source).toBe(algorithm.SECRET_PATTERN.source)
    expect(BEACON_PATTERN.source).toBe(algorithm.BEACON_PATTERN.source)
    expect(RATIO_BOUNDS).toEqual(schema.RATIO_BOUNDS)
    expect(DEFAULT_RATIOS).toEqual(schema.DEFAULT_RATIOS)
    expect(DRAW_TIERS).toEqual(schema.DRAW_TIER_KEYS)
    expect(DRAW_STEPS).toEqual(schema.RANDOM_DRAW_STATES)
  })

  it('turn percent into basis points and back without drift', () => {
    expect(toBasisPoints(2.5)).toBe(250)
    expect(toBasisPoints(0.07)).toBe(7)
    expect(toBasisPoints(21)).toBe(2100)
    expect(toPercent(6100)).toBe(61)
  })
})

describe('the publication deadline', () => {
  it('has the bounds the server accepts', () => {
    for (const body of [schema.UpdateRandomDrawSettingsBody, schema.RandomDrawSettingsSchema]) {
      const field = body.shape.publishWithinWorkingDays
      expect([field.minValue, field.maxValue]).toEqual([PUBLISH_WITHIN_BOUNDS.min, PUBLISH_WITHIN_BOUNDS.max])
    }
  })

  // the roles of GET and PUT /random-draws/settings in the server's random-draws.permissions.ts
  it.each([
    [['admin'], 'change'],
    [['dispatcher', 'admin'], 'change'],
    [['dispatcher'], 'read'],
    [['bureau_leader'], 'read'],
    [['department_head'], 'none'],
    [['discipline_inspector'], 'none'],
    [['inspector', 'handler'], 'none'],
    [[], 'none'],
  ] as const)('is changed, read or not shown as the server allows: %j → %s', (roles, access) => {
    expect(publicationSettingsAccess(roles)).toBe(access)
  })
})
