import { beforeEach } from 'vitest'
import { forgetPages, troublesReport } from './browser'

// Each journey file runs this first (vitest.config.ts setupFiles): when a journey fails, the API's
// refusals and the page errors its pages met are printed beside the failure.
beforeEach(({ onTestFailed }) => {
  forgetPages()
  onTestFailed(() => {
    const report = troublesReport()
    if (report) console.error(`what the journey's pages met:\n${report}`)
  })
})
