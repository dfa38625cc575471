/**
 * A small reader of docs/METRICS.md for the public dictionary: headings, paragraphs, lists and tables
 * — the only shapes that file uses. No HTML is produced: the page renders the blocks as React nodes.
 */
export type Block =
  | { type: 'heading'; level: number; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'list'; items: string[] }
  | { type: 'table'; header: string[]; rows: string[][] }
  | { type: 'code'; text: string }

/** `code`, **bold** and _emphasis_ marks dropped: the dictionary shows plain text. */
export function plain(text: string): string {
  return text
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\*\*([^*]*)\*\*/g, '$1')
    .replace(/(^|\W)_([^_]+)_(?=\W|$)/g, '$1$2')
    .replace(/\\\|/g, '|')
    .trim()
}

const cells = (line: string) =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map(plain)

export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = []
  const lines = source.split(/\r?\n/)
  let i = 0
  while (i < lines.length) {
    const line = lines[i]!
    if (!line.trim()) {
      i++
    } else if (/^#{1,6} /.test(line)) {
      const level = line.match(/^#+/)![0].length
      blocks.push({ type: 'heading', level, text: plain(line.slice(level)) })
      i++
    } else if (line.trim().startsWith('|')) {
      const rows: string[][] = []
      while (i < lines.length && lines[i]!.trim().startsWith('|')) {
        if (!/^\|?[\s:-]+(\|[\s:-]+)+\|?$/.test(lines[i]!.trim())) rows.push(cells(lines[i]!))
        i++
      }
      blocks.push({ type: 'table', header: rows[0] ?? [], rows: rows.slice(1) })
    } else if (/^\s*[-*] /.test(line)) {
      const items: string[] = []
      while (i < lines.length && lines[i]!.trim() && !/^#{1,6} /.test(lines[i]!)) {
        const l = lines[i]!
        if (/^\s*[-*] /.test(l)) items.push(plain(l.replace(/^\s*[-*] /, '')))
        else items[items.length - 1] += ` ${plain(l)}`
        i++
      }
      blocks.push({ type: 'list', items })
    } else if (/^ {4}/.test(line)) {
      const code: string[] = []
      while (i < lines.length && (/^ {4}/.test(lines[i]!) || !lines[i]!.trim()))
        code.push(lines[i++]!.slice(4))
      blocks.push({ type: 'code', text: code.join('\n').trim() })
    } else {
      const text: string[] = []
      while (i < lines.length && lines[i]!.trim() && !/^(#{1,6} |\||\s*[-*] )/.test(lines[i]!))
        text.push(lines[i++]!)
      blocks.push({ type: 'paragraph', text: plain(text.join(' ')) })
    }
  }
  return blocks
}
