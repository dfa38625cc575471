/**
 * What other modules may call: the services module issues a certificate when it approves an
 * application; the seed gives the demo enterprise a few.
 */
export {
  issueCertificate,
  issueCertificateInTransaction,
  listEnterpriseCertificates,
  seedDemoCertificates,
} from './certificates.service'
export type { IssueCertificateInput } from './certificates.schema'
