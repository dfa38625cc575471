/**
 * Finding the departments an appeal names, and the words that point to a function, in Chinese text
 * that has no spaces: 「市监局说要先去税务局开证明」 names 大连市市场监督管理局 and 国家税务总局大连市税务局.
 * Pure, so the server's routing, the bench and the web's department form run the same rules.
 *
 * A department is named by its full name, its official short name, the forms an administrator
 * recognises (发改委, 城管 …) and the same without the city (大连市住房和城乡建设局 → 住房和城乡建设局,
 * 市住建局 → 住建局). The text is read left to right and at each place the longest form wins, so
 * 市场监管局 inside 大连市市场监督管理局 or 税务局 inside 国家税务总局大连市税务局 is never a second
 * mention, and a test department called 住建局1a2b is not 住建局. A form two departments share names
 * neither. A two-character form (城管, 海关, 国税) must also start where a word starts and not end
 * inside a word that began after it, when word boundaries are given: 新城管委会 is 新城/管委会, not 城管.
 */

export type NamedDepartment = {
  id: string
  name: string
  shortName: string | null
  recognisedNames: readonly string[]
}

/** Most recognised forms one department keeps, and their length (2–30 characters). */
export const MAX_RECOGNISED_NAMES = 40
export const RECOGNISED_NAME_MAX = 30
/** Most keywords one appeal category keeps, and their length (2–20 characters). */
export const MAX_CATEGORY_KEYWORDS = 80
export const CATEGORY_KEYWORD_MAX = 20

/** Forms shorter than this stay out: one character names nothing. */
export const MIN_FORM_LENGTH = 2
/** A derived form (the city taken off) must keep at least this much: 市监局 does not become 监局. */
const MIN_DERIVED_LENGTH = 3
/** Up to this length a form must sit on word boundaries (when they are known). */
const SHORT_FORM_LENGTH = 2

/** The city a government's root unit names: 大连市人民政府 → 大连市. */
export function cityNameOf(rootName: string): string {
  return rootName.replace(/人民政府$/, '').trim()
}

/**
 * Every form a department is recognised by: the written ones, and each without the city or the
 * leading 市 when enough is left. Trimmed, deduplicated, in a stable order.
 */
export function formsOf(department: Omit<NamedDepartment, 'id'>, cityName: string): string[] {
  const written = [department.name, department.shortName, ...department.recognisedNames]
  const prefixes = [cityName, cityName.replace(/市$/, ''), '市'].filter((p) => p.length > 0)
  const forms = new Set<string>()
  for (const raw of written) {
    const form = raw?.trim()
    if (!form || form.length < MIN_FORM_LENGTH) continue
    forms.add(form)
    for (const prefix of prefixes) {
      if (form.startsWith(prefix) && form.length - prefix.length >= MIN_DERIVED_LENGTH) {
        forms.add(form.slice(prefix.length))
        break
      }
    }
  }
  return [...forms]
}

/** A lookup of forms by their first character, longest first; each form with the owners it stands for. */
export type FormIndex<T> = Map<string, { form: string; owners: T[] }[]>

export function indexForms<T>(entries: Iterable<readonly [form: string, owner: T]>): FormIndex<T> {
  const byForm = new Map<string, T[]>()
  for (const [raw, owner] of entries) {
    const form = raw.trim()
    if (form.length < MIN_FORM_LENGTH) continue
    const owners = byForm.get(form) ?? []
    if (!owners.includes(owner)) owners.push(owner)
    byForm.set(form, owners)
  }
  const index: FormIndex<T> = new Map()
  for (const [form, owners] of byForm) {
    const first = form[0]!
    const list = index.get(first) ?? []
    list.push({ form, owners })
    index.set(first, list)
  }
  for (const list of index.values()) list.sort((a, b) => b.form.length - a.form.length)
  return index
}

export type FormMatch<T> = { form: string; start: number; owners: T[] }

/**
 * Leftmost-longest matches of the indexed forms in the text, never overlapping. With `boundaries`
 * (offsets where a word starts, and the text's length), short forms must sit on them.
 */
export function scanForms<T>(
  text: string,
  index: FormIndex<T>,
  boundaries?: ReadonlySet<number>,
): FormMatch<T>[] {
  const matches: FormMatch<T>[] = []
  let i = 0
  while (i < text.length) {
    const found = index
      .get(text[i]!)
      ?.find(
        (c) =>
          text.startsWith(c.form, i) &&
          (c.form.length > SHORT_FORM_LENGTH || !boundaries || sitsOnWords(i, c.form.length, boundaries)),
      )
    if (found) {
      matches.push({ form: found.form, start: i, owners: found.owners })
      i += found.form.length
    } else i++
  }
  return matches
}

/** Starts where a word starts, and ends where one ends or inside the word it starts. */
function sitsOnWords(start: number, length: number, boundaries: ReadonlySet<number>): boolean {
  if (!boundaries.has(start)) return false
  if (boundaries.has(start + length)) return true
  for (let k = start + 1; k < start + length; k++) if (boundaries.has(k)) return false
  return true
}

/** Word boundaries from a segmentation that keeps every character (jieba's cut): each word's start, and the end. */
export function boundariesOf(text: string, words: readonly string[]): Set<number> | undefined {
  const boundaries = new Set<number>()
  let at = 0
  for (const word of words) {
    if (!text.startsWith(word, at)) return undefined
    boundaries.add(at)
    at += word.length
  }
  if (at !== text.length) return undefined
  boundaries.add(at)
  return boundaries
}

export type Mention = { departmentId: string; form: string; start: number; count: number }

/** A department index for findMentions. */
export function indexDepartments(
  departments: readonly NamedDepartment[],
  cityName: string,
): FormIndex<string> {
  return indexForms(departments.flatMap((d) => formsOf(d, cityName).map((form) => [form, d.id] as const)))
}

/**
 * The departments a text names, in the order it first names them, with how often. A form two
 * departments share is skipped: it cannot say which one is meant.
 */
export function findMentions(
  text: string,
  index: FormIndex<string>,
  boundaries?: ReadonlySet<number>,
): Mention[] {
  const mentions = new Map<string, Mention>()
  for (const match of scanForms(text, index, boundaries)) {
    if (match.owners.length !== 1) continue
    const departmentId = match.owners[0]!
    const seen = mentions.get(departmentId)
    if (seen) seen.count++
    else mentions.set(departmentId, { departmentId, form: match.form, start: match.start, count: 1 })
  }
  return [...mentions.values()]
}

/**
 * The first department among `others` that already answers to `form` or to its form without the
 * city (as its name, short name, a recognised name or one of those without the city), or
 * undefined: an administrator may not give two departments the same form.
 */
export function departmentUsingForm(
  form: string,
  others: readonly NamedDepartment[],
  cityName: string,
): NamedDepartment | undefined {
  const wanted = formsOf({ name: form, shortName: null, recognisedNames: [] }, cityName)
  return others.find((d) => formsOf(d, cityName).some((f) => wanted.includes(f)))
}

/**
 * What is wrong with each entry of a list of forms or keywords, by position: a second copy of an
 * earlier entry, or no letter at all (2024 or —— would match numbers and punctuation, not a name).
 */
export function phraseProblems(list: readonly string[]): Map<number, 'duplicate' | 'noLetter'> {
  const problems = new Map<number, 'duplicate' | 'noLetter'>()
  const seen = new Set<string>()
  list.forEach((raw, i) => {
    const phrase = raw.trim().toLowerCase()
    if (!/\p{L}/u.test(phrase)) problems.set(i, 'noLetter')
    else if (seen.has(phrase)) problems.set(i, 'duplicate')
    seen.add(phrase)
  })
  return problems
}
