/**
 * Ratios against a baseline on a machine whose speed swings: the same bare hello route has measured
 * 13 to 30 µs of CPU a request from one run to the next here, and twofold swings within a minute — so
 * two loads run one after the other measure the swing as much as the code. Each round runs the
 * baseline and then its subjects, back to back; a ratio is taken within each round; the round with
 * the median ratio is reported, and every round's ratio is printed beside it.
 */

/** Rounds per ratio (BENCH_ROUNDS, default 3; an odd number has one median). */
export const benchRounds = () => Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3))

/** The round whose ratio is the median (the upper one of an even count), and every round's ratio. */
export function medianRound<R>(rounds: R[], ratio: (round: R) => number): { round: R; ratios: number[] } {
  if (rounds.length === 0) throw new Error('no rounds to take a median of')
  const sorted = [...rounds].sort((a, b) => ratio(a) - ratio(b))
  return { round: sorted[Math.floor(sorted.length / 2)]!, ratios: rounds.map(ratio) }
}

/** "0.31, 0.24, 0.35" */
export const formatRatios = (ratios: number[]) => ratios.map((r) => r.toFixed(2)).join(', ')
