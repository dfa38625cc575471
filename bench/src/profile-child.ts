import type { ChildProcess } from 'node:child_process'
import path from 'node:path'

/**
 * BENCH_CPU_PROF=1: a V8 profile of the bench server (serve-for-bench.ts) during one measured run
 * only, written to bench/<name>.cpuprofile — without it the profile of the whole process mixes the
 * hello route, the warm-up and the other runs into the one that matters. Without the variable, just
 * the run.
 */
export async function profiledRun<T>(child: ChildProcess, name: string, run: () => Promise<T>): Promise<T> {
  if (!process.env.BENCH_CPU_PROF) return run()
  const answer = (key: string) =>
    new Promise<void>((resolve) => {
      const listener = (message: unknown) => {
        if ((message as Record<string, unknown> | null)?.[key]) {
          child.off('message', listener)
          resolve()
        }
      }
      child.on('message', listener)
    })
  const started = answer('profiling')
  child.send({ profile: 'start' })
  await started
  try {
    return await run()
  } finally {
    const file = path.resolve(import.meta.dirname, '..', `${name}.cpuprofile`)
    const stopped = answer('profiled')
    child.send({ profile: 'stop', file })
    await stopped
    console.error(`  # profile of ${name}: ${file}`)
  }
}
