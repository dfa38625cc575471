/**
 * Department suggestions learned from the platform's own past dispatches: multinomial naive Bayes
 * over appeal words, with the category as one more word. Pure and serialisable, so a job trains it
 * and every node reads the same model from the database.
 */
export type RoutingExample = { words: readonly string[]; categoryCode: string; departmentId: string }

export type RoutingModel = {
  examples: number
  vocabulary: number
  departments: Record<string, { examples: number; totalWords: number; words: Record<string, number> }>
}

export type Suggestion = { departmentId: string; confidence: number }

const MAX_WORDS_PER_DEPARTMENT = 3000

function featuresOf(example: { words: readonly string[]; categoryCode: string }): string[] {
  return [...example.words, `#category:${example.categoryCode}`]
}

export function trainRoutingModel(examples: readonly RoutingExample[]): RoutingModel {
  const departments: RoutingModel['departments'] = {}
  const vocabulary = new Set<string>()
  for (const example of examples) {
    const d = (departments[example.departmentId] ??= { examples: 0, totalWords: 0, words: {} })
    d.examples++
    for (const word of featuresOf(example)) {
      d.words[word] = (d.words[word] ?? 0) + 1
      d.totalWords++
      vocabulary.add(word)
    }
  }
  // Keep each department's most telling words so the model stays small as history grows.
  for (const d of Object.values(departments)) {
    const top = Object.entries(d.words)
      .sort((a, b) => b[1] - a[1])
      .slice(0, MAX_WORDS_PER_DEPARTMENT)
    d.words = Object.fromEntries(top)
  }
  return { examples: examples.length, vocabulary: vocabulary.size, departments }
}

/** The most likely departments with a confidence that sums to 1 over all departments. */
export function suggestDepartments(
  model: RoutingModel,
  appeal: { words: readonly string[]; categoryCode: string },
  top = 3,
): Suggestion[] {
  const entries = Object.entries(model.departments)
  if (entries.length === 0) return []
  const features = featuresOf(appeal)
  const v = Math.max(model.vocabulary, 1)
  const scores = entries.map(([departmentId, d]) => {
    let logP = Math.log(d.examples / model.examples)
    for (const word of features) logP += Math.log(((d.words[word] ?? 0) + 1) / (d.totalWords + v))
    return { departmentId, logP }
  })
  const max = Math.max(...scores.map((s) => s.logP))
  const total = scores.reduce((sum, s) => sum + Math.exp(s.logP - max), 0)
  return scores
    .map((s) => ({ departmentId: s.departmentId, confidence: Math.exp(s.logP - max) / total }))
    .sort((a, b) => b.confidence - a.confidence)
    .slice(0, top)
}
