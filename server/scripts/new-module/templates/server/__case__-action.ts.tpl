import type { Updateable } from 'kysely'
import type { UserActor } from '../../kernel/auth/actor'
import { runCaseAction, type CaseKind, type CaseOutcome } from '../../kernel/cases/action-runner'
import type { Tx } from '../../kernel/db/database'
import type { ErrorCode } from '../../kernel/errors'
import type { AppDeps } from '../../kernel/http/app-env'
import type { {{casesPascal}}Table } from './{{module}}.tables'
import * as q from './{{module}}.queries'
import type { {{casePascal}}Row } from './{{module}}.queries'
import {
  {{caseScreaming}}_TABLE,
  type {{casePascal}}Action,
  type {{casePascal}}Role,
  type {{casePascal}}State,
} from './{{case}}-states'

/**
 * The {{caseWordsEn}} on the case kit (kernel/cases): how it is stored, and which roles the caller
 * holds on it. The kit's runner does the rest the same way for every case: lock, check the role,
 * ask the table, do the action's work, then write the new state, the timeline event and the audit
 * row — all in one transaction.
 */
type {{casePascal}}Changes = Updateable<{{casesPascal}}Table>

export type {{casePascal}}Context = { deps: AppDeps; tx: Tx; actor: UserActor; row: {{casePascal}}Row; now: Date }

export type {{casePascal}}Outcome = Omit<CaseOutcome<{{casePascal}}State, {{casePascal}}Changes>, 'to'>

const {{caseScreaming}}_KIND: CaseKind<
  {{casePascal}}Row,
  {{casePascal}}State,
  {{casePascal}}Action,
  {{casePascal}}Role,
  ErrorCode,
  never,
  {{casePascal}}Changes,
  string
> = {
  entityType: '{{caseSnake}}',
  table: {{caseScreaming}}_TABLE,
  idOf: (row) => row.id,
  stateOf: (row) => row.status,
  save: async (tx, row, changes, to) => {
    await q.update{{casePascal}}(tx, row.id, { ...changes, status: to })
    return row.id
  },
  eventInsert: (tx, row, event) => q.{{caseCamel}}EventInsert(tx, row.id, event),
}

/**
 * Runs an action on one {{caseWordsEn}} of the caller's (another's is "not found"); answers its id.
 * Whoever opened it is its applicant.
 */
export async function run{{casePascal}}Action(
  deps: AppDeps,
  user: UserActor,
  id: string,
  action: {{casePascal}}Action,
  work: (ctx: {{casePascal}}Context) => Promise<{{casePascal}}Outcome>,
): Promise<string> {
  return runCaseAction(
    deps.db,
    {{caseScreaming}}_KIND,
    action,
    async (tx) => {
      const row = await q.lock{{casePascal}}(tx, id, user.userId)
      if (!row) return undefined
      const roles: {{casePascal}}Role[] = ['applicant']
      return { ctx: { deps, tx, actor: user, row, now: new Date() }, roles }
    },
    work,
  )
}
