import { NoticeBar } from 'antd-mobile'

/** A message above a form or list; errors are announced at once (role=alert), the rest politely. */
export function Banner({
  text,
  tone = 'info',
}: {
  text: string | undefined
  tone?: 'info' | 'error' | 'alert'
}) {
  if (!text) return null
  return (
    <div role={tone === 'error' ? 'alert' : 'status'}>
      <NoticeBar
        content={text}
        color={tone === 'error' ? 'error' : tone === 'alert' ? 'alert' : 'info'}
        wrap
      />
    </div>
  )
}
