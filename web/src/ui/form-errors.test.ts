import { describe, expect, it } from 'vitest'
import { ApiError } from '../app/api'
import { foldListErrors, showApiErrorOnForm, splitFieldErrors, toNamePath } from './form-errors'

describe('toNamePath', () => {
  it('turns list indexes into numbers', () => {
    expect(toNamePath('roles.0.role')).toEqual(['roles', 0, 'role'])
    expect(toNamePath('uscc')).toEqual(['uscc'])
  })
})

describe('splitFieldErrors', () => {
  it('keeps fields the form renders and returns the rest', () => {
    const result = splitFieldErrors({ name: '必填', 'holidays.1.to': '日期格式', body: '不认识的字段' }, [
      'name',
      'holidays',
    ])
    expect(result.fieldErrors).toEqual([
      { name: ['name'], errors: ['必填'] },
      { name: ['holidays', 1, 'to'], errors: ['日期格式'] },
    ])
    expect(result.otherMessages).toEqual(['不认识的字段'])
  })
})

describe('showApiErrorOnForm', () => {
  const formWith = () => {
    const set: unknown[] = []
    return { set, form: { setFields: (fields: unknown[]) => set.push(...fields) } }
  }

  it('puts field messages under the fields and returns the summary', () => {
    const { set, form } = formWith()
    const error = new ApiError(400, 'VALIDATION_FAILED', '提交的内容有误', { uscc: '第 18 位校验码不符' })
    expect(showApiErrorOnForm(form, error, ['uscc'], 'x')).toBe('提交的内容有误')
    expect(set).toEqual([{ name: ['uscc'], errors: ['第 18 位校验码不符'] }])
  })

  it('points a one-field code at that field', () => {
    const { set, form } = formWith()
    const error = new ApiError(409, 'USERNAME_TAKEN', '用户名已被使用')
    expect(showApiErrorOnForm(form, error, ['username'], 'x', { USERNAME_TAKEN: 'username' })).toBeUndefined()
    expect(set).toEqual([{ name: ['username'], errors: ['用户名已被使用'] }])
  })

  it('falls back for errors that are not from the API', () => {
    const { form } = formWith()
    expect(showApiErrorOnForm(form, new TypeError('boom'), [], '出错了')).toBe('出错了')
  })
})

describe('foldListErrors', () => {
  it('gathers the messages of a tags field’s entries under the field, naming each entry', () => {
    const error = new ApiError(400, 'VALIDATION_FAILED', '提交的内容有误', {
      'recognisedNames.1': '已是「大连市城市管理局」的名称',
      'recognisedNames.3': '与前面的称呼重复',
      name: '必填',
    })
    const folded = foldListErrors(error, 'recognisedNames', [
      '工信局',
      '城管',
      '工信委',
      '工信委',
    ]) as ApiError
    expect(folded.fields).toEqual({
      name: '必填',
      recognisedNames: '「城管」已是「大连市城市管理局」的名称；「工信委」与前面的称呼重复',
    })
    expect(folded.code).toBe('VALIDATION_FAILED')
  })

  it('leaves other errors as they are', () => {
    const plain = new ApiError(409, 'VERSION_CONFLICT', '已被修改')
    expect(foldListErrors(plain, 'recognisedNames', [])).toBe(plain)
    const network = new Error('offline')
    expect(foldListErrors(network, 'recognisedNames', [])).toBe(network)
  })
})
