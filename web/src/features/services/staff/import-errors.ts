/**
 * The server names each bad cell of an import `matters.<row>.<column>` or `materials.<row>.<column>`
 * (its message already says which column); this lists them sheet by sheet, row by row.
 */
export type ImportErrorRow = {
  key: string
  sheet: 'matters' | 'materials' | 'other'
  row: number | null
  message: string
}

export function importErrorRows(fields: Record<string, string>): ImportErrorRow[] {
  const rows = Object.entries(fields).map(([key, message]): ImportErrorRow => {
    const [sheet, row] = key.split('.')
    const number = Number(row)
    return sheet === 'matters' || sheet === 'materials'
      ? { key, sheet, row: Number.isInteger(number) ? number : null, message }
      : { key, sheet: 'other', row: null, message }
  })
  const order = { matters: 0, materials: 1, other: 2 }
  return rows.sort((a, b) => order[a.sheet] - order[b.sheet] || (a.row ?? 0) - (b.row ?? 0))
}
