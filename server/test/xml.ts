import { SaxesParser } from 'saxes'

/** One parsed XML element: its name, its own text, its child elements in order. */
export type XmlNode = { name: string; text: string; children: XmlNode[] }

/**
 * Parses a whole document with a strict, well-formedness-checking parser (saxes): a test that reads
 * an answer through it proves the answer is real XML, not just text that looks like it.
 */
export function parseXml(xml: string): {
  declaration: { version?: string; encoding?: string }
  root: XmlNode
} {
  const parser = new SaxesParser()
  const stack: XmlNode[] = []
  let root: XmlNode | undefined
  let declaration: { version?: string; encoding?: string } = {}
  parser.on('xmldecl', (decl) => {
    declaration = { version: decl.version, encoding: decl.encoding }
  })
  parser.on('opentag', (tag) => {
    const node: XmlNode = { name: tag.name, text: '', children: [] }
    stack.at(-1)?.children.push(node)
    stack.push(node)
    root ??= node
  })
  parser.on('text', (text) => {
    if (stack.length) stack.at(-1)!.text += text
  })
  parser.on('closetag', () => {
    stack.pop()
  })
  parser.on('error', (error) => {
    throw error
  })
  parser.write(xml).close()
  if (!root) throw new Error('no root element')
  return { declaration, root }
}

/** The element's children named `name`. */
export const childrenOf = (node: XmlNode, name: string) => node.children.filter((c) => c.name === name)

/** A flat element's fields as { name: text }: for comparing a <request> with its JSON twin. */
export function fieldsOf(node: XmlNode): Record<string, string> {
  return Object.fromEntries(node.children.map((c) => [c.name, c.text.trim()]))
}
