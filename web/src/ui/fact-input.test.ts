import { describe, expect, it } from 'vitest'
import type { FactDefinition } from '../app/shared-api/facts'
import {
  calculatorErrorsByKey,
  declarationErrorsByKey,
  defaultFiscalYear,
  displayFactValue,
  draftOf,
  fiscalYears,
  isCalculatorInput,
  isDeclarable,
  moneyUnitFor,
  parseDraft,
  parseNumberText,
  percentToRatio,
  ratioToPercentText,
  sameValue,
  toYuan,
} from './fact-input'

const def = (over: Partial<FactDefinition>): FactDefinition => ({
  key: 'x',
  labelZh: '某项',
  labelEn: 'Something',
  type: 'number',
  unitZh: null,
  unitEn: null,
  values: null,
  isPeriodic: false,
  maxAgeYears: null,
  formula: null,
  isProfileField: false,
  isBuiltin: true,
  sources: ['declared'],
  descriptionZh: null,
  descriptionEn: null,
  isActive: true,
  version: 1,
  ...over,
})

const money = def({ key: 'taxableIncome', type: 'money', unitZh: '元', unitEn: 'yuan' })
const ratio = def({ key: 'layoffRate', type: 'ratio' })
const integer = def({ key: 'insuredEmployees', type: 'integer', unitZh: '人', unitEn: 'people' })
const size = def({
  key: 'sizeClass',
  type: 'enum',
  values: [
    { code: 'small', zh: '小型', en: 'small' },
    { code: 'micro', zh: '微型', en: 'micro' },
  ],
})

describe('numbers as typed', () => {
  it.each([
    ['3,000,000', 3_000_000],
    [' 12.5 ', 12.5],
    ['３００', 300],
    ['1，200', 1200],
    ['-4', -4],
    ['', null],
    ['  ', null],
    ['3.', undefined],
    ['abc', undefined],
    ['1e5', undefined],
  ])('%j → %j', (text, expected) => {
    expect(parseNumberText(text)).toBe(expected)
  })
})

describe('units', () => {
  it('turns 万元 into 元 without float noise', () => {
    expect(toYuan(300, 'wan')).toBe(3_000_000)
    expect(toYuan(0.07, 'wan')).toBe(700)
    expect(toYuan(1.15, 'wan')).toBe(11_500)
    expect(toYuan(42, 'yuan')).toBe(42)
  })

  it('turns % into a share and back', () => {
    expect(percentToRatio(5)).toBe(0.05)
    expect(percentToRatio(29)).toBe(0.29)
    expect(percentToRatio(5.5)).toBe(0.055)
    expect(ratioToPercentText(0.29)).toBe('29')
    expect(ratioToPercentText(0.055)).toBe('5.5')
  })

  it('reads large amounts in 万元 and starts empty inputs there', () => {
    expect(moneyUnitFor(3_000_000)).toBe('wan')
    expect(moneyUnitFor(9_999)).toBe('yuan')
    expect(moneyUnitFor(null)).toBe('wan')
  })
})

describe('drafts', () => {
  it('starts from the stored value in the unit it reads best', () => {
    expect(draftOf(money, 3_000_000)).toEqual({ kind: 'number', unit: 'wan', text: '300' })
    expect(draftOf(money, 800)).toEqual({ kind: 'number', unit: 'yuan', text: '800' })
    expect(draftOf(ratio, 0.05)).toEqual({ kind: 'number', text: '5' })
    expect(draftOf(integer, undefined)).toEqual({ kind: 'number', text: '' })
    expect(draftOf(def({ type: 'boolean' }), false)).toEqual({ kind: 'boolean', value: false })
    expect(draftOf(def({ type: 'tags' }), ['b', 'a'])).toEqual({ kind: 'tags', value: ['b', 'a'] })
    expect(draftOf(size, 'small')).toEqual({ kind: 'text', value: 'small' })
  })

  it('parses what was typed into the value the server takes', () => {
    expect(parseDraft(money, { kind: 'number', unit: 'wan', text: '300' })).toEqual({
      ok: true,
      value: 3_000_000,
    })
    expect(parseDraft(money, { kind: 'number', unit: 'yuan', text: '1,500' })).toEqual({
      ok: true,
      value: 1500,
    })
    expect(parseDraft(ratio, { kind: 'number', text: '5' })).toEqual({ ok: true, value: 0.05 })
    expect(parseDraft(ratio, { kind: 'number', text: '120' })).toEqual({ ok: false, problem: 'ratio' })
    expect(parseDraft(integer, { kind: 'number', text: '2.5' })).toEqual({ ok: false, problem: 'integer' })
    expect(parseDraft(integer, { kind: 'number', text: 'x' })).toEqual({ ok: false, problem: 'number' })
    expect(parseDraft(integer, { kind: 'number', text: '' })).toEqual({ ok: true, value: null })
    expect(parseDraft(def({ type: 'boolean' }), { kind: 'boolean', value: undefined })).toEqual({
      ok: true,
      value: null,
    })
    expect(parseDraft(def({ type: 'tags' }), { kind: 'tags', value: ['b', 'a'] })).toEqual({
      ok: true,
      value: ['a', 'b'],
    })
    expect(parseDraft(def({ type: 'tags' }), { kind: 'tags', value: [] })).toEqual({ ok: true, value: null })
    expect(parseDraft(def({ type: 'date' }), { kind: 'text', value: ' 2020-03-01 ' })).toEqual({
      ok: true,
      value: '2020-03-01',
    })
  })

  it('compares values for saving, tags in any order', () => {
    expect(sameValue(['a', 'b'], ['b', 'a'])).toBe(true)
    expect(sameValue(null, undefined)).toBe(true)
    expect(sameValue(1, 2)).toBe(false)
  })
})

describe('display', () => {
  it('shows values as people read them', () => {
    expect(displayFactValue(money, 3_000_000, 'zh-CN')).toBe('300万元')
    expect(displayFactValue(money, 3_000_000, 'en')).toBe('3,000,000 yuan')
    expect(displayFactValue(ratio, 0.05, 'zh-CN')).toBe('5%')
    expect(displayFactValue(size, 'small', 'en')).toBe('small')
    expect(displayFactValue(size, 'small', 'zh-CN')).toBe('小型')
    expect(displayFactValue(def({ type: 'boolean' }), true, 'zh-CN')).toBe('是')
    expect(displayFactValue(def({ type: 'date' }), '2020-03-01', 'zh-CN')).toBe('2020年3月1日')
    expect(displayFactValue(money, null, 'zh-CN')).toBe('—')
  })
})

describe('which facts', () => {
  it('lets enterprises declare only their own facts', () => {
    expect(isDeclarable(money)).toBe(true)
    expect(isDeclarable(def({ isProfileField: true }))).toBe(false)
    expect(isDeclarable(def({ formula: '研发费用 / 年营业收入', sources: [] }))).toBe(false)
    expect(isDeclarable(def({ sources: ['market_regulation'] }))).toBe(false)
    expect(isCalculatorInput(def({ isProfileField: true }))).toBe(true)
    expect(isCalculatorInput(def({ formula: 'a / b' }))).toBe(false)
  })
})

describe('server errors by fact', () => {
  it('maps declaration indexes back to the facts sent', () => {
    expect(
      declarationErrorsByKey(
        { 'facts.1.value': '应为数值', 'facts.0.period': '请填写所属年度', note: '别的' },
        ['taxableIncome', 'layoffRate'],
      ),
    ).toEqual({ byKey: { taxableIncome: '请填写所属年度', layoffRate: '应为数值' }, other: ['别的'] })
  })

  it('maps calculator fields by key', () => {
    expect(calculatorErrorsByKey({ 'facts.layoffRate': '应为比例', other: 'x' })).toEqual({
      layoffRate: '应为比例',
    })
  })
})

describe('fiscal years', () => {
  it('offers this year and ten before, last year by default', () => {
    expect(fiscalYears('2026-12-01')).toHaveLength(11)
    expect(fiscalYears('2026-12-01')[0]).toBe('2026')
    expect(fiscalYears('2026-12-01')[10]).toBe('2016')
    expect(defaultFiscalYear('2026-03-01')).toBe('2025')
  })
})
