/*
 * Enter in a date field must not submit the form around it. People type a date and press Enter to
 * confirm it (antd's DatePicker takes the typed date on Enter), and the browser's implicit submission
 * then sent the whole form — an approval, a payout date, a calendar notice — half-filled. One guard
 * for the whole app, installed at start, covers every date field there is and every one added later:
 * antd's DatePicker and RangePicker (their inputs sit inside .ant-picker) and native <input type="date">
 * on the phone (NativeDateInput). Implicit submission happens on the keypress that follows an
 * unprevented keydown, so the guard cancels that keypress only: the picker still sees the keydown and
 * confirms the date, and the submit button still submits.
 */

/** The part of a DOM element the guard reads (an interface so the rule is testable without a DOM). */
export type TargetLike = {
  tagName?: string
  type?: string
  closest?: (selector: string) => unknown
}

const DATE_INPUT_TYPES = new Set(['date', 'datetime-local', 'month', 'week', 'time'])
/** antd's date, time and range pickers, and antd-mobile's date picker. */
const PICKER_SELECTOR = '.ant-picker, .adm-date-picker'

export function isDateField(target: TargetLike | null | undefined): boolean {
  if (!target || target.tagName !== 'INPUT') return false
  if (target.type && DATE_INPUT_TYPES.has(target.type)) return true
  return Boolean(target.closest?.(PICKER_SELECTOR))
}

export function shouldCancelEnter(event: { key: string; target: unknown; isComposing?: boolean }): boolean {
  return event.key === 'Enter' && !event.isComposing && isDateField(event.target as TargetLike)
}

/** Installs the guard once on a document (main.tsx); returns the uninstaller. */
export function installDateEnterGuard(doc: Document): () => void {
  const onKeyPress = (event: KeyboardEvent) => {
    if (shouldCancelEnter(event)) event.preventDefault()
  }
  doc.addEventListener('keypress', onKeyPress, true)
  return () => doc.removeEventListener('keypress', onKeyPress, true)
}
