import { parentPort } from 'node:worker_threads'
import { drawTier, type DrawList, type DrawOutcome, type DrawTier } from './draw-algorithm'

/** The worker thread of draw-threads.ts: makes the tiers it is sent with drawTier, nothing else. */

export type DrawWorkerRequest = {
  id: number
  seed: string
  list: Pick<DrawList, 'ratios' | 'inspectors' | 'inspectorsPerTarget' | 'conflicts'>
  tiers: { tier: DrawTier; ids: string[] }[]
}
export type DrawWorkerAnswer =
  { id: number; parts: { tier: DrawTier; outcome: DrawOutcome }[] } | { id: number; error: string }

parentPort!.on('message', (request: DrawWorkerRequest) => {
  try {
    const recused = new Map<string, Set<string>>()
    for (const [inspectorId, enterpriseId] of request.list.conflicts) {
      const set = recused.get(enterpriseId) ?? new Set<string>()
      set.add(inspectorId)
      recused.set(enterpriseId, set)
    }
    const parts = request.tiers.map(({ tier, ids }) => ({
      tier,
      outcome: drawTier(request.list, tier, ids, recused, request.seed),
    }))
    parentPort!.postMessage({ id: request.id, parts } satisfies DrawWorkerAnswer)
  } catch (error) {
    parentPort!.postMessage({ id: request.id, error: (error as Error).stack ?? String(error) })
  }
})
