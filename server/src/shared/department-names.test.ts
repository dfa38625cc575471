import { describe, expect, it } from 'vitest'
import { wordBoundariesOf } from '../modules/appeals/words'
import { dalian } from '../seed/cities/dalian'
import {
  boundariesOf,
  cityNameOf,
  departmentUsingForm,
  findMentions,
  formsOf,
  indexDepartments,
  phraseProblems,
  type NamedDepartment,
} from './department-names'

// The seeded Dalian tree, ids = codes, plus two departments a test could make (names that contain
// a Dalian form: the longer name must win).
const seeded: NamedDepartment[] = [
  ...dalian.departments.flatMap((d) => [
    { id: d.code, name: d.name, shortName: d.shortName ?? null, recognisedNames: d.recognisedNames ?? [] },
    ...(d.divisions ?? []).map((v) => ({
      id: v.code,
      name: v.name,
      shortName: null,
      recognisedNames: v.recognisedNames ?? [],
    })),
  ]),
  ...dalian.districts.map((d) => ({
    id: d.code,
    name: d.name,
    shortName: null,
    recognisedNames: d.recognisedNames ?? [],
  })),
]
const city = cityNameOf(dalian.root.name)
const withTestUnits = [
  ...seeded,
  { id: 'T-ZJ', name: '住建局1a2b', shortName: null, recognisedNames: [] },
  { id: 'T-PORT', name: '交通运输局港航处', shortName: '港航处', recognisedNames: [] },
]
const index = indexDepartments(withTestUnits, city)
const named = (text: string) =>
  findMentions(text, index, wordBoundariesOf(text)).map((m) => `${m.departmentId}×${m.count}`)

describe('recognising departments named in an appeal (seeded Dalian)', () => {
  it.each([
    // full name, official short name, common forms
    ['大连市发展和改革委员会要求补充节能审查意见', ['DL-FGW×1']],
    ['市发展改革委一直没回复', ['DL-FGW×1']],
    ['发改部门说项目备案不归他们', ['DL-FGW×1']],
    ['找了发改委也找了发改局', ['DL-FGW×2']],
    ['城管来了说门头招牌要拆', ['DL-CGJ×1']],
    ['城管局和城管执法的人都来过', ['DL-CGJ×2']],
    ['税务局说发票额度不能再提', ['DL-TAX×1']],
    ['税务部门的专管员', ['DL-TAX×1']],
    ['国家税务总局大连市税务局的答复', ['DL-TAX×1']],
    ['大连市税务局和税务所', ['DL-TAX×2']],
    ['市监局让我们去窗口', ['DL-SCJGJ×1']],
    ['市场监管局、市场监管部门和工商所', ['DL-SCJGJ×3']],
    ['大连市市场监督管理局', ['DL-SCJGJ×1']],
    ['人社局和人社部门', ['DL-RSJ×2']],
    ['住建局说要先做消防验收', ['DL-ZJJ×1']],
    ['住建部门', ['DL-ZJJ×1']],
    ['交通局', ['DL-JTJ×1']],
    ['商务局', ['DL-SWUJ×1']],
    ['教育局', ['DL-JYJ×1']],
    ['应急局来检查', ['DL-YJJ×1']],
    ['生态环境局和环保局', ['DL-STHJJ×2']],
    ['自然资源局说规划局那边没批', ['DL-ZRZYJ×2']],
    ['卫健委', ['DL-WJW×1']],
    ['医保局', ['DL-YBJ×1']],
    ['海关查验', ['DL-HG×1']],
    ['交警扣了货车', ['DL-GAJ×1']],
    ['工商联', ['DL-GSL×1']],
    // the city is optional, before a full name or a short name
    ['住房和城乡建设局窗口', ['DL-ZJJ×1']],
    ['大连市住建局', ['DL-ZJJ×1']],
    ['大连住建局', ['DL-ZJJ×1']],
    ['中山区人民政府和甘井子区政府', ['DL-ZS×1', 'DL-GJZ×1']],
    // in the order first named
    ['税务局说要找市场监管局，市场监管局又说找税务局', ['DL-TAX×2', 'DL-SCJGJ×2']],
  ])('%s → %j', (text, expected) => {
    expect(named(text)).toEqual(expected)
  })

  it.each([
    // an address is not the district government
    ['我公司位于甘井子区', []],
    // a form inside a longer name of another unit is not a mention of it
    ['住建局1a2b的窗口', ['T-ZJ×1']],
    ['交通运输局港航处', ['T-PORT×1']],
    // a two-character form that is half of two words
    ['新城管委会协调', []],
    ['全国税收政策调整', []],
    ['城管委会', []],
    // words of a function are not a department
    ['市场需求下降', []],
    ['税务问题', []],
    ['监局', []],
  ])('%s → %j (no misfire)', (text, expected) => {
    expect(named(text)).toEqual(expected)
  })

  it('without word boundaries a short form matches as written', () => {
    expect(findMentions('新城管委会', index).map((m) => m.departmentId)).toEqual(['DL-CGJ'])
  })

  it('a form two departments share names neither', () => {
    const shared = indexDepartments(
      [
        { id: 'a', name: '甲局', shortName: null, recognisedNames: ['综合执法局'] },
        { id: 'b', name: '乙局', shortName: null, recognisedNames: ['综合执法局'] },
      ],
      city,
    )
    expect(findMentions('综合执法局来检查，甲局也来了', shared).map((m) => m.departmentId)).toEqual(['a'])
  })
})

describe('forms of a department', () => {
  it.each([
    [
      { name: '大连市住房和城乡建设局', shortName: '市住建局', recognisedNames: [] },
      ['大连市住房和城乡建设局', '住房和城乡建设局', '市住建局', '住建局'],
    ],
    // 市监局 keeps its 市: 监局 names nothing
    [
      { name: '大连市市场监督管理局', shortName: '市监局', recognisedNames: [] },
      ['大连市市场监督管理局', '市场监督管理局', '市监局'],
    ],
    // 大连海关 keeps its city: 海关 is listed as a form where it is meant
    [
      { name: '大连海关', shortName: '大连海关', recognisedNames: ['海关', ' 海关 ', '关'] },
      ['大连海关', '海关'],
    ],
  ])('%j → %j', (department, expected) => {
    expect(formsOf(department, '大连市')).toEqual(expected)
  })

  it('the city is the root unit without 人民政府', () => {
    expect(cityNameOf('大连市人民政府')).toBe('大连市')
    expect(cityNameOf('瓦房店市人民政府')).toBe('瓦房店市')
  })
})

describe('the seeded Dalian forms', () => {
  it('name one department each: no form of one is a form of another', () => {
    const clashes = seeded.flatMap((d) =>
      [...d.recognisedNames, d.name, d.shortName ?? '']
        .filter(Boolean)
        .map((form) => [
          d.id,
          form,
          departmentUsingForm(
            form,
            seeded.filter((o) => o.id !== d.id),
            city,
          )?.id,
        ])
        .filter(([, , other]) => other),
    )
    expect(clashes).toEqual([])
  })

  it('have no repeated or letterless entry', () => {
    for (const d of seeded) expect([...phraseProblems(d.recognisedNames)]).toEqual([])
    for (const c of dalian.appealCategories) expect([...phraseProblems(c.keywords ?? [])]).toEqual([])
  })

  it('every seeded department has a category it owns by default', () => {
    const owners = new Set(dalian.appealCategories.map((c) => c.department))
    expect(dalian.departments.map((d) => d.code).filter((code) => !owners.has(code))).toEqual([])
  })
})

describe('word boundaries and problems of a list', () => {
  it('boundaries come from a cut that gives the text back', () => {
    expect([...(boundariesOf('城管说', ['城管', '说']) ?? [])]).toEqual([0, 2, 3])
    expect(boundariesOf('城管说', ['城管'])).toBeUndefined()
    expect(boundariesOf('城管说', ['管', '城说'])).toBeUndefined()
  })

  it('flags repeats (any case, trimmed) and entries without a letter', () => {
    expect([...phraseProblems(['城管', ' 城管', 'KTV', 'ktv', '2024', '——'])]).toEqual([
      [1, 'duplicate'],
      [3, 'duplicate'],
      [4, 'noLetter'],
      [5, 'noLetter'],
    ])
  })
})
