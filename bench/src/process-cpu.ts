import fs from 'node:fs'

/**
 * CPU time (user + system, ms) the given processes have used so far, from /proc; null where /proc is
 * not there. Taken before and after a load run, divided by its requests: the server's CPU per request,
 * which holds still when the machine's other load moves req/s (decision 0066).
 */
export function cpuMsOf(pids: number[]): number | null {
  try {
    let ticks = 0
    for (const pid of pids) {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
      ticks += Number(fields[11]) + Number(fields[12]) // utime, stime
    }
    return ticks * 10 // USER_HZ is 100 on Linux
  } catch {
    return null
  }
}
