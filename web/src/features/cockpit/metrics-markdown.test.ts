import { describe, expect, it } from 'vitest'
import metrics from '../../../../docs/METRICS.md?raw'
import { parseMarkdown, plain } from './metrics-markdown'

describe('the metric dictionary', () => {
  it('reads headings, paragraphs, lists and tables', () => {
    const blocks = parseMarkdown(
      [
        '# Title',
        '',
        'Some `code` and **bold**',
        'text.',
        '',
        '- one',
        '  more',
        '- two',
        '',
        '| a | b |',
        '| - | - |',
        '| 1 | 2 \\| 3 |',
      ].join('\n'),
    )
    expect(blocks).toEqual([
      { type: 'heading', level: 1, text: 'Title' },
      { type: 'paragraph', text: 'Some code and bold text.' },
      { type: 'list', items: ['one more', 'two'] },
      { type: 'table', header: ['a', 'b'], rows: [['1', '2 | 3']] },
    ])
  })

  it('drops marks', () => {
    expect(plain('**满意率** is `n / d`')).toBe('满意率 is n / d')
  })

  it('renders docs/METRICS.md with its cockpit section and every open-data column', () => {
    const blocks = parseMarkdown(metrics)
    expect(blocks.some((b) => b.type === 'heading' && b.text === 'Cockpit and open data')).toBe(true)
    const tables = blocks.filter((b) => b.type === 'table')
    const columns = tables.flatMap((b) => (b.type === 'table' ? b.rows.map((r) => r[0]) : []))
    expect(columns).toContain('appeals_dispatched')
    expect(columns).toContain('ratings_default')
  })
})
