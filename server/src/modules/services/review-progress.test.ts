import { describe, expect, it } from 'vitest'
import { initialStatuses, progressReview, type ReviewTask, type TaskStatus } from './review-progress'

/** Stage progression as a table: tasks + one decision → the result and the stage opened. */
const task = (
  id: string,
  stage: number,
  status: TaskStatus,
  role: ReviewTask['role'] = 'handler',
): ReviewTask => ({
  id,
  stage,
  role,
  status,
  outcome: status === 'done' ? 'approve' : null,
  assigneeId: status === 'claimed' || status === 'done' ? 'u-old' : null,
  decidedBy: status === 'done' ? 'u-old' : null,
})

// two sequential steps: a handler reviews, the head approves
const sequential = (first: TaskStatus, second: TaskStatus) => [
  task('review', 1, first),
  task('approve', 2, second, 'department_head'),
]
// a parallel first stage (two handlers), then the head
const parallel = (a: TaskStatus, b: TaskStatus) => [
  task('a', 1, a),
  task('b', 1, b),
  task('approve', 2, 'waiting', 'department_head'),
]

describe('progressReview', () => {
  it.each([
    [
      'first of two stages approves: the second opens',
      sequential('claimed', 'waiting'),
      'review',
      'approve',
      'continue',
      2,
    ],
    [
      'the last stage approves: approved',
      sequential('done', 'claimed'),
      'approve',
      'approve',
      'approved',
      null,
    ],
    ['the last stage refuses: refused', sequential('done', 'claimed'), 'approve', 'refuse', 'refused', null],
    [
      'an earlier handler refuses: an opinion, the head decides',
      sequential('open', 'waiting'),
      'review',
      'refuse',
      'continue',
      2,
    ],
    [
      'the last stage returns: the first reopens',
      sequential('done', 'claimed'),
      'approve',
      'return',
      'continue',
      1,
    ],
    [
      'one of two parallel steps approves: the stage waits for the other',
      parallel('claimed', 'open'),
      'a',
      'approve',
      'continue',
      null,
    ],
    [
      'the second parallel step approves: the next stage opens',
      parallel('done', 'claimed'),
      'b',
      'approve',
      'continue',
      2,
    ],
    ['a single last step approves: approved', [task('only', 1, 'open')], 'only', 'approve', 'approved', null],
    [
      'a department head’s early step refuses: refused',
      [task('h', 1, 'open', 'department_head'), task('x', 2, 'waiting')],
      'h',
      'refuse',
      'refused',
      null,
    ],
  ] as const)('%s', (_name, tasks, taskId, outcome, result, openedStage) => {
    const progress = progressReview(tasks, { taskId, outcome, by: 'u-new' })
    expect(progress.result).toBe(result)
    expect(progress.openedStage).toBe(openedStage)
  })

  it('a return gives the previous stage back to whoever decided it and lets the returning stage wait', () => {
    const progress = progressReview(sequential('done', 'claimed'), {
      taskId: 'approve',
      outcome: 'return',
      by: 'u-new',
    })
    expect(progress.changes).toEqual([
      { id: 'review', status: 'claimed', outcome: null, assigneeId: 'u-old', decided: false },
      { id: 'approve', status: 'waiting', outcome: null, assigneeId: null, decided: false },
    ])
  })

  it('the decided task is done with its outcome and decider; the next stage opens unassigned', () => {
    const progress = progressReview(sequential('open', 'waiting'), {
      taskId: 'review',
      outcome: 'approve',
      by: 'u-new',
    })
    expect(progress.changes).toEqual([
      { id: 'review', status: 'done', outcome: 'approve', assigneeId: 'u-new', decided: true },
      { id: 'approve', status: 'open', assigneeId: null },
    ])
  })

  it('stages need not be numbered from 1: the lowest opens first', () => {
    expect(initialStatuses([{ stage: 3 }, { stage: 3 }, { stage: 7 }])).toEqual(['open', 'open', 'waiting'])
  })
})
