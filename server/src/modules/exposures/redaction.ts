import { tagWords } from '../../kernel/segmenter'

/**
 * The redaction helper of the exposure board: finds what identifies a private person in a text —
 * mobile and landline numbers, resident ID numbers, and people's names — and proposes the text with
 * each replaced. A name becomes its surname and 某 (张三 → 张某), as Chinese notices write it; numbers
 * are removed. The reviewer reads the hits and confirms or edits the result: names come from jieba's
 * part-of-speech tags ('nr') and a list of surnames followed by a title, so a human has the last word
 * (an official acting in office may be named). Numbers are never published: the service refuses a
 * public text in which this helper still finds one.
 */
export type RedactionKind = 'phone' | 'id_number' | 'name'
export type RedactionHit = {
  kind: RedactionKind
  text: string
  start: number
  end: number
  replacement: string
}

const PATTERNS: { kind: RedactionKind; re: RegExp; replacement: string }[] = [
  // 18-digit resident ID (last character a digit or X) and the old 15-digit form
  {
    kind: 'id_number',
    re: /(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g,
    replacement: '[身份证号已隐去]',
  },
  // mobile numbers, also written with spaces or dashes (139 0000 0001), and +86
  {
    kind: 'phone',
    re: /(?<!\d)(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}(?!\d)/g,
    replacement: '[电话已隐去]',
  },
  // landlines with an area code: 0411-12345678, (0411)12345678
  { kind: 'phone', re: /(?:\(0\d{2,3}\)|(?<!\d)0\d{2,3}-)\d{7,8}(?!\d)/g, replacement: '[电话已隐去]' },
]

/** The commonest single-character surnames (about 90 % of people) and a few compound ones. */
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'
const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '慕容', '令狐']
const TITLES =
  '(?:局长|副局长|科长|副科长|处长|副处长|主任|副主任|所长|队长|股长|站长|书记|经理|先生|女士|同志|警官|工作人员|科员|干部)'
const TITLED_NAME = new RegExp(`([${SURNAMES}][\\u4e00-\\u9fa5]{1,2})(?=${TITLES})`, 'g')

function surnameOf(name: string): string {
  return COMPOUND_SURNAMES.find((s) => name.startsWith(s)) ?? name.slice(0, 1)
}

/** A name already redacted (张某, 李某某) or a word that only looks like one. */
function isRedactedName(name: string): boolean {
  return /^.{1,2}某+$/.test(name)
}

function nameHits(text: string): RedactionHit[] {
  const names = new Set<string>()
  const words = tagWords(text)
  const han = /^[\u4e00-\u9fa5]+$/
  words.forEach(({ word, tag }, i) => {
    const next = words[i + 1]?.word ?? ''
    // jieba tags known names 'nr…' and words it made up from characters 'x'
    if ((tag.startsWith('nr') || tag === 'x') && han.test(word) && SURNAMES.includes(word[0]!))
      names.add(word)
    if (COMPOUND_SURNAMES.includes(word) && han.test(next) && next.length <= 2) names.add(word + next)
  })
  for (const m of text.matchAll(TITLED_NAME)) names.add(m[1]!)
  const hits: RedactionHit[] = []
  // 李明 and 李明称 (the name and the verb jieba glued to it once): the shorter is the name
  const isLongerForm = (name: string) =>
    [...names].some((n) => n !== name && n.length >= 2 && name.startsWith(n))
  for (const name of names) {
    if (isLongerForm(name)) continue
    if (isRedactedName(name) || name.length < 2 || name.length > 4) continue
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length))
      hits.push({
        kind: 'name',
        text: name,
        start: at,
        end: at + name.length,
        replacement: `${surnameOf(name)}某`,
      })
  }
  return hits
}

/** Every hit in the text, in order, overlapping hits merged to the first and longest. */
export function findPersonalData(text: string): RedactionHit[] {
  const hits: RedactionHit[] = []
  for (const p of PATTERNS)
    for (const m of text.matchAll(p.re))
      hits.push({
        kind: p.kind,
        text: m[0],
        start: m.index,
        end: m.index + m[0].length,
        replacement: p.replacement,
      })
  hits.push(...nameHits(text))
  hits.sort((a, b) => a.start - b.start || b.end - a.end)
  const kept: RedactionHit[] = []
  for (const h of hits) if (!kept.length || h.start >= kept[kept.length - 1]!.end) kept.push(h)
  return kept
}

/** The text with every hit replaced. */
export function redact(text: string): { text: string; hits: RedactionHit[] } {
  const hits = findPersonalData(text)
  let out = ''
  let at = 0
  for (const h of hits) {
    out += text.slice(at, h.start) + h.replacement
    at = h.end
  }
  return { text: out + text.slice(at), hits }
}

/** Numbers that must never be published (names are the reviewer's call). */
export function hasPersonalNumbers(text: string): boolean {
  return findPersonalData(text).some((h) => h.kind !== 'name')
}
