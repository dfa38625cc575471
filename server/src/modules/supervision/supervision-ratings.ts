import type { AppDeps } from '../../kernel/http/app-env'
import { onRatingRecorded } from '../ratings'
import { onBadRatingRecorded } from './supervision.service'

/**
 * The repeated-bad-ratings source: every rating the ratings module records passes here, inside the
 * transaction that wrote it. The registry hands listeners the transaction only; the ladder needs the
 * calendar and the notifier too, so it uses the dependencies its module was started with
 * (bindSupervisionDeps, from the module's jobs hook). Before that (a process that does not run the
 * app), ratings count toward nothing here.
 */
let bound: AppDeps | undefined

export function bindSupervisionDeps(deps: AppDeps): void {
  bound = deps
}

onRatingRecorded(async (tx, rating) => {
  if (bound) await onBadRatingRecorded(bound, tx, rating)
})
