import { describe, expect, it } from 'vitest'
import { clientAddress, isLoopbackAddress, normaliseAddress } from './client-address'

describe('clientAddress', () => {
  it.each<[string, string | undefined, string | undefined, number, string]>([
    ['no proxy trusted: the socket, whatever the header says', '127.0.0.1', '203.0.113.9', 0, '203.0.113.9'],
    ['one proxy: the entry it appended', '198.51.100.7', '10.0.0.2', 1, '198.51.100.7'],
    [
      'one proxy: a forged entry on the left is ignored',
      '127.0.0.1, 198.51.100.7',
      '10.0.0.2',
      1,
      '198.51.100.7',
    ],
    ['two proxies (CDN, load balancer)', '1.1.1.1, 198.51.100.7, 192.0.2.1', '10.0.0.2', 2, '198.51.100.7'],
    ['fewer entries than proxies: the leftmost', '198.51.100.7', '10.0.0.2', 3, '198.51.100.7'],
    ['trusted, but no header: the socket', undefined, '10.0.0.2', 1, '10.0.0.2'],
    ['a proxy entry with a port', '198.51.100.7:51234', '10.0.0.2', 1, '198.51.100.7'],
    ['a bracketed IPv6 entry', '[2001:db8::1]:443', '10.0.0.2', 1, '2001:db8::1'],
    ['not an address: the socket', 'not-an-ip', '10.0.0.2', 1, '10.0.0.2'],
    ['an IPv4-mapped socket address', undefined, '::ffff:127.0.0.1', 0, '127.0.0.1'],
    ['no socket (an injected request)', '127.0.0.1', undefined, 1, '127.0.0.1'],
    ['no socket, no proxy', undefined, undefined, 0, 'unknown'],
  ])('%s', (_, header, socket, hops, expected) => {
    expect(clientAddress(header, socket, hops)).toBe(expected)
  })
})

describe('isLoopbackAddress', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.9.8.7', true],
    ['::1', true],
    ['0:0:0:0:0:0:0:1', true],
    ['::ffff:127.0.0.1', true],
    ['10.0.0.1', false],
    ['128.0.0.1', false],
    ['::2', false],
    ['unknown', false],
    ['', false],
  ])('%s → %s', (address, expected) => {
    expect(isLoopbackAddress(address)).toBe(expected)
  })
})

describe('normaliseAddress', () => {
  it('refuses what is not an address', () => {
    expect(normaliseAddress('127.0.0.1\u0000')).toBeUndefined()
    expect(normaliseAddress('x'.repeat(500))).toBeUndefined()
  })
})
