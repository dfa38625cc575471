import { Spin } from 'antd'

/** A spinner with a name for screen readers: whole-page while the session loads, inline for a page chunk. */
export function FullPageSpin({ label, inline }: { label: string; inline?: boolean }) {
  return (
    <div
      role="status"
      style={{
        display: 'flex',
        justifyContent: 'center',
        alignItems: 'center',
        padding: inline ? 48 : 0,
        minHeight: inline ? 0 : '100vh',
      }}
    >
      <Spin />
      <span className="visually-hidden">{label}</span>
    </div>
  )
}
