import { parentPort } from 'node:worker_threads'
import type { Node } from '../../shared/rules/ast'
import { FactSchema, type FactDefinition } from '../../shared/rules/fact-schema'
import { sliceColumns, type Column, type ColumnSet } from './match-population'
import { evaluateItemsInto, VectorEvaluator } from './match-vector'

/**
 * A matching worker: evaluates a share of the population (a range of words) for the items it is
 * sent, reading the columns from shared memory and writing results into a shared buffer.
 */
export type SharedColumn =
  | { key: string; kind: 'numeric'; buffer: SharedArrayBuffer; length: number }
  | { key: string; kind: 'code'; buffer: SharedArrayBuffer; length: number; dictionary: string[] }
  | {
      key: string
      kind: 'tags'
      buffer: SharedArrayBuffer
      length: number
      words: number
      positions: [string, number][]
      known: SharedArrayBuffer
      knownLength: number
    }

export type WorkerMessage =
  | {
      type: 'begin'
      columns: SharedColumn[]
      present: SharedArrayBuffer
      presentLength: number
      size: number
      fromWord: number
      toWord: number
      definitions: FactDefinition[]
      derived: [string, Node][]
      today: number
      shared: string[]
    }
  | { type: 'batch'; id: number; items: Node[][]; result: SharedArrayBuffer; totalWords: number }
  | { type: 'end' }

export function columnsFrom(list: SharedColumn[]): Map<string, Column> {
  const columns = new Map<string, Column>()
  for (const c of list) {
    if (c.kind === 'numeric')
      columns.set(c.key, { kind: 'numeric', data: new Float64Array(c.buffer, 0, c.length) })
    else if (c.kind === 'code')
      columns.set(c.key, {
        kind: 'code',
        data: new Int32Array(c.buffer, 0, c.length),
        dictionary: c.dictionary,
        index: new Map(c.dictionary.map((d, i) => [d, i])),
      })
    else
      columns.set(c.key, {
        kind: 'tags',
        data: new Uint32Array(c.buffer, 0, c.length),
        words: c.words,
        positions: new Map(c.positions),
        known: new Uint32Array(c.known, 0, c.knownLength),
      })
  }
  return columns
}

let state: { set: ColumnSet; evaluator: VectorEvaluator; fromWord: number } | null = null

parentPort?.on('message', (message: WorkerMessage) => {
  try {
    if (message.type === 'begin') {
      const whole: ColumnSet = {
        size: message.size,
        words: Math.ceil(message.size / 32),
        present: new Uint32Array(message.present, 0, message.presentLength),
        columns: columnsFrom(message.columns),
      }
      const set = sliceColumns(whole, message.fromWord, message.toWord)
      const evaluator = new VectorEvaluator(
        set,
        {
          schema: new FactSchema(message.definitions),
          derived: new Map(message.derived),
          today: message.today,
        },
        message.shared,
      )
      state = { set, evaluator, fromWord: message.fromWord }
      parentPort!.postMessage({ type: 'ready' })
    } else if (message.type === 'batch') {
      evaluateItemsInto(
        state!.set,
        state!.evaluator,
        message.items,
        new Uint32Array(message.result),
        message.totalWords,
        state!.fromWord,
      )
      parentPort!.postMessage({ type: 'done', id: message.id })
    } else {
      state = null
    }
  } catch (error) {
    parentPort!.postMessage({ type: 'error', message: (error as Error).stack ?? String(error) })
  }
})
