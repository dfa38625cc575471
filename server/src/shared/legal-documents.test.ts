import { describe, expect, it } from 'vitest'
import { parseDocumentBody, requiredDocumentsOf } from './legal-documents'

describe('a document body', () => {
  it.each([
    ['one paragraph', '第一段。', [{ type: 'paragraph', text: '第一段。' }]],
    [
      'headings of two levels',
      '# 标题\n\n## 一、我们是谁\n正文',
      [
        { type: 'heading', level: 1, text: '标题' },
        { type: 'heading', level: 2, text: '一、我们是谁' },
        { type: 'paragraph', text: '正文' },
      ],
    ],
    [
      'a list after a paragraph, without a blank line',
      '我们收集：\n- 手机号\n- 登录时的 IP 地址\n\n结尾。',
      [
        { type: 'paragraph', text: '我们收集：' },
        { type: 'list', items: ['手机号', '登录时的 IP 地址'] },
        { type: 'paragraph', text: '结尾。' },
      ],
    ],
    [
      'an indented line continuing a list item',
      '- first item\n  goes on\n- second',
      [{ type: 'list', items: ['first item goes on', 'second'] }],
    ],
    [
      'Windows line ends and blank lines at the edges',
      '\r\n\r\nA\r\nB\r\n\r\n',
      [{ type: 'paragraph', text: 'A\nB' }],
    ],
    ['markup stays text', '<b>x</b>', [{ type: 'paragraph', text: '<b>x</b>' }]],
  ])('%s', (_name, body, blocks) => {
    expect(parseDocumentBody(body)).toEqual(blocks)
  })
})

describe('who accepts what', () => {
  it('asks enterprise users for the notice and terms, staff for the staff notice', () => {
    expect(requiredDocumentsOf('enterprise')).toEqual(['privacy_notice', 'terms_of_use'])
    expect(requiredDocumentsOf('staff')).toEqual(['staff_notice'])
  })
})
