import { daysBetween } from '../../kernel/calendar/zoned-time'

/**
 * 综合查一次, pure: inspections of one enterprise by different bodies planned within the window of
 * each other are proposed as one joint visit. Greedy in date order: a group starts at its earliest
 * inspection and takes every later one within the window of that start, so no two inspections of a
 * group are further apart than the window.
 */
export type JointCandidate = {
  id: string
  enterpriseId: string
  departmentId: string
  /** 'YYYY-MM-DD' */
  plannedOn: string
  windowEndsOn: string
}

export type JointGroup<C extends JointCandidate> = {
  enterpriseId: string
  inspections: C[]
  /** the latest start if it is inside every window (a day all can meet), else null */
  suggestedOn: string | null
}

export function groupJointCandidates<C extends JointCandidate>(
  candidates: readonly C[],
  windowDays: number,
): JointGroup<C>[] {
  const byEnterprise = new Map<string, C[]>()
  for (const c of candidates) {
    const list = byEnterprise.get(c.enterpriseId)
    if (list) list.push(c)
    else byEnterprise.set(c.enterpriseId, [c])
  }
  const groups: JointGroup<C>[] = []
  for (const [enterpriseId, list] of byEnterprise) {
    const sorted = [...list].sort((a, b) =>
      a.plannedOn === b.plannedOn ? a.id.localeCompare(b.id) : a.plannedOn.localeCompare(b.plannedOn),
    )
    let current: C[] = []
    const close = () => {
      if (new Set(current.map((c) => c.departmentId)).size >= 2) {
        groups.push({ enterpriseId, inspections: current, suggestedOn: meetingDay(current) })
      }
    }
    for (const c of sorted) {
      if (current.length && daysBetween(current[0]!.plannedOn, c.plannedOn) > windowDays) {
        close()
        current = []
      }
      current.push(c)
    }
    close()
  }
  return groups
}

/** A day inside every inspection's window: the latest start, when no window has ended by then. */
export function meetingDay(inspections: readonly JointCandidate[]): string | null {
  const start = inspections.map((i) => i.plannedOn).reduce((a, b) => (a > b ? a : b))
  const end = inspections.map((i) => i.windowEndsOn).reduce((a, b) => (a < b ? a : b))
  return start <= end ? start : null
}

/** Whether a day falls inside an inspection's window (the joint visit's day must, for each). */
export function isWithinWindow(day: string, inspection: Pick<JointCandidate, 'plannedOn' | 'windowEndsOn'>) {
  return inspection.plannedOn <= day && day <= inspection.windowEndsOn
}
