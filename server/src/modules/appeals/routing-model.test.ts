import { describe, expect, it } from 'vitest'
import { suggestDepartments, trainRoutingModel } from './routing-model'
import { wordsOf } from './words'

const history = [
  ['施工许可证迟迟不批，窗口反复要求补材料', 'construction', 'housing'],
  ['工程竣工验收排队太久，影响交房', 'construction', 'housing'],
  ['施工图审查意见反复修改，项目无法开工', 'construction', 'housing'],
  ['增值税留抵退税申请提交后一直没有到账', 'tax', 'tax'],
  ['发票领用额度太低，影响正常开票经营', 'tax', 'tax'],
  ['出口退税审核时间太长，资金周转困难', 'tax', 'tax'],
  ['营业执照变更登记要求到现场办理', 'market', 'market'],
  ['食品经营许可证延续办理材料要求不明确', 'market', 'market'],
  ['企业名称登记系统无法提交申请', 'market', 'market'],
] as const

const model = trainRoutingModel(
  history.map(([text, categoryCode, departmentId]) => ({ words: wordsOf(text), categoryCode, departmentId })),
)

describe('department suggestions', () => {
  it.each([
    ['申请施工许可时窗口一直要求补充材料', 'construction', 'housing'],
    ['留抵退税款申请三个月了还没到账', 'tax', 'tax'],
    ['营业执照地址变更能否网上办理', 'market', 'market'],
    ['退税迟迟没有到账', 'other', 'tax'],
  ])('%s → %s', (text, categoryCode, expected) => {
    const [first] = suggestDepartments(model, { words: wordsOf(text), categoryCode })
    expect(first?.departmentId).toBe(expected)
  })

  it('gives the top three with confidences that add up to at most 1', () => {
    const suggestions = suggestDepartments(model, {
      words: wordsOf('施工许可'),
      categoryCode: 'construction',
    })
    expect(suggestions).toHaveLength(3)
    expect(suggestions[0]!.confidence).toBeGreaterThan(suggestions[1]!.confidence)
    expect(suggestions.reduce((s, x) => s + x.confidence, 0)).toBeLessThanOrEqual(1.000001)
  })

  it('knows nothing before it has seen anything', () => {
    expect(suggestDepartments(trainRoutingModel([]), { words: ['税'], categoryCode: 'tax' })).toEqual([])
  })
})
