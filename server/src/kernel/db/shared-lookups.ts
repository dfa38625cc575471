/**
 * Lookups of many requests in one query (decision 0041). A lookup asked while a query is in flight
 * waits for the next query, which begins after that one ends — so after the lookup was asked: every
 * answer is as fresh as a query of its own would have been. One query at a time; the next takes
 * every key asked meanwhile (each once).
 */
export class SharedLookups<V> {
  #waiting = new Map<string, { resolve: (value: V) => void; reject: (error: unknown) => void }[]>()
  #running = false

  constructor(private readonly lookUp: (keys: string[]) => Promise<Map<string, V>>) {}

  get(key: string): Promise<V> {
    return new Promise<V>((resolve, reject) => {
      const waiters = this.#waiting.get(key)
      if (waiters) waiters.push({ resolve, reject })
      else this.#waiting.set(key, [{ resolve, reject }])
      if (!this.#running) void this.#run()
    })
  }

  async #run() {
    this.#running = true
    try {
      while (this.#waiting.size) {
        const batch = this.#waiting
        this.#waiting = new Map()
        try {
          const values = await this.lookUp([...batch.keys()])
          for (const [key, waiters] of batch) {
            const value = values.get(key)
            for (const w of waiters)
              if (value === undefined) w.reject(new Error(`no value looked up for ${key}`))
              else w.resolve(value)
          }
        } catch (error) {
          for (const waiters of batch.values()) for (const w of waiters) w.reject(error)
        }
      }
    } finally {
      this.#running = false
    }
  }
}
