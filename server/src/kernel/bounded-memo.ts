/**
 * A pure function of a string, remembered for the last few distinct inputs. For what every request
 * parses from a header that takes the same few values again and again (Accept-Encoding,
 * Accept-Language, the peer's address): parsed once, not per request. When `size` distinct inputs
 * are held the memo starts over, so a client sending a new value each time costs only the parse.
 */
export function boundedMemo<V>(parse: (input: string) => V, size = 64): (input: string) => V {
  const remembered = new Map<string, V>()
  return (input) => {
    // A value may itself be undefined: has() tells it from one never parsed.
    if (remembered.has(input)) return remembered.get(input) as V
    const value = parse(input)
    if (remembered.size >= size) remembered.clear()
    remembered.set(input, value)
    return value
  }
}
