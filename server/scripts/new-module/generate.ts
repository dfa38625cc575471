import fs from 'node:fs'
import path from 'node:path'
import * as prettier from 'prettier'
import { KEBAB, namesOf, type Names } from './names'

/**
 * Writes the skeleton of a new capability (docs/NEW-MODULE.md): its server folder, its web feature
 * folder and its migration from the templates beside this file, then adds the module to
 * server/src/modules/modules.ts and the feature to web/src/app/features.ts — nothing else outside
 * the two folders changes. `root` is the repository (a test passes a scratch copy).
 */
export type NewModuleOptions = {
  module: string
  /** the case's name, kebab-case and singular; default: the module's name without a plural s */
  case?: string | undefined
  /** the migration's number; default: the next free one */
  migration?: number | undefined
  /** what the case is called in Chinese (办件); default: its English words */
  caseLabelZh?: string | undefined
}

export class NewModuleRefused extends Error {}

const TEMPLATES = path.join(import.meta.dirname, 'templates')
/** The repository this script lives in: its prettier settings format what is written anywhere. */
const OWN_ROOT = path.resolve(import.meta.dirname, '../../..')

const MODULES_LIST = 'server/src/modules/modules.ts'
const FEATURES_LIST = 'web/src/app/features.ts'

export async function generateModule(root: string, options: NewModuleOptions): Promise<string[]> {
  const names = check(root, options)
  const written: string[] = []
  for (const [template, target] of templateTargets(names)) {
    const file = path.join(root, target)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, await format(target, render(fs.readFileSync(template, 'utf8'), names)))
    written.push(target)
  }
  await editList(root, MODULES_LIST, (text) => addModule(text, names))
  await editList(root, FEATURES_LIST, (text) => addFeature(text, names))
  return [...written, MODULES_LIST, FEATURES_LIST]
}

function refuse(message: string): never {
  throw new NewModuleRefused(message)
}

function check(root: string, options: NewModuleOptions): Names {
  const { module } = options
  if (!KEBAB.test(module))
    refuse(
      `"${module}" is not a module name: kebab-case, a lower-case letter first (e.g. services, online-services)`,
    )
  const caseName = options.case ?? module.replace(/s$/, '')
  if (!KEBAB.test(caseName) || caseName === module)
    refuse(
      `"${caseName}" is not a case name: kebab-case and singular, other than the module's (--case application)`,
    )
  if (fs.existsSync(path.join(root, 'server/src/modules', module)))
    refuse(`server/src/modules/${module} exists already: pick another name`)
  if (fs.existsSync(path.join(root, 'web/src/features', module)))
    refuse(`web/src/features/${module} exists already: pick another name`)
  const migrations = fs
    .readdirSync(path.join(root, 'server/migrations'))
    .filter((f) => /^\d{4}_.*\.sql$/.test(f))
  const numbers = migrations.map((f) => Number(f.slice(0, 4)))
  const migration = options.migration ?? Math.max(0, ...numbers) + 1
  if (!Number.isInteger(migration) || migration < 1 || migration > 9999)
    refuse(`--migration ${options.migration} is not a migration number (1–9999)`)
  if (numbers.includes(migration)) refuse(`migration ${String(migration).padStart(4, '0')} exists already`)
  const names = namesOf({
    module,
    case: caseName,
    migrationNumber: migration,
    caseLabelZh: options.caseLabelZh,
  })
  const tables = new Set(
    migrations.flatMap((f) =>
      [
        ...fs
          .readFileSync(path.join(root, 'server/migrations', f), 'utf8')
          .matchAll(/CREATE TABLE (?:IF NOT EXISTS )?(\w+)/g),
      ].map((m) => m[1]!),
    ),
  )
  for (const table of [names.table, names.eventsTable])
    if (tables.has(table)) refuse(`a table ${table} exists already: pick another case name (--case)`)
  return names
}

/** Template file → where it goes: __module__, __case__, __cases__ and __migration__ in paths are names. */
function templateTargets(names: Names): [string, string][] {
  const roots: [string, string][] = [
    ['server', `server/src/modules/${names.module}`],
    ['web', `web/src/features/${names.module}`],
    ['migrations', 'server/migrations'],
  ]
  return roots.flatMap(([from, to]) =>
    filesUnder(path.join(TEMPLATES, from)).map((template): [string, string] => {
      const relative = path
        .relative(path.join(TEMPLATES, from), template)
        .replace(/\.tpl$/, '')
        .replaceAll('__module__', names.module)
        .replaceAll('__cases__', names.casesPascal)
        .replaceAll('__case__', names.case)
        .replace('__migration__', names.migrationFile)
      return [template, path.posix.join(to, relative.split(path.sep).join('/'))]
    }),
  )
}

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
    )
    .sort()
}

/** `{{name}}` → the name's spelling; a placeholder with no such name is a bug in a template. */
export function render(template: string, names: Names): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    if (!Object.hasOwn(names, key)) throw new Error(`template placeholder {{${key}}} is not a name`)
    return String(names[key as keyof Names])
  })
}

async function format(target: string, text: string): Promise<string> {
  if (target.endsWith('.sql')) return text
  const config = await prettier.resolveConfig(path.join(OWN_ROOT, target))
  return prettier.format(text, { ...config, filepath: target })
}

async function editList(root: string, list: string, edit: (text: string) => string) {
  const file = path.join(root, list)
  fs.writeFileSync(file, await format(list, edit(fs.readFileSync(file, 'utf8'))))
}

/** Inserts `line` after the last line matching `after`. */
function insertAfterLast(lines: string[], after: RegExp, line: string, what: string) {
  const at = lines.findLastIndex((l) => after.test(l))
  if (at < 0) refuse(`cannot find where to add ${what}`)
  lines.splice(at + 1, 0, line)
}

/** Inserts `line` before the `]` that closes the array declared on the line matching `declared`. */
function appendToArray(lines: string[], declared: RegExp, line: string, what: string) {
  const start = lines.findIndex((l) => declared.test(l))
  const end = lines.findIndex((l, i) => i > start && l === ']')
  if (start < 0 || end < 0) refuse(`cannot find ${what}`)
  lines.splice(end, 0, line)
}

export function addModule(text: string, n: Names): string {
  const lines = text.split('\n')
  insertAfterLast(
    lines,
    /^import \w+ from '\.\/[\w-]+\/[\w-]+\.module'$/,
    `import ${n.moduleCamel} from './${n.module}/${n.module}.module'`,
    'the import of the module',
  )
  appendToArray(lines, /^export const MODULES\b/, `  ${n.moduleCamel},`, 'the list MODULES')
  return lines.join('\n')
}

export function addFeature(text: string, n: Names): string {
  const lines = text.split('\n')
  insertAfterLast(
    lines,
    /^import \{ \w+Feature \} from '\.\.\/features\//,
    `import { ${n.moduleCamel}Feature } from '../features/${n.module}/feature'`,
    'the import of the feature',
  )
  insertAfterLast(
    lines,
    /^import type \w+Messages from '\.\.\/features\//,
    `import type ${n.moduleCamel}Messages from '../features/${n.module}/messages.zh-CN.json'`,
    "the import of the feature's messages",
  )
  appendToArray(lines, /^export const FEATURES\b/, `  ${n.moduleCamel}Feature,`, 'the list FEATURES')
  const start = lines.findIndex((l) => l.startsWith('export type FeatureMessages ='))
  let last = start
  while (lines[last + 1]?.startsWith('  typeof ')) last++
  if (start < 0) refuse('cannot find the type FeatureMessages')
  lines[last] = `${lines[last]} &\n  typeof ${n.moduleCamel}Messages`
  return lines.join('\n')
}
