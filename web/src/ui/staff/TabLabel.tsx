/**
 * A tab's name with how many the tab lists (from the server's count of the same list), so a queue
 * says what waits before it is opened. No number while the counts load or when they failed.
 */
export function TabLabel({ label, count }: { label: string; count: number | undefined }) {
  return (
    <span>
      {label}
      {count === undefined ? null : <span className="s-tab-count">{count}</span>}
    </span>
  )
}
