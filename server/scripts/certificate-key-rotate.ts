/**
 * npm run certificates:rotate-key
 *
 * Adds a new SM2 key that signs certificates and the status list from now on (decision 0048). The key
 * it replaces stays in the key file as retired — its public key only — and stays published, so every
 * certificate signed before keeps verifying. Run it where the key file lives (next to
 * AUDIT_SIGNING_KEY_FILE), give every node the new file, and restart them: a node reads the file once.
 */
import { loadConfig } from '../src/kernel/config'
import { certificateKeyFile, rotateCertificateKey } from '../src/modules/certificates/certificate-key'

const config = loadConfig()
const file = certificateKeyFile(config.auditSigningKeyFile)
const keyring = rotateCertificateKey(file, new Date())
console.log(`New certificate signing key ${keyring.current.keyId} in ${file}.`)
for (const key of keyring.published.filter((k) => !k.current))
  console.log(`  retired ${key.keyId} (since ${key.retiredAt}): still published, still verifies`)
console.log('Copy the file to every node and restart them.')
