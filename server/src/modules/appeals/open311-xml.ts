/**
 * GeoReport v2's XML, written from the same values as its JSON by the spec's "Spark convention":
 * an object's fields become child elements in order, an array becomes one repeated element per item
 * inside its wrapper (<services><service>…, <service_requests><request>…), null becomes an empty
 * element. Schemaless and without a namespace, as the spec asks; UTF-8 with the XML declaration.
 *
 * Written by hand (about forty lines) rather than with a library: the documents are flat and small,
 * and the only hard part — escaping — is tested character by character (open311-xml.test.ts).
 */

export type SparkValue = string | number | boolean | null | undefined | SparkObject | SparkValue[]
export type SparkObject = { [field: string]: SparkValue }

/** What each array's items are called in XML: the spec's singular of its wrapper. */
export type ItemNames = Record<string, string>

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/
// Characters XML 1.0 cannot carry at all (even escaped): C0 controls but tab, LF, CR; lone
// surrogates; U+FFFE and U+FFFF. They are dropped rather than breaking the document.
const NOT_XML =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

export function escapeXmlText(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
}

/** The whole document: declaration and one root element. */
export function toXmlDocument(root: string, value: SparkValue, itemNames: ItemNames): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${element(root, value, itemNames, '')}\n`
}

function element(name: string, value: SparkValue, itemNames: ItemNames, indent: string): string {
  if (!NAME.test(name)) throw new Error(`Not an XML element name: ${name}`)
  if (value === null || value === undefined || value === '') return `${indent}<${name}/>`
  if (Array.isArray(value)) {
    const itemName = itemNames[name]
    if (!itemName) throw new Error(`No item name for the array ${name}`)
    if (value.length === 0) return `${indent}<${name}/>`
    const items = value.map((item) => element(itemName, item, itemNames, `${indent}  `))
    return `${indent}<${name}>\n${items.join('\n')}\n${indent}</${name}>`
  }
  if (typeof value === 'object') {
    const fields = Object.entries(value).map(([field, v]) => element(field, v, itemNames, `${indent}  `))
    if (fields.length === 0) return `${indent}<${name}/>`
    return `${indent}<${name}>\n${fields.join('\n')}\n${indent}</${name}>`
  }
  return `${indent}<${name}>${escapeXmlText(String(value))}</${name}>`
}
