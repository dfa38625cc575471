import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { KEY_FILE_RECHECK_MS, loadOrCreateCertificateKeyring, rotateCertificateKey } from './certificate-key'

/**
 * A rotation made by another process (`npm run certificates:rotate-key`, or another node sharing the
 * key file) reaches this one without a restart: at once when asked to look, else within
 * KEY_FILE_RECHECK_MS; the file is not read again while it has not changed.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ys-cert-key-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

/** What another process does: rotate its own copy of the file, then move it into place. */
function rotateElsewhere(file: string): string {
  const copy = `${file}.other`
  fs.copyFileSync(file, copy)
  const rotated = rotateCertificateKey(copy, new Date('2026-12-01T00:00:00Z'))
  fs.renameSync(copy, file)
  return rotated.current.keyId
}

describe('the certificate key file, read again when it changes', () => {
  it('keeps the parsed keys while the file is unchanged', () => {
    const file = path.join(dir, 'unchanged.json')
    const first = loadOrCreateCertificateKeyring(file)
    expect(loadOrCreateCertificateKeyring(file)).toBe(first)
    expect(loadOrCreateCertificateKeyring(file, { recheck: true })).toBe(first)
  })

  it("takes another process's rotation at once when asked to look", () => {
    const file = path.join(dir, 'asked.json')
    const before = loadOrCreateCertificateKeyring(file)
    const newKeyId = rotateElsewhere(file)
    // within the recheck interval and not asked: still the keys it had
    expect(loadOrCreateCertificateKeyring(file).current.keyId).toBe(before.current.keyId)
    const after = loadOrCreateCertificateKeyring(file, { recheck: true })
    expect(after.current.keyId).toBe(newKeyId)
    // what the old key signed still verifies: its public key is kept as retired
    expect(after.verifying.get(before.current.keyId)).toBe(before.current.publicKeyHex)
    expect(after.published.map((k) => [k.keyId, k.current])).toEqual([
      [newKeyId, true],
      [before.current.keyId, false],
    ])
  })

  it('takes it by itself once the recheck interval has passed', () => {
    vi.useFakeTimers({ toFake: ['performance'] })
    try {
      const file = path.join(dir, 'interval.json')
      const before = loadOrCreateCertificateKeyring(file)
      const newKeyId = rotateElsewhere(file)
      vi.advanceTimersByTime(KEY_FILE_RECHECK_MS - 1)
      expect(loadOrCreateCertificateKeyring(file).current.keyId).toBe(before.current.keyId)
      vi.advanceTimersByTime(2)
      expect(loadOrCreateCertificateKeyring(file).current.keyId).toBe(newKeyId)
    } finally {
      vi.useRealTimers()
    }
  })
})
