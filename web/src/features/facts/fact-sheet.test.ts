import { describe, expect, it } from 'vitest'
import type { FactDefinition, FactHistoryItem } from './facts.api'
import { baselineDrafts, ownDeclaredValue, requestedKeys } from './fact-sheet'

const base = {
  labelZh: '名',
  labelEn: 'name',
  unitZh: null,
  unitEn: null,
  values: null,
  maxAgeYears: null,
  formula: null,
  isProfileField: false,
  isBuiltin: true,
  sources: ['declared', 'tax'],
  descriptionZh: null,
  descriptionEn: null,
  isActive: true,
  version: 1,
} as const
const defs: FactDefinition[] = [
  { ...base, key: 'taxableIncome', type: 'money', isPeriodic: true, sources: ['declared', 'tax'] },
  { ...base, key: 'hasCoreIp', type: 'boolean', isPeriodic: false, sources: ['declared'] },
  {
    ...base,
    key: 'employees',
    type: 'integer',
    isPeriodic: false,
    isProfileField: true,
    sources: ['declared'],
  },
]
const h = (over: Partial<FactHistoryItem>): FactHistoryItem => ({
  key: 'taxableIncome',
  period: '2025',
  value: 1,
  source: 'declared',
  isVerified: false,
  recordedAt: '2026-01-01T00:00:00Z',
  isCurrent: true,
  importId: null,
  ...over,
})

describe('own declared values', () => {
  const history = [
    h({ value: 3_000_000 }),
    h({ value: 1_000_000, isCurrent: false }),
    h({ value: 9_000_000, source: 'tax', isVerified: true }),
    h({ period: '2024', value: 2_000_000 }),
    h({ key: 'hasCoreIp', period: null, value: true }),
  ]

  it('takes the live declared value of that year, never a department’s', () => {
    expect(ownDeclaredValue(history, 'taxableIncome', '2025')).toBe(3_000_000)
    expect(ownDeclaredValue(history, 'taxableIncome', '2024')).toBe(2_000_000)
    expect(ownDeclaredValue(history, 'taxableIncome', '2023')).toBeNull()
    expect(ownDeclaredValue(history, 'hasCoreIp', null)).toBe(true)
  })

  it('starts the form from them, declarable facts only', () => {
    expect(baselineDrafts(defs, history, '2025')).toEqual({
      taxableIncome: { kind: 'number', unit: 'wan', text: '300' },
      hasCoreIp: { kind: 'boolean', value: true },
    })
  })
})

describe('requested keys', () => {
  it('keeps known keys in the order given, once', () => {
    expect(requestedKeys('hasCoreIp,nope,taxableIncome,hasCoreIp', defs)).toEqual([
      'hasCoreIp',
      'taxableIncome',
    ])
    expect(requestedKeys(null, defs)).toEqual([])
  })
})
