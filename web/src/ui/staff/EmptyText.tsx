/** A table's "nothing here" line in a readable grey (antd's default is 25 % black, under 4.5:1). */
export function EmptyText({ children }: { children: string }) {
  return <span className="s-empty">{children}</span>
}
