import { dayNumber } from '../../shared/rules/dates'
import type { RawValue } from '../../shared/rules/evaluate'
import type { FactDefinition } from '../../shared/rules/fact-schema'
import { setBit, wordsFor, type Bitmap } from './match-bitmap'

/**
 * The whole population as columns, one per fact: what the engine evaluates rules over. Row i is the
 * enterprise with match index i. Numbers, dates (as day numbers) and yes/no (1/0) are Float64 with
 * NaN for "missing"; codes (enum, industry, division) are Int32 indexes into a dictionary with -1
 * for missing; tags are bit masks. A million enterprises with thirty facts take about 200 MB.
 */
export type NumericColumn = { kind: 'numeric'; data: Float64Array }
export type CodeColumn = { kind: 'code'; data: Int32Array; dictionary: string[]; index: Map<string, number> }
export type TagsColumn = {
  kind: 'tags'
  /** `words` Uint32 per row */
  data: Uint32Array
  words: number
  /** tag code → bit position */
  positions: Map<string, number>
  known: Bitmap
}
export type Column = NumericColumn | CodeColumn | TagsColumn

/**
 * Every array lives in shared memory, so worker threads read the population where it is (a full
 * run splits the enterprises between the cores) without copying it.
 */
const sharedF64 = (n: number) => new Float64Array(new SharedArrayBuffer(n * 8)).fill(NaN)
const sharedI32 = (n: number) => new Int32Array(new SharedArrayBuffer(n * 4)).fill(-1)
const sharedU32 = (n: number) => new Uint32Array(new SharedArrayBuffer(n * 4))
const sharedBitmap = (size: number) => sharedU32(wordsFor(size))

/** What the column-wise evaluator reads: the whole population, or a slice of it (a worker's share). */
export type ColumnSet = {
  size: number
  words: number
  present: Bitmap
  columns: Map<string, Column>
}

function columnFor(def: FactDefinition, capacity: number): Column {
  switch (def.type) {
    case 'enum':
    case 'industry':
    case 'division':
      return { kind: 'code', data: sharedI32(capacity), dictionary: [], index: new Map() }
    case 'tags': {
      const positions = new Map((def.values ?? []).map((v, i) => [v.code, i]))
      const words = Math.max(1, Math.ceil(positions.size / 32))
      return {
        kind: 'tags',
        data: sharedU32(capacity * words),
        words,
        positions,
        known: sharedBitmap(capacity),
      }
    }
    default:
      return { kind: 'numeric', data: sharedF64(capacity) }
  }
}

export class Population implements ColumnSet {
  /** rows allocated; grows by doubling */
  capacity: number
  /** rows in use: the highest match index + 1 */
  size = 0
  /** which rows are real enterprises (match indexes are never reused, so gaps can exist) */
  present: Bitmap
  readonly columns = new Map<string, Column>()
  readonly ids: (string | undefined)[] = []
  private readonly byId = new Map<string, number>()
  private readonly defByKey: Map<string, FactDefinition>

  constructor(
    readonly definitions: readonly FactDefinition[],
    initialCapacity = 1024,
  ) {
    this.capacity = Math.max(32, initialCapacity)
    this.present = sharedBitmap(this.capacity)
    this.defByKey = new Map(definitions.map((d) => [d.key, d]))
    for (const def of definitions) if (!def.formula) this.columns.set(def.key, columnFor(def, this.capacity))
  }

  indexOf(enterpriseId: string): number | undefined {
    return this.byId.get(enterpriseId)
  }

  private grow(to: number): void {
    let capacity = this.capacity
    while (capacity < to) capacity *= 2
    if (capacity === this.capacity) return
    const present = sharedBitmap(capacity)
    present.set(this.present)
    this.present = present
    for (const [key, column] of this.columns) {
      if (column.kind === 'numeric') {
        const data = sharedF64(capacity)
        data.set(column.data)
        this.columns.set(key, { kind: 'numeric', data })
      } else if (column.kind === 'code') {
        const data = sharedI32(capacity)
        data.set(column.data)
        this.columns.set(key, { ...column, data })
      } else {
        const data = sharedU32(capacity * column.words)
        data.set(column.data)
        const known = sharedBitmap(capacity)
        known.set(column.known)
        this.columns.set(key, { ...column, data, known })
      }
    }
    this.capacity = capacity
  }

  /** Adds (or confirms) an enterprise at its match index. */
  addEnterprise(enterpriseId: string, index: number): void {
    if (index >= this.capacity) this.grow(index + 1)
    if (index >= this.size) this.size = index + 1
    setBit(this.present, index)
    this.ids[index] = enterpriseId
    this.byId.set(enterpriseId, index)
  }

  /** Sets one fact of one row; undefined clears it (missing). */
  setValue(index: number, key: string, value: RawValue | undefined): void {
    const column = this.columns.get(key)
    const def = this.defByKey.get(key)
    if (!column || !def) return
    if (column.kind === 'numeric') {
      column.data[index] =
        value === undefined
          ? NaN
          : def.type === 'date'
            ? dayNumber(value as string)
            : typeof value === 'boolean'
              ? value
                ? 1
                : 0
              : (value as number)
    } else if (column.kind === 'code') {
      if (value === undefined) column.data[index] = -1
      else {
        const code = String(value)
        let at = column.index.get(code)
        if (at === undefined) {
          at = column.dictionary.length
          column.dictionary.push(code)
          column.index.set(code, at)
        }
        column.data[index] = at
      }
    } else {
      const base = index * column.words
      for (let w = 0; w < column.words; w++) column.data[base + w] = 0
      setBit(column.known, index, value !== undefined)
      for (const tag of (value as string[] | undefined) ?? []) {
        const p = column.positions.get(tag)
        if (p !== undefined) column.data[base + (p >>> 5)]! |= 1 << (p & 31)
      }
    }
  }

  get words(): number {
    return wordsFor(this.size)
  }

  /** Rows [fromWord·32, toWord·32) as a column set of their own, over the same memory (no copy). */
  slice(fromWord: number, toWord: number): ColumnSet {
    return sliceColumns(this, fromWord, toWord)
  }
}

export function sliceColumns(set: ColumnSet, fromWord: number, toWord: number): ColumnSet {
  const from = fromWord * 32
  const to = Math.min(set.size, toWord * 32)
  const columns = new Map<string, Column>()
  for (const [key, c] of set.columns) {
    if (c.kind === 'numeric') columns.set(key, { kind: 'numeric', data: c.data.subarray(from, to) })
    else if (c.kind === 'code') columns.set(key, { ...c, data: c.data.subarray(from, to) })
    else
      columns.set(key, {
        ...c,
        data: c.data.subarray(from * c.words, to * c.words),
        known: c.known.subarray(fromWord, toWord),
      })
  }
  return {
    size: Math.max(0, to - from),
    words: toWord - fromWord,
    present: set.present.subarray(fromWord, toWord),
    columns,
  }
}
