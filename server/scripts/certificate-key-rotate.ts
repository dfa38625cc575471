/**
 * npm run certificates:rotate-key
 *
 * Adds a new SM2 key that signs certificates and the status list from now on (decision 0048). The key
 * it replaces stays in the key file as retired — its public key only — and stays published, so every
 * certificate signed before keeps verifying. Run it where the key file lives (next to
 * AUDIT_SIGNING_KEY_FILE). Nodes that share the file take the new key within 5 s without a restart;
 * a node with its own copy takes it once the new file is put in place of its copy (atomically).
 */
import { loadConfig } from '../src/kernel/config'
import { certificateKeyFile, rotateCertificateKey } from '../src/modules/certificates/certificate-key'

const config = loadConfig()
const file = certificateKeyFile(config.auditSigningKeyFile)
const keyring = rotateCertificateKey(file, new Date())
console.log(`New certificate signing key ${keyring.current.keyId} in ${file}.`)
for (const key of keyring.published.filter((k) => !k.current))
  console.log(`  retired ${key.keyId} (since ${key.retiredAt}): still published, still verifies`)
console.log(
  'Running nodes that share this file take the new key within 5 s; a node with its own copy takes it ' +
    'once the new file replaces that copy (copy, then rename into place). No restart is needed.',
)
