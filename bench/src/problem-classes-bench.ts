import type { UserActor } from '../../server/src/kernel/auth/actor'
import {
  runClustering,
  startClusteringRun,
} from '../../server/src/modules/problem-classes/problem-classes.service'
import { generateAppealsData } from './appeals-data'
import { openBenchApp } from './bench-app'
import { note, type Report } from './report'

/** The target: a month's appeals clustered into problem classes within 60 s on PostgreSQL. */
const TARGET_SECONDS = 60
const MONTH = '2026-11'

/**
 * Problem classes (issue 13 item 6): a month of appeals (1,000,000 a year is ~83,000 a month) and
 * that month's bad ratings clustered by the job the bureau's button and the monthly timer queue —
 * read from PostgreSQL, segmented words, TF-IDF + MinHash LSH, proposals and their cases written
 * back. The appeals come from the appeals suite's generator (its texts and departments), spread over
 * one month; a bad rating with a comment for every 20th.
 */
export async function runProblemClassesSuite(options: { appeals: number; report: Report }) {
  const bench = await openBenchApp('postgres', { name: 'problems' })
  try {
    const started = performance.now()
    await generateAppealsData(bench.deps, bench.databaseUrl!, { appeals: options.appeals })
    // Squeeze the generated year into November 2026 (Beijing), keeping the order of filing.
    await bench.deps.database.executeSql(
      `WITH span AS (SELECT min(created_at) AS a, max(created_at) AS b FROM appeals)
       UPDATE appeals SET created_at = timestamptz '2026-10-31T16:00:00Z'
         + (created_at - span.a) * (extract(epoch FROM interval '29 days') / greatest(extract(epoch FROM span.b - span.a), 1))
       FROM span`,
    )
    await bench.deps.database.executeSql(
      `INSERT INTO ratings (subject_type, subject_id, department_id, enterprise_id, level, comment, rated_at)
       SELECT 'appeal', a.id, l.department_id, a.enterprise_id, 1, a.title || '，还是没有解决', a.created_at + interval '1 day'
       FROM appeals a LEFT JOIN appeal_assignments l ON l.appeal_id = a.id AND l.role = 'lead' AND l.is_current
       WHERE a.created_at < timestamptz '2026-11-29T16:00:00Z' AND ('x' || substr(a.id::text, 1, 8))::bit(32)::int % 20 = 0`,
    )
    await bench.deps.database.executeSql('ANALYZE appeals; ANALYZE ratings')
    note(
      `data: ${options.appeals} appeals in ${MONTH} in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    )

    const dispatcher = await bench.deps.db
      .selectFrom('users')
      .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
      .select(['users.id', 'user_roles.department_id'])
      .where('users.username', '=', 'dispatcher')
      .executeTakeFirstOrThrow()
    const actor: UserActor = {
      kind: 'user',
      userId: dispatcher.id,
      userKind: 'staff',
      label: 'dispatcher',
      departmentId: dispatcher.department_id,
      roles: [{ role: 'dispatcher', departmentId: dispatcher.department_id! }],
      sessionId: 'bench',
      mustChangePassword: false,
      consentPending: false,
    }
    const run = await startClusteringRun(bench.deps, actor, { month: MONTH })
    const t = performance.now()
    await runClustering(bench.deps, run.id)
    const seconds = (performance.now() - t) / 1000
    const done = await bench.deps.db
      .selectFrom('problem_clustering_runs')
      .selectAll()
      .where('id', '=', run.id)
      .executeTakeFirstOrThrow()
    if (done.status !== 'done') throw new Error(`clustering ${done.status}: ${done.failure}`)
    const sizes = await bench.deps.db
      .selectFrom('problem_proposals')
      .select(['size', 'top_words'])
      .where('run_id', '=', run.id)
      .orderBy('size', 'desc')
      .limit(5)
      .execute()
    note(
      `problem classes: ${done.item_count} cases read, ${done.proposal_count} proposals; largest: ` +
        sizes.map((s) => `${s.size} (${s.top_words.slice(0, 3).join(' ')})`).join(', '),
    )
    options.report(
      `problem-classes cluster a month (${done.item_count} cases)`,
      seconds,
      's',
      TARGET_SECONDS,
      `the ${TARGET_SECONDS} s target`,
      false,
    )
  } finally {
    await bench.close()
  }
}
