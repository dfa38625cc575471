/**
 * Groups similar texts (appeals, bad ratings' comments) into problem classes: pure and
 * deterministic — the same texts give the same groups in the same order, whatever order they come in.
 *
 * The words are the appeals' own (appeals' wordsOf: jieba search-mode cut, stop words dropped), the
 * similarity is cosine over TF-IDF weights of those words (a word one text in twenty uses says little;
 * a place or a licence name says much). Comparing every pair is O(n²) — 83,000 appeals a month would
 * be 3.4 billion pairs — so candidates come from MinHash locality-sensitive hashing: `bands` bands of
 * `rows` minimum hashes each; two texts share a band's bucket with probability 1 − (1 − J^rows)^bands
 * for word-set Jaccard similarity J (rows 2, bands 16: J 0.35 → 0.87, J 0.1 → 0.15). Within a bucket a
 * text is compared only with the bucket's first few texts (its leaders), and joins the group of its most
 * similar leader at or above `threshold` (union–find), so the work is linear in the texts.
 */

export type ClusterInput = { key: string; words: readonly string[] }

export type ClusterOptions = {
  /** cosine of TF-IDF vectors at or above which two texts are the same problem */
  threshold: number
  /** the fewest texts a proposal needs */
  minSize: number
  /** a word in more than this share of the texts (and more than `commonFloor` texts) is ignored */
  maxShare: number
  commonFloor: number
  bands: number
  rows: number
  /** texts per bucket a newcomer is compared with */
  leadersPerBucket: number
  /** words shown per group */
  topWords: number
}

export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = {
  threshold: 0.4,
  minSize: 3,
  maxShare: 0.05,
  commonFloor: 50,
  bands: 16,
  rows: 2,
  leadersPerBucket: 8,
  topWords: 5,
}

export type Cluster = {
  /** the keys of the texts in the group, in key order */
  keys: string[]
  /** the words that weigh most in the group, heaviest first */
  topWords: string[]
}

/** A sparse unit vector: word ids ascending and their weights. */
type Vector = { ids: Int32Array; weights: Float64Array }

function fnv1a(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

function mix(h: number, seed: number): number {
  let x = (h ^ seed) >>> 0
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b)
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35)
  return (x ^ (x >>> 16)) >>> 0
}

function cosine(a: Vector, b: Vector): number {
  let i = 0
  let j = 0
  let sum = 0
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]!
    const y = b.ids[j]!
    if (x === y) sum += a.weights[i++]! * b.weights[j++]!
    else if (x < y) i++
    else j++
  }
  return sum
}

/** Words kept in a group's centroid, and those of them that find other groups. */
const CENTROID_WORDS = 32
const CENTROID_KEYS = 3

function groupsOf(n: number, vectors: Vector[], find: (i: number) => number): Map<number, number[]> {
  const groups = new Map<number, number[]>()
  for (let d = 0; d < n; d++) {
    if (vectors[d]!.ids.length === 0) continue
    const root = find(d)
    const group = groups.get(root)
    if (group) group.push(d)
    else groups.set(root, [d])
  }
  return groups
}

/** The summed weights of a group's words: each word's total over the group's texts. */
function weightsOf(members: readonly number[], vectors: Vector[]): Map<number, number> {
  const weight = new Map<number, number>()
  for (const d of members) {
    const v = vectors[d]!
    for (let i = 0; i < v.ids.length; i++) weight.set(v.ids[i]!, (weight.get(v.ids[i]!) ?? 0) + v.weights[i]!)
  }
  return weight
}

/** The unit vector of a group's `size` heaviest words (ties: the lower word id). */
function centroidOf(members: readonly number[], vectors: Vector[], size: number): Vector {
  const top = [...weightsOf(members, vectors)].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, size)
  top.sort((a, b) => a[0] - b[0])
  const norm = Math.sqrt(top.reduce((s, [, w]) => s + w * w, 0)) || 1
  return { ids: Int32Array.from(top, ([id]) => id), weights: Float64Array.from(top, ([, w]) => w / norm) }
}

function heaviest(v: Vector, count: number): number[] {
  return [...v.ids.keys()]
    .sort((a, b) => v.weights[b]! - v.weights[a]! || v.ids[a]! - v.ids[b]!)
    .slice(0, count)
    .map((i) => v.ids[i]!)
}

const byKey = (a: ClusterInput, b: ClusterInput) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)

export function clusterTexts(
  input: readonly ClusterInput[],
  options: Partial<ClusterOptions> = {},
): Cluster[] {
  const o = { ...DEFAULT_CLUSTER_OPTIONS, ...options }
  const docs = [...input].sort(byKey)
  const n = docs.length

  // Vocabulary and document frequencies (a word counts once per text).
  const vocabulary = new Map<string, number>()
  const words: string[] = []
  const df: number[] = []
  const docWords: number[][] = docs.map((doc) => {
    const ids = new Set<number>()
    for (const word of doc.words) {
      let id = vocabulary.get(word)
      if (id === undefined) {
        id = words.length
        vocabulary.set(word, id)
        words.push(word)
        df.push(0)
      }
      ids.add(id)
    }
    for (const id of ids) df[id]!++
    return [...ids].sort((a, b) => a - b)
  })

  // Words that can join texts: used at least twice, and not by nearly everyone.
  const tooCommon = Math.max(o.commonFloor, n * o.maxShare)
  const idf = df.map((d) => (d >= 2 && d <= tooCommon ? Math.log(1 + n / d) : 0))

  const vectors: Vector[] = docWords.map((ids) => {
    const kept = ids.filter((id) => idf[id]! > 0)
    const weights = new Float64Array(kept.map((id) => idf[id]!))
    const norm = Math.sqrt(weights.reduce((s, w) => s + w * w, 0)) || 1
    for (let i = 0; i < weights.length; i++) weights[i]! /= norm
    return { ids: Int32Array.from(kept), weights }
  })

  // MinHash signatures over the kept words; each word's hashes computed once.
  const hashes = o.bands * o.rows
  const seeds = Array.from({ length: hashes }, (_, i) => Math.imul(i + 1, 0x9e3779b9) >>> 0)
  const wordHashes = new Map<number, Uint32Array>()
  const hashesOf = (id: number) => {
    let h = wordHashes.get(id)
    if (!h) {
      const base = fnv1a(words[id]!)
      h = Uint32Array.from(seeds, (seed) => mix(base, seed))
      wordHashes.set(id, h)
    }
    return h
  }

  const parent = Int32Array.from({ length: n }, (_, i) => i)
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!
      i = parent[i]!
    }
    return i
  }
  const union = (a: number, b: number) => {
    const ra = find(a)
    const rb = find(b)
    // the smaller index is the root, so the outcome does not depend on the order of unions
    if (ra < rb) parent[rb] = ra
    else if (rb < ra) parent[ra] = rb
  }

  const buckets = Array.from({ length: o.bands }, () => new Map<string, number[]>())
  const signature = new Uint32Array(hashes)
  for (let d = 0; d < n; d++) {
    const v = vectors[d]!
    if (v.ids.length === 0) continue
    signature.fill(0xffffffff)
    for (const id of v.ids) {
      const h = hashesOf(id)
      for (let k = 0; k < hashes; k++) if (h[k]! < signature[k]!) signature[k] = h[k]!
    }
    // Each text joins the group of its most similar leader only: one link per text keeps a text
    // that happens to share a few words with another problem from bridging the two.
    const compared = new Set<number>()
    let best = -1
    let bestScore = o.threshold
    for (let band = 0; band < o.bands; band++) {
      let key = ''
      for (let r = 0; r < o.rows; r++) key += `${signature[band * o.rows + r]},`
      const leaders = buckets[band]!.get(key)
      if (!leaders) {
        buckets[band]!.set(key, [d])
        continue
      }
      let matched = false
      for (const leader of leaders) {
        if (compared.has(leader)) continue
        compared.add(leader)
        const score = cosine(v, vectors[leader]!)
        if (score >= o.threshold) matched = true
        if (score > bestScore || (score === bestScore && score >= o.threshold && leader < best)) {
          bestScore = score
          best = leader
        }
      }
      if (!matched && leaders.length < o.leadersPerBucket) leaders.push(d)
    }
    if (best >= 0) union(d, best)
  }

  // Second pass: a problem whose texts first landed in several groups (LSH misses some pairs) is
  // joined by comparing the groups' centroids — a few thousand groups, each against the groups that
  // share one of its heaviest words.
  const firstGroups = groupsOf(n, vectors, find)
  const centroids = [...firstGroups.entries()]
    .filter(([, members]) => members.length >= 2)
    .map(([root, members]) => ({ root, vector: centroidOf(members, vectors, CENTROID_WORDS) }))
  const byWord = new Map<number, number[]>()
  for (let c = 0; c < centroids.length; c++) {
    const { vector } = centroids[c]!
    const compared = new Set<number>()
    for (const id of heaviest(vector, CENTROID_KEYS)) {
      const list = byWord.get(id)
      if (!list) {
        byWord.set(id, [c])
        continue
      }
      // as in the buckets: a few leading groups per word, so a word of thousands of groups stays linear
      let matched = false
      for (const other of list) {
        if (compared.has(other)) continue
        compared.add(other)
        if (cosine(vector, centroids[other]!.vector) >= o.threshold) {
          union(centroids[c]!.root, centroids[other]!.root)
          matched = true
        }
      }
      if (!matched && list.length < o.leadersPerBucket * 2) list.push(c)
    }
  }
  const groups = groupsOf(n, vectors, find)

  const clusters: { first: number; members: number[] }[] = []
  for (const [root, members] of groups)
    if (members.length >= o.minSize) clusters.push({ first: root, members })
  clusters.sort((a, b) => b.members.length - a.members.length || a.first - b.first)

  return clusters.map(({ members }) => {
    const top = [...weightsOf(members, vectors)]
      .sort((a, b) => b[1] - a[1] || (words[a[0]]! < words[b[0]]! ? -1 : 1))
      .slice(0, o.topWords)
      .map(([id]) => words[id]!)
    return { keys: members.map((d) => docs[d]!.key), topWords: top }
  })
}
