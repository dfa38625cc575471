import { describe, expect, it } from 'vitest'
import { DALIAN_MATTER_FORMS } from '../../seed/cities/dalian-matter-forms'
import {
  checkFormSchema,
  prefillValues,
  readFormDefinition,
  validateForm,
  type FormDefinition,
} from './application-forms'

/** The form's validation with the same schema the phone renders: tables of cases (decision 0044). */
const FOOD = DALIAN_MATTER_FORMS['DL-SCJGJ-0002']!
const CHANGE = DALIAN_MATTER_FORMS['DL-SCJGJ-0001-02']!

const applicant = {
  applicantName: '大连海味餐饮有限公司',
  applicantUscc: '91210202MA0XXXXX1A',
  legalRepresentative: '王海',
  residence: '大连市中山区人民路 1 号',
  contactName: '李明',
  contactPhone: '13900000000',
}
const food = {
  ...applicant,
  premises: '大连市中山区人民路 1 号一层',
  premisesArea: 120,
  businessForm: '餐饮服务经营者',
  businessItems: ['冷食类食品制售'],
  foodSafetyManager: '张三',
  sellsOnline: false,
  staff: [{ name: '赵四', post: '厨师', healthCertificateNo: 'JK2026001' }],
}

const strict = (form: FormDefinition, data: Record<string, unknown>, locale: 'zh-CN' | 'en' = 'en') =>
  validateForm(form, data, { strict: true, locale })

describe('validateForm', () => {
  it.each([
    ['a complete form', food, {}],
    [
      'a conditional field asked when its condition holds',
      { ...food, sellsOnline: true },
      { onlinePlatform: 'Required' },
    ],
    ['… and answered', { ...food, sellsOnline: true, onlinePlatform: '美团' }, {}],
    [
      'a condition on one of several choices',
      { ...food, businessItems: ['热食类食品制售', '冷食类食品制售'] },
      { kitchenArea: 'Required' },
    ],
    [
      'a repeatable group needs one row',
      { ...food, staff: [] },
      { staff: 'must NOT have fewer than 1 items' },
    ],
    [
      'every bad field of every row, by its path',
      {
        ...food,
        staff: [
          { name: '', post: '厨师' },
          { name: '钱五', post: '服务员', healthCertificateNo: 7 },
        ],
      },
      {
        'staff.0.name': 'must NOT have fewer than 1 characters',
        'staff.0.healthCertificateNo': 'Required',
        'staff.1.healthCertificateNo': 'must be string',
      },
    ],
    [
      'bad values everywhere, all listed at once',
      { ...food, premisesArea: -3, businessForm: '摆摊', contactPhone: '12345', applicantName: undefined },
      {
        applicantName: 'Required',
        premisesArea: 'must be >= 1',
        businessForm: 'must be equal to one of the allowed values',
        contactPhone: 'Not in the expected form',
      },
    ],
  ])('%s', (_name, data, issues) => {
    expect(strict(FOOD, data as Record<string, unknown>)).toEqual(issues)
  })

  it('asks each changed item of a change registration, and a real date', () => {
    expect(
      strict(CHANGE, {
        ...applicant,
        changes: ['名称', '住所'],
        decisionDate: '2026-02-30',
        newName: '大连新名有限公司',
      }),
    ).toEqual({ decisionDate: 'must match format "date"', newResidence: 'Required' })
  })

  it('lets a draft be partly filled but still marks a wrong value', () => {
    expect(validateForm(FOOD, { premisesArea: 'big' }, { strict: false, locale: 'en' })).toEqual({
      premisesArea: 'must be number',
    })
    expect(validateForm(FOOD, {}, { strict: false, locale: 'en' })).toEqual({})
  })

  it('speaks Chinese by default', () => {
    expect(strict(FOOD, { ...food, premisesArea: 0, premises: undefined }, 'zh-CN')).toEqual({
      premises: '必填',
      premisesArea: '应当为 >= 1',
    })
  })

  it('asks nothing of a matter without a form', () => {
    expect(validateForm(readFormDefinition({}), { anything: 1 }, { strict: true, locale: 'en' })).toEqual({})
  })
})

describe('the seeded forms', () => {
  it.each(Object.entries(DALIAN_MATTER_FORMS))('%s compiles and uses known sections', (_code, form) => {
    expect(checkFormSchema(form.schema)).toBeNull()
    const fields = new Set(Object.keys(form.schema.properties!))
    for (const section of form.ui.sections ?? []) for (const f of section.fields) expect(fields).toContain(f)
  })

  it('refuses a schema ajv cannot read', () => {
    expect(checkFormSchema({ type: 'object', properties: { a: { type: 'wat' } } })).not.toBeNull()
  })
})

describe('prefillValues', () => {
  it('fills what the profile knows and leaves the rest', () => {
    expect(
      prefillValues(FOOD, {
        'enterprise.name': '大连海味餐饮有限公司',
        'enterprise.uscc': '91210202MA0XXXXX1A',
        'enterprise.address': null,
      }),
    ).toEqual({
      values: { applicantName: '大连海味餐饮有限公司', applicantUscc: '91210202MA0XXXXX1A' },
      from: { applicantName: 'enterprise.name', applicantUscc: 'enterprise.uscc' },
    })
  })
})
