import type { ReviewStep } from './services.tables'

/**
 * How an application's review moves on, as a pure function of its tasks and one decision (tested with
 * a table of cases). Steps sharing a stage run in parallel, stages in order; the next stage opens when
 * every task of the current one is done. Who may decide: a step of the last stage, or any department
 * head's step — a refusal there refuses the application; an earlier handler's refusal is an opinion
 * (拟不予许可) that goes up to those who decide, like an approval does.
 */
export type TaskStatus = 'waiting' | 'open' | 'claimed' | 'done'
export type TaskOutcome = 'approve' | 'refuse' | 'return'

export type ReviewTask = {
  id: string
  stage: number
  role: ReviewStep['role']
  status: TaskStatus
  outcome: TaskOutcome | null
  assigneeId: string | null
  decidedBy: string | null
}

/** What changes on one task: only the fields listed. */
export type TaskChange = {
  id: string
  status: TaskStatus
  outcome?: TaskOutcome | null
  assigneeId?: string | null
  decided?: boolean
}

export type ReviewResult = 'continue' | 'approved' | 'refused'

export type ReviewProgress = {
  result: ReviewResult
  changes: TaskChange[]
  /** the stage opened by this decision (a next one, or the previous one after a return) */
  openedStage: number | null
}

/** Whether a decision on this task may end the review (the last stage, or a department head's step). */
export function mayDecide(task: Pick<ReviewTask, 'stage' | 'role'>, lastStage: number): boolean {
  return task.stage === lastStage || task.role === 'department_head'
}

export function lastStageOf(tasks: readonly Pick<ReviewTask, 'stage'>[]): number {
  return tasks.reduce((max, t) => Math.max(max, t.stage), 0)
}

/** The stages in order (they need not be numbered 1, 2, 3…). */
function stagesOf(tasks: readonly ReviewTask[]): number[] {
  return [...new Set(tasks.map((t) => t.stage))].sort((a, b) => a - b)
}

/** The opening of a review: the first stage's tasks open, the rest wait. */
export function initialStatuses(steps: readonly Pick<ReviewStep, 'stage'>[]): TaskStatus[] {
  const first = Math.min(...steps.map((s) => s.stage))
  return steps.map((s) => (s.stage === first ? 'open' : 'waiting'))
}

/**
 * One decision on one task (the caller checked it is the decider's to take) and what follows.
 * A return reopens the previous stage with each task given back to whoever decided it; the
 * returning stage waits again. A return from the first stage is refused by the caller (`previousStage`).
 */
export function progressReview(
  tasks: readonly ReviewTask[],
  decision: { taskId: string; outcome: TaskOutcome; by: string },
): ReviewProgress {
  const task = tasks.find((t) => t.id === decision.taskId)
  if (!task) throw new Error(`review: no task ${decision.taskId}`)
  const stages = stagesOf(tasks)
  const last = stages[stages.length - 1]!

  if (decision.outcome === 'return') {
    const previous = previousStage(tasks, task.stage)
    if (previous === null) throw new Error('review: a first stage has nothing to return to')
    const changes: TaskChange[] = []
    for (const t of tasks) {
      if (t.stage === task.stage)
        changes.push({ id: t.id, status: 'waiting', outcome: null, assigneeId: null, decided: false })
      else if (t.stage === previous)
        changes.push({
          id: t.id,
          status: t.decidedBy ? 'claimed' : 'open',
          outcome: null,
          assigneeId: t.decidedBy,
          decided: false,
        })
    }
    // the returning task itself records that it returned (the note goes on the timeline)
    return { result: 'continue', changes, openedStage: previous }
  }

  const done: TaskChange = {
    id: task.id,
    status: 'done',
    outcome: decision.outcome,
    assigneeId: decision.by,
    decided: true,
  }
  if (decision.outcome === 'refuse' && mayDecide(task, last))
    return { result: 'refused', changes: [done], openedStage: null }

  const stageDone = tasks.every((t) => t.stage !== task.stage || t.id === task.id || t.status === 'done')
  if (!stageDone) return { result: 'continue', changes: [done], openedStage: null }
  if (task.stage === last) return { result: 'approved', changes: [done], openedStage: null }
  const next = stages[stages.indexOf(task.stage) + 1]!
  const opened: TaskChange[] = tasks
    .filter((t) => t.stage === next)
    .map((t) => ({ id: t.id, status: 'open' as const, assigneeId: null }))
  return { result: 'continue', changes: [done, ...opened], openedStage: next }
}

/** The stage before this one, or null for the first. */
export function previousStage(tasks: readonly Pick<ReviewTask, 'stage'>[], stage: number): number | null {
  const earlier = tasks.map((t) => t.stage).filter((s) => s < stage)
  return earlier.length ? Math.max(...earlier) : null
}
