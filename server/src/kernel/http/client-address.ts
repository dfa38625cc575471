import net from 'node:net'
import { boundedMemo } from '../bounded-memo'

/**
 * The client's address, as far as this server can know it.
 *
 * Without trusted proxies (TRUST_PROXY unset) it is the socket's peer. Behind `hops` trusted proxies
 * it is read from X-Forwarded-For from the right: each proxy appends the address it received the
 * request from, so the last `hops` entries were written by our own proxies and the entry before
 * them is the client as our outermost proxy saw it. Entries further left are whatever the client
 * chose to send and are never believed (taking the leftmost, as many do, lets anyone pick an
 * address per request and walk past every per-address limit).
 */
export function clientAddress(
  forwardedFor: string | undefined,
  socketAddress: string | undefined,
  trustedHops: number,
): string {
  const socket = normaliseAddress(socketAddress) ?? 'unknown'
  if (trustedHops <= 0 || !forwardedFor) return socket
  const chain = [
    ...forwardedFor
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    socket,
  ]
  // chain[last] is the socket (our nearest proxy); trustedHops entries back is the client.
  const picked = chain[Math.max(0, chain.length - 1 - trustedHops)]!
  return normaliseAddress(picked) ?? socket
}

/** A bare IP address (no port, no brackets, IPv4-mapped IPv6 as IPv4), or undefined when it is none. */
export function normaliseAddress(raw: string | undefined): string | undefined {
  return raw ? addressOf(raw) : undefined
}

// The same few peers (a proxy, this machine) ask again and again: each address is parsed once.
const addressOf = boundedMemo((raw: string): string | undefined => {
  let a = raw.trim()
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a)
  if (bracketed) a = bracketed[1]!
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(':'))
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(a)
  if (mapped) a = mapped[1]!
  return net.isIP(a) ? a.toLowerCase() : undefined
})

/** 127.0.0.0/8 and ::1: this machine. */
export function isLoopbackAddress(address: string): boolean {
  const a = normaliseAddress(address)
  if (!a) return false
  if (net.isIPv4(a)) return a.startsWith('127.')
  return a === '::1' || /^(0{1,4}:){7}0{0,3}1$/.test(a)
}
