import { sql } from 'kysely'
import type { Executor, Tx } from '../../kernel/db/database'
import type { AppealStatus } from './appeals.tables'

/** Open appeals like a text: duplicates in triage, and an enterprise spared filing twice. */

/**
 * Open appeals like a text: candidates share one of its rarer words (`candidates`, through the
 * open-appeals index); they are ranked by overlap with all its words (cosine over the word sets) and
 * by trigram similarity of the titles, which also catches near-identical titles the segmenter cut
 * differently.
 */
export async function findSimilarOpen(
  db: Executor,
  words: string[],
  candidates: string[],
  filter: {
    title: string
    enterpriseId?: string | undefined
    excludeId?: string | undefined
    statuses: AppealStatus[]
  },
  limit: number,
) {
  if (words.length === 0 || candidates.length === 0) return []
  let q = db
    .selectFrom('appeals')
    .select(['id', 'number', 'title', 'status'])
    .select(
      sql<number>`0.7 * cardinality(ARRAY(SELECT unnest(words) INTERSECT SELECT unnest(${words}::text[])))::float / sqrt(greatest(cardinality(words), 1) * ${words.length})
        + 0.3 * similarity(title, ${filter.title})`.as('score'),
    )
    .where(sql<boolean>`words && ${candidates}::text[]`)
    .where('status', 'in', filter.statuses)
  if (filter.enterpriseId) q = q.where('enterprise_id', '=', filter.enterpriseId)
  if (filter.excludeId) q = q.where('id', '<>', filter.excludeId)
  return q
    .orderBy(sql`score`, 'desc')
    .limit(limit)
    .execute()
}

/** How many open appeals used each of these words at the last refresh (absent: none then). */
export async function findWordFrequencies(db: Executor, words: string[]): Promise<Map<string, number>> {
  if (words.length === 0) return new Map()
  const rows = await db
    .selectFrom('appeal_word_frequencies')
    .select(['word', 'open_appeals'])
    .where('word', 'in', words)
    .execute()
  return new Map(rows.map((r) => [r.word, r.open_appeals]))
}

/** Recounts the words of the open appeals, replacing the previous counts in one transaction. */
export async function replaceWordFrequencies(tx: Tx, statuses: AppealStatus[]): Promise<number> {
  await tx.deleteFrom('appeal_word_frequencies').execute()
  const result = await sql`
    INSERT INTO appeal_word_frequencies (word, open_appeals)
    SELECT w, count(*)::int FROM appeals, unnest(words) AS w
    WHERE status IN (${sql.join(statuses)})
    GROUP BY w`.execute(tx)
  return Number(result.numAffectedRows ?? 0)
}
