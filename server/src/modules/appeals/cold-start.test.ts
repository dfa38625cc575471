import { describe, expect, it } from 'vitest'
import { buildColdStartContext, COLD_START_PRIORS, suggestColdStart } from './cold-start'

// A small city: tax, market regulation, housing, the bureau (fallback owner, receives every appeal).
const context = buildColdStartContext({
  cityName: '大连市',
  departments: [
    {
      id: 'tax',
      name: '国家税务总局大连市税务局',
      shortName: '市税务局',
      recognisedNames: ['税务局', '税务部门'],
    },
    { id: 'market', name: '大连市市场监督管理局', shortName: '市市场监管局', recognisedNames: ['市监局'] },
    { id: 'housing', name: '大连市住房和城乡建设局', shortName: '市住建局', recognisedNames: [] },
    { id: 'bureau', name: '大连市营商环境建设局', shortName: '市营商局', recognisedNames: ['营商局'] },
  ],
  categories: [
    { code: 'tax', defaultDepartmentId: 'tax', keywords: ['退税', '留抵', '发票'] },
    { code: 'market', defaultDepartmentId: 'market', keywords: ['营业执照', '经营范围'] },
    { code: 'construction', defaultDepartmentId: 'housing', keywords: ['施工许可', '竣工验收', '图审'] },
    { code: 'approval', defaultDepartmentId: 'bureau', keywords: ['政务大厅'] },
    { code: 'other', defaultDepartmentId: null, keywords: [] },
  ],
  recipientIds: ['bureau'],
  fallbackOwnerId: 'bureau',
})

const suggest = (text: string, categoryCode: string) =>
  suggestColdStart(context, { text, categoryCode }).map((s) => `${s.departmentId}:${s.basis}`)

describe('cold-start suggestions', () => {
  it.each([
    // the category alone, then the fallback owner
    ['企业诉求反映', 'tax', ['tax:category', 'bureau:fallback']],
    // nothing known: the fallback owner only
    ['企业诉求反映', 'other', ['bureau:fallback']],
    // a department named outranks nothing but is second to the category alone
    ['市监局说要找别的部门', 'tax', ['tax:category', 'market:mentioned', 'bureau:fallback']],
    // "other" and a department named: that department first
    ['市监局一直不给答复', 'other', ['market:mentioned', 'bureau:fallback']],
    // named and described beats the category picked by mistake
    ['市监局说营业执照经营范围不能改', 'tax', ['market:mentioned', 'tax:category', 'bureau:fallback']],
    // words of a function alone: second to the category, first when the category is "other"
    ['施工许可和竣工验收迟迟办不下来', 'tax', ['tax:category', 'housing:keyword', 'bureau:fallback']],
    ['施工许可和竣工验收迟迟办不下来', 'other', ['housing:keyword', 'bureau:fallback']],
    // the category, a mention and keywords agree: one suggestion with all three
    ['税务局的留抵退税一直没到', 'tax', ['tax:category', 'bureau:fallback']],
    // naming the bureau is naming the channel, not the owner
    ['之前向营商局反映过，施工许可一直没批', 'other', ['housing:keyword', 'bureau:fallback']],
    // the bureau's own matters still reach it through its category and words
    ['政务大厅窗口排队太久', 'approval', ['bureau:category']],
    // three at most: the fallback owner drops out; named twice weighs more than once
    [
      '税务局说要找市监局，市监局说找住建局',
      'other',
      ['market:mentioned', 'tax:mentioned', 'housing:mentioned'],
    ],
  ])('%s [%s] → %j', (text, category, expected) => {
    expect(suggest(text, category)).toEqual(expected)
  })

  it('confidence is each department’s share of all the evidence, best first', () => {
    const items = suggestColdStart(context, { text: '市监局说营业执照经营范围不能改', categoryCode: 'tax' })
    const market = COLD_START_PRIORS.mentioned + COLD_START_PRIORS.keyword * 0.75
    const total = market + COLD_START_PRIORS.category + COLD_START_PRIORS.fallback
    expect(items.map((i) => Math.round(i.confidence * 1000) / 1000)).toEqual([
      Math.round((market / total) * 1000) / 1000,
      Math.round((COLD_START_PRIORS.category / total) * 1000) / 1000,
      Math.round((COLD_START_PRIORS.fallback / total) * 1000) / 1000,
    ])
    expect(items[0]!.evidence).toEqual([
      { basis: 'mentioned', weight: COLD_START_PRIORS.mentioned, form: '市监局', count: 1 },
      { basis: 'keyword', weight: COLD_START_PRIORS.keyword * 0.75, keywords: ['营业执照', '经营范围'] },
    ])
  })

  it('a department named twice weighs a little more, and an unknown category is no evidence', () => {
    const items = suggestColdStart(context, { text: '税务局说……税务局又说', categoryCode: 'retired_code' })
    expect(items[0]).toMatchObject({
      departmentId: 'tax',
      basis: 'mentioned',
      evidence: [
        {
          basis: 'mentioned',
          count: 2,
          weight: COLD_START_PRIORS.mentioned + COLD_START_PRIORS.mentionedAgain,
        },
      ],
    })
  })

  it('no fallback owner and nothing else known: no suggestion', () => {
    const bare = buildColdStartContext({
      cityName: '大连市',
      departments: [],
      categories: [],
      recipientIds: [],
      fallbackOwnerId: null,
    })
    expect(suggestColdStart(bare, { text: '企业诉求', categoryCode: 'other' })).toEqual([])
  })
})
