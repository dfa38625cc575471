import { createHash } from 'node:crypto'
import type { EnterpriseTag } from '../shared/enterprise-tags'
import { organizationCodeCheck, USCC_ALPHABET, usccCheckDigit } from '../shared/uscc'

/**
 * Deterministic demo enterprises: the same seed gives the same city, so screenshots and tests are
 * stable. Every credit code passes the complete check: GB 32100-2015 check character, GB 11714
 * organisation code check character, a real authority and the district's GB/T 2260 code.
 */
export type DemoEnterprise = {
  uscc: string
  name: string
  legalRepresentative: string
  divisionCode: string
  industryCode: string
  sizeClass: 'large' | 'medium' | 'small' | 'micro'
  foundedOn: string
  employees: number
  annualRevenue: number
  tags: EnterpriseTag[]
  address: string
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const BRAND_CHARS =
  '海川鑫瑞华信达恒泰盛兴宏远博创新德隆丰源鼎航安润嘉禾星辰锦程中科东方天成立诚通汇金港蓝湾北方辽东银帆远洋晨光'.split(
    '',
  )
const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文'.split(
    '',
  )
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志鹏宇浩然思雨欣怡子涵梓轩博文晨阳海波晓东春雷雪梅'.split(
    '',
  )

/** Industry (GB/T 4754 division code), the words a name of that trade uses, and its weight. */
const TRADES: [string, string[], number][] = [
  ['C34', ['机械设备', '精密机械', '重工'], 6],
  ['C35', ['专用设备', '智能装备'], 4],
  ['C37', ['船舶配套', '船舶工程'], 3],
  ['C38', ['电气', '电机'], 3],
  ['C39', ['电子科技', '微电子'], 3],
  ['C26', ['化工', '新材料'], 3],
  ['C13', ['食品', '水产品加工'], 4],
  ['C36', ['汽车零部件'], 2],
  ['I65', ['软件', '信息技术', '数字科技'], 8],
  ['I64', ['网络科技', '互联网科技'], 3],
  ['F51', ['贸易', '进出口', '商贸'], 14],
  ['F52', ['商店', '超市', '便利店'], 8],
  ['G55', ['海运', '航运'], 2],
  ['G58', ['国际物流', '货运代理'], 4],
  ['G59', ['仓储', '冷链物流'], 3],
  ['H62', ['餐饮管理', '海鲜酒家'], 6],
  ['H61', ['酒店管理'], 2],
  ['E48', ['建设工程', '市政工程'], 4],
  ['E50', ['装饰工程'], 3],
  ['K70', ['房地产开发', '物业管理'], 3],
  ['L72', ['企业管理咨询', '商务服务'], 5],
  ['M73', ['科技研发', '生物技术'], 3],
  ['M74', ['工程技术', '检测技术'], 3],
  ['A04', ['水产养殖', '海珍品'], 3],
  ['A01', ['农业发展', '果业'], 2],
  ['O80', ['家政服务'], 2],
  ['R88', ['文化传媒'], 2],
  ['Q84', ['医疗管理', '口腔诊所'], 2],
]

const SIZE_PROFILES = {
  micro: { weight: 60, employees: [1, 19], revenue: [0.2e6, 3e6] },
  small: { weight: 28, employees: [20, 99], revenue: [3e6, 20e6] },
  medium: { weight: 9, employees: [100, 999], revenue: [20e6, 400e6] },
  large: { weight: 3, employees: [1000, 8000], revenue: [400e6, 8e9] },
} as const

function weighted<T>(rand: () => number, items: [T, number][]): T {
  const total = items.reduce((s, [, w]) => s + w, 0)
  let r = rand() * total
  for (const [item, w] of items) {
    r -= w
    if (r < 0) return item
  }
  return items.at(-1)![0]
}

const between = (rand: () => number, [lo, hi]: readonly [number, number]) => lo + rand() * (hi - lo)

const ORG_BODY_CHARS = USCC_ALPHABET.slice(0, 10).repeat(4) + 'ABCDEFGHJKLMNPQRTUWXY'

export function makeUscc(rand: () => number, divisionCode: string, category: '1' | '2'): string {
  let body = ''
  for (let i = 0; i < 8; i++) body += ORG_BODY_CHARS[Math.floor(rand() * ORG_BODY_CHARS.length)]
  const first17 = `9${category}${divisionCode}${body}${organizationCodeCheck(body)}`
  return first17 + usccCheckDigit(first17)
}

const DISTRICT_NAMES: Record<string, string> = {
  '210202': '中山区',
  '210203': '西岗区',
  '210204': '沙河口区',
  '210211': '甘井子区',
  '210212': '旅顺口区',
  '210213': '金州区',
  '210214': '普兰店区',
  '210224': '长海县',
  '210281': '瓦房店市',
  '210283': '庄河市',
}

export function generateDemoEnterprises(
  count: number,
  districtWeights: Record<string, number>,
  seed = 20220207,
): DemoEnterprise[] {
  const rand = mulberry32(seed)
  const districts = Object.entries(districtWeights) as [string, number][]
  const trades = TRADES.map(
    ([code, words, w]) => [{ code, words }, w] as [{ code: string; words: string[] }, number],
  )
  const sizes = Object.entries(SIZE_PROFILES).map(
    ([k, v]) => [k as DemoEnterprise['sizeClass'], v.weight] as [DemoEnterprise['sizeClass'], number],
  )
  const usedCodes = new Set<string>()
  const usedNames = new Set<string>()
  const out: DemoEnterprise[] = []
  while (out.length < count) {
    const divisionCode = weighted(rand, districts)
    const trade = weighted(rand, trades)
    const isIndividual = rand() < 0.05
    const sizeClass = isIndividual ? 'micro' : weighted(rand, sizes)
    const profile = SIZE_PROFILES[sizeClass]
    const brand =
      BRAND_CHARS[Math.floor(rand() * BRAND_CHARS.length)]! +
      BRAND_CHARS[Math.floor(rand() * BRAND_CHARS.length)]!
    const word = trade.words[Math.floor(rand() * trade.words.length)]!
    const name = isIndividual
      ? `大连市${DISTRICT_NAMES[divisionCode] ?? ''}${brand}${word}店`
      : `大连${brand}${word}${sizeClass === 'large' ? '集团' : ''}有限公司`
    if (usedNames.has(name)) continue
    const uscc = makeUscc(rand, divisionCode, isIndividual ? '2' : '1')
    if (usedCodes.has(uscc)) continue
    usedNames.add(name)
    usedCodes.add(uscc)

    const tags: EnterpriseTag[] = []
    if (isIndividual) tags.push('individual_business')
    else {
      const ownership = rand()
      tags.push(ownership < 0.06 ? 'state_owned' : ownership < 0.12 ? 'foreign_invested' : 'private')
      const techTrade = /^(C3[4-9]|C26|I6|M7)/.test(trade.code)
      if (techTrade && rand() < 0.35) tags.push('high_tech')
      if (techTrade && sizeClass !== 'large' && rand() < 0.3) tags.push('tech_sme')
      if (sizeClass !== 'large' && sizeClass !== 'micro' && rand() < 0.1) tags.push('specialized_sme')
      if (tags.includes('specialized_sme') && rand() < 0.15) tags.push('little_giant')
      if (trade.code.startsWith('C') && sizeClass !== 'micro' && rand() < 0.6)
        tags.push('above_scale_industrial')
      if (sizeClass === 'large' && rand() < 0.3) tags.push('listed')
    }
    const year = 1992 + Math.floor(rand() * 34)
    const foundedOn = `${year}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`
    // Drawn in the order the generator always drew them, so the same seed gives the same city.
    const legalRepresentative =
      SURNAMES[Math.floor(rand() * SURNAMES.length)]! +
      GIVEN[Math.floor(rand() * GIVEN.length)]! +
      (rand() < 0.6 ? GIVEN[Math.floor(rand() * GIVEN.length)]! : '')
    const employees = Math.round(between(rand, profile.employees))
    const annualRevenue = Math.round(between(rand, profile.revenue) / 100) * 100
    // This draw once gave the credit tier, which now comes only from the market-regulation
    // department's (demo) data file (demo-facts.ts); it stays so every later draw is unchanged.
    rand()
    const street = 1 + Math.floor(rand() * 300)
    out.push({
      uscc,
      name,
      legalRepresentative,
      divisionCode,
      industryCode: trade.code,
      sizeClass,
      foundedOn: foundedOn > '2025-12-31' ? '2025-06-30' : foundedOn,
      employees,
      annualRevenue,
      tags,
      address: `辽宁省大连市${DISTRICT_NAMES[divisionCode] ?? ''}${brand}路${street}号`,
    })
  }
  return out
}

/**
 * A demo legal representative's registered phone: made from the credit code so it is the same at every
 * start, in the 147 range that no demo account uses (a claim's code goes there; the dev inbox shows it).
 */
export function demoLegalRepresentativePhone(uscc: string): string {
  const digest = createHash('sha256').update(uscc).digest()
  return `147${String(digest.readUInt32BE(0) % 100_000_000).padStart(8, '0')}`
}
