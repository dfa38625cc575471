import { describe, expect, it } from 'vitest'
import { childrenOf, fieldsOf, parseXml } from '../../../test/xml'
import { escapeXmlText, toXmlDocument } from './open311-xml'

describe('GeoReport XML', () => {
  it.each([
    ['a & b', 'a &amp; b'],
    ['<script>', '&lt;script&gt;'],
    ['say "hi"', 'say &quot;hi&quot;'],
    ["it's", 'it&apos;s'],
    ['行一\n行二', '行一\n行二'],
    ['a\rb', 'a&#13;b'],
    ['bell\u0007 and nul\u0000 dropped', 'bell and nul dropped'],
    ['lone \ud800 surrogate', 'lone  surrogate'],
    ['pair 😀 kept', 'pair 😀 kept'],
    ['\ufffe\uffff', ''],
    ['&amp; stays escaped once', '&amp;amp; stays escaped once'],
  ])('escapes %j', (text, escaped) => {
    expect(escapeXmlText(text)).toBe(escaped)
  })

  it('writes arrays as repeated items, objects as elements, null as an empty element', () => {
    const xml = toXmlDocument(
      'service_requests',
      [
        { service_request_id: 'DL-1', lat: 38.9, media_url: null, description: '<b>&</b>' },
        { service_request_id: 'DL-2', lat: null, media_url: 'http://x/y.jpg?a=1&b=2', description: '' },
      ],
      { service_requests: 'request' },
    )
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<service_requests>')).toBe(true)
    const { declaration, root } = parseXml(xml)
    expect(declaration).toEqual({ version: '1.0', encoding: 'UTF-8' })
    const requests = childrenOf(root, 'request')
    expect(requests.map(fieldsOf)).toEqual([
      { service_request_id: 'DL-1', lat: '38.9', media_url: '', description: '<b>&</b>' },
      { service_request_id: 'DL-2', lat: '', media_url: 'http://x/y.jpg?a=1&b=2', description: '' },
    ])
  })

  it('survives hostile text: every character comes back as it went in, or is dropped if XML cannot carry it', () => {
    const text = `]]><!-- --><?pi?><!DOCTYPE x [<!ENTITY e "boom">]>&e;\t"'\u0001`
    const { root } = parseXml(
      toXmlDocument('errors', [{ code: 400, description: text }], { errors: 'error' }),
    )
    expect(fieldsOf(childrenOf(root, 'error')[0]!).description).toBe(text.replace('\u0001', '').trim())
  })

  it('writes nested arrays with their own item names, and an empty array as an empty wrapper', () => {
    const { root } = parseXml(
      toXmlDocument(
        'discovery',
        { changeset: 'c', endpoints: [{ url: 'u', formats: ['text/xml', 'application/json'] }], none: [] },
        { endpoints: 'endpoint', formats: 'format', none: 'x' },
      ),
    )
    const endpoint = childrenOf(childrenOf(root, 'endpoints')[0]!, 'endpoint')[0]!
    expect(childrenOf(childrenOf(endpoint, 'formats')[0]!, 'format').map((f) => f.text)).toEqual([
      'text/xml',
      'application/json',
    ])
    expect(childrenOf(root, 'none')[0]!.children).toEqual([])
  })

  it('refuses to write an element name that is not one', () => {
    expect(() => toXmlDocument('a b', 'x', {})).toThrow()
    expect(() => toXmlDocument('list', ['x'], {})).toThrow()
  })
})
