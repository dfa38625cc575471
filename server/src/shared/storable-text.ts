/**
 * Text PostgreSQL cannot keep: a NUL character (text and jsonb refuse it) and half of a UTF-16
 * surrogate pair (no UTF-8 encoding exists; jsonb refuses "\ud800"). JSON and URLs can carry both,
 * so they are refused where input arrives instead of failing deep inside a write.
 */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

export function hasUnstorableCharacters(text: string): boolean {
  return UNSTORABLE.test(text)
}
