import { describe, expect, it } from 'vitest'
import type { Enterprise } from './enterprises.api'
import { changedProfileFields, profileBody, profileFormValues } from './profile-form'

const saved: Enterprise = {
  id: 'e1',
  uscc: '91210203Y239L8F194',
  name: '大连科达机械设备有限公司',
  legalRepresentative: '郭娟波',
  divisionCode: '210203',
  divisionName: '西岗区',
  industryCode: 'C34',
  industryName: '通用设备制造业',
  sizeClass: 'micro',
  foundedOn: '2011-06-06',
  employees: 15,
  annualRevenue: 1352000,
  tags: ['private', 'high_tech'],
  creditTier: { tier: 'A', source: 'market_regulation', importId: 'i1', recordedAt: '2026-01-01T00:00:00Z' },
  registration: {
    divisionCode: '210203',
    divisionName: '辽宁省大连市西岗区',
    isOutOfCity: false,
    outOfCityReason: null,
    outOfCityNote: null,
  },
  address: null,
  contactPhone: null,
  version: 3,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  myRole: 'manager',
}

describe('profile form conversions', () => {
  it('round-trips a saved profile without changes', () => {
    expect(changedProfileFields(saved, profileBody(profileFormValues(saved)))).toEqual({})
  })

  it('sends only what changed, with numbers and nulls as the API wants them', () => {
    const values = {
      ...profileFormValues(saved),
      employees: '20',
      annualRevenue: '',
      tags: ['high_tech', 'private'],
    }
    expect(changedProfileFields(saved, profileBody(values))).toEqual({ employees: 20, annualRevenue: null })
  })

  it('trims text and turns blank optional text into null', () => {
    const body = profileBody({
      ...profileFormValues(saved),
      name: '  新名称 ',
      address: '   ',
      contactPhone: '13900000002',
    })
    expect(body.name).toBe('新名称')
    expect(body.address).toBeNull()
    expect(body.contactPhone).toBe('13900000002')
  })
})
