import path from 'node:path'
import { parseArgs } from 'node:util'
import { generateModule, NewModuleRefused } from './new-module/generate'

/**
 * `npm run new:module -- NAME [--case CASE] [--migration NNNN] [--case-label-zh 办件]`: writes the
 * skeleton of a new capability (docs/NEW-MODULE.md) and says what to do next.
 */
const ROOT = path.resolve(import.meta.dirname, '../..')

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    case: { type: 'string' },
    migration: { type: 'string' },
    'case-label-zh': { type: 'string' },
  },
})

if (positionals.length !== 1) {
  console.error('usage: npm run new:module -- NAME [--case CASE] [--migration NNNN] [--case-label-zh 办件]')
  process.exit(1)
}

try {
  const written = await generateModule(ROOT, {
    module: positionals[0]!,
    case: values.case,
    migration: values.migration === undefined ? undefined : Number(values.migration),
    caseLabelZh: values['case-label-zh'],
  })
  console.log(`wrote:\n${written.map((f) => `  ${f}`).join('\n')}`)
  console.log(
    'next: npx tsc -p server --noEmit && npx tsc -p web --noEmit, then run the new tests (docs/NEW-MODULE.md)',
  )
} catch (error) {
  if (!(error instanceof NewModuleRefused)) throw error
  console.error(`new:module: ${error.message}`)
  process.exit(1)
}
