// npm run test:midnight — the server tests once more with the process clock set one minute before
// midnight in Dalian on New Year's Eve (the eve of a public holiday, and of a new year), so the suite
// crosses into the holiday while it runs: any test that reads "today" from UTC or from the wall clock
// without pinning it fails here. Uses Debian's libfaketime (`apt-get install faketime`); the clock
// keeps ticking from the fake start. Monotonic clocks stay real so timers behave.
import { execFileSync, execSync } from 'node:child_process'

try {
  execSync('command -v faketime', { stdio: 'ignore' })
} catch {
  console.error('faketime is not installed: apt-get install -y faketime')
  process.exit(1)
}
const year = new Date().getUTCFullYear()
// 23:59:00 Asia/Shanghai on 31 December is 15:59:00 UTC.
const start = process.env.FAKE_START ?? `${year}-12-31 15:59:00`
console.log(`server tests with the clock starting at ${start} UTC (23:59 in Dalian, New Year's Eve)`)
execFileSync('faketime', [start, 'npm', 'test', '-w', 'server'], {
  stdio: 'inherit',
  env: { ...process.env, TZ: 'UTC', FAKETIME_DONT_FAKE_MONOTONIC: '1' },
})
