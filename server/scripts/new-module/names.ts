/**
 * Every spelling of a new module's names the templates need, from two kebab-case words: the
 * capability (`services`, the folder) and its case (`application`, a row that moves through states).
 */
export type Names = {
  /** kebab-case folder name: `online-services` */
  module: string
  moduleCamel: string
  modulePascal: string
  moduleSnake: string
  /** the words for people: `Online services` */
  moduleTitle: string
  case: string
  caseCamel: string
  casePascal: string
  caseSnake: string
  caseScreaming: string
  /** plural, kebab-case: the path segment `applications` */
  cases: string
  casesCamel: string
  casesPascal: string
  casesSnake: string
  caseWordsEn: string
  casesWordsEn: string
  caseLabelZh: string
  /** the tables: `applications` and `application_events` */
  table: string
  eventsTable: string
  /** the migration's file name: `0031_services_applications.sql` */
  migrationFile: string
}

export const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/

const words = (kebab: string) => kebab.split('-')
const upperFirst = (word: string) => word.charAt(0).toUpperCase() + word.slice(1)
const camel = (kebab: string) =>
  words(kebab)
    .map((w, i) => (i === 0 ? w : upperFirst(w)))
    .join('')
const pascal = (kebab: string) => words(kebab).map(upperFirst).join('')
const snake = (kebab: string) => words(kebab).join('_')

/** English plural of the last word, enough for case names (application → applications, inquiry → inquiries). */
export function pluralOf(kebab: string): string {
  if (/[^aeiou]y$/.test(kebab)) return `${kebab.slice(0, -1)}ies`
  if (/(s|x|z|ch|sh)$/.test(kebab)) return `${kebab}es`
  return `${kebab}s`
}

export function namesOf(input: {
  module: string
  case: string
  migrationNumber: number
  caseLabelZh?: string | undefined
}): Names {
  const cases = pluralOf(input.case)
  const moduleTitle = upperFirst(words(input.module).join(' '))
  const caseWordsEn = words(input.case).join(' ')
  const number = String(input.migrationNumber).padStart(4, '0')
  return {
    module: input.module,
    moduleCamel: camel(input.module),
    modulePascal: pascal(input.module),
    moduleSnake: snake(input.module),
    moduleTitle,
    case: input.case,
    caseCamel: camel(input.case),
    casePascal: pascal(input.case),
    caseSnake: snake(input.case),
    caseScreaming: snake(input.case).toUpperCase(),
    cases,
    casesCamel: camel(cases),
    casesPascal: pascal(cases),
    casesSnake: snake(cases),
    caseWordsEn,
    casesWordsEn: words(cases).join(' '),
    caseLabelZh: input.caseLabelZh ?? caseWordsEn,
    table: snake(cases),
    eventsTable: `${snake(input.case)}_events`,
    migrationFile: `${number}_${snake(input.module)}_${snake(cases)}.sql`,
  }
}
