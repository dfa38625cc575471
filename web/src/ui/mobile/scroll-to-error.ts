/**
 * After a failed submit on a long phone form, bring the first problem into view: the user pressed
 * the button at the bottom and would otherwise not see the message at the top.
 */
export function scrollToFirstError(): void {
  window.requestAnimationFrame(() => {
    const target = document.querySelector(
      '.adm-form-item-has-error, .adm-form-item-feedback-error, [role="alert"]',
    )
    target?.scrollIntoView({ block: 'center', behavior: 'smooth' })
  })
}
