import { describe, expect, it } from 'vitest'
import { findPersonalData, hasPersonalNumbers, redact } from './redaction'

describe('the redaction helper', () => {
  it.each([
    ['a name the dictionary knows', '工作人员王建国索要好处费', '工作人员王某索要好处费'],
    ['a name before a title', '科长张伟拖延审批', '科长张某拖延审批'],
    ['a name after a title, twice', '负责人李明反映，李明称', '负责人李某反映，李某称'],
    ['a compound surname', '欧阳娜娜女士投诉', '欧阳某女士投诉'],
    ['a mobile number', '电话13900000001', '电话[电话已隐去]'],
    ['a mobile number with spaces and +86', '电话 +86 139 0000 0001', '电话 [电话已隐去]'],
    ['a landline', '联系0411-82345678', '联系[电话已隐去]'],
    ['an 18-digit ID number with X', '身份证21020219900101123X', '身份证[身份证号已隐去]'],
    ['a name already redacted', '个体户刘某某反映', '个体户刘某某反映'],
    [
      'a unit and its conduct are kept',
      '大连市某区自然资源局违规收费 3 万元',
      '大连市某区自然资源局违规收费 3 万元',
    ],
  ])('%s', (_, text, expected) => {
    expect(redact(text).text).toBe(expected)
  })

  it('says where each hit is', () => {
    const text = '科长张伟，电话13900000001'
    for (const hit of findPersonalData(text)) expect(text.slice(hit.start, hit.end)).toBe(hit.text)
  })

  it.each([
    ['窗口人员王某拖延', false],
    ['电话13900000001', true],
    ['身份证210202199001011234', true],
    ['一个 12 位编号 202612345678', false],
  ])('numbers left in %s: %s', (text, expected) => {
    expect(hasPersonalNumbers(text)).toBe(expected)
  })
})
