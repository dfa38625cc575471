import type { AppDeps } from '../../kernel/http/app-env'

/**
 * The hook the problem-classes module (堵点难点, issue 13 — built in parallel) fills when it lands:
 * the classes with the most appeals since `from`, under the reader's scope. Until a module registers
 * a source the cockpit answers `problemClasses: null` ("not installed"), never an empty list.
 */
export type ProblemClassFigure = { id: string; title: string; appeals: number; status: string }
export type ProblemClassSource = (
  deps: AppDeps,
  query: { from: Date; scope: string[] | 'all' },
) => Promise<ProblemClassFigure[]>

let source: ProblemClassSource | null = null

/** Called once by the module that owns problem classes, from a file its entry imports. */
export function registerProblemClassSource(next: ProblemClassSource): void {
  source = next
}

export function problemClassSource(): ProblemClassSource | null {
  return source
}
