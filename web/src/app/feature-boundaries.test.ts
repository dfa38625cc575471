import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

/*
 * The boundary of decision 0035, held by eslint.config.js: a feature imports ui/ and app/, never
 * another feature; ui/ imports no feature. Linted as if the code were in these files.
 */
const root = new URL('../../../', import.meta.url).pathname
const eslint = new ESLint({ cwd: root })

async function problems(code: string, filePath: string) {
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` })
  return result!.messages.map((m) => m.ruleId)
}

describe('web feature boundaries', () => {
  it('refuse a static or lazy import of another feature', async () => {
    const file = 'web/src/features/benefits/probe.ts'
    expect(await problems("export { policiesApi } from '../policies/policies.api'\n", file)).toEqual([
      'no-restricted-imports',
    ])
    expect(await problems("import { X } from '../../appeals/staff/RatingBar'\nexport { X }\n", file)).toEqual(
      ['no-restricted-imports'],
    )
    expect(
      await problems("export const load = () => import('../appeals/mobile/MyAppealsPage')\n", file),
    ).toEqual(['no-restricted-syntax'])
  }, 30_000)

  it('allow the feature itself, ui/ and app/', async () => {
    const file = 'web/src/features/benefits/staff/probe.ts'
    const code = [
      "export { benefitsApi } from '../benefits.api'",
      "export { RatingBar } from '../../../ui/staff/RatingBar'",
      "export { Slot } from '../../../app/slots'",
      '',
    ].join('\n')
    expect(await problems(code, file)).toEqual([])
  }, 30_000)

  it('keep ui/ free of features', async () => {
    expect(
      await problems("export { appealsApi } from '../features/appeals/appeals.api'\n", 'web/src/ui/probe.ts'),
    ).toEqual(['no-restricted-imports'])
  }, 30_000)
})
