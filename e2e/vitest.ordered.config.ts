import { defineConfig, mergeConfig } from 'vitest/config'
import { BaseSequencer, type TestSpecification } from 'vitest/node'
import base from './vitest.config'

/*
 * The journeys named in E2E_ORDER (parts of their file names, comma-separated), in that order and
 * no others — to run a failed CI's journeys in the order CI ran them, since journeys share one
 * server and its data:
 *   cd e2e && E2E_ORDER=benefit-without-application,random-draw,policy-finds-enterprise \
 *     npx vitest run -c vitest.ordered.config.ts
 */
const order = (process.env.E2E_ORDER ?? '').split(',').filter(Boolean)

class Ordered extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => order.findIndex((part) => file.moduleId.includes(part))
    return files.filter((file) => rank(file) >= 0).sort((a, b) => rank(a) - rank(b))
  }
}

export default mergeConfig(base, defineConfig({ test: { sequence: { sequencer: Ordered } } }))
