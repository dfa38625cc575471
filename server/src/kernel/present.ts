/**
 * Presenters: a row becomes an answer through an allow-list that names each answer field and the
 * column it comes from. A column the list does not name never leaves — a new column on a table stays
 * in the database until someone adds it here — and the answer's type follows from the list, so a
 * route whose zod answer schema disagrees with it does not compile.
 *
 *   const presentRating = definePresenter({ cycle: 'cycle', solved: 'solved', ratedAt: 'rated_at' })
 *   presentRating(row) // { cycle: 1, solved: true, ratedAt: '2026-03-02T01:00:00.000Z' }
 *
 * Instants (Date) become ISO strings, as JSON answers carry them; everything else is copied as it is.
 * Fields that are computed, or hidden from some viewers, are written beside the presenter's result.
 */

/** An answer field and the column it is read from. */
export type PresenterSpec = Readonly<Record<string, string>>

/** A column's value as an answer carries it: an instant as its ISO string, null stays null. */
export type Answered<V> = V extends Date ? string : V

/** The answer a presenter builds from a row: exactly the listed fields. */
export type Presented<Spec extends PresenterSpec, Row> = {
  -readonly [Field in keyof Spec]: Answered<Row[Spec[Field] & keyof Row]>
}

const answered = (value: unknown) => (value instanceof Date ? value.toISOString() : value)

export function definePresenter<const Spec extends PresenterSpec>(spec: Spec) {
  const fields = Object.entries(spec)
  return <Row extends { readonly [Column in Spec[keyof Spec]]: unknown }>(row: Row): Presented<Spec, Row> => {
    const answer: Record<string, unknown> = {}
    for (const [field, column] of fields) answer[field] = answered((row as Record<string, unknown>)[column])
    return answer as Presented<Spec, Row>
  }
}
