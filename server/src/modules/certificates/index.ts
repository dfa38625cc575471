/** What other modules may call: the services module issues a certificate when it approves an application. */
export { issueCertificate } from './certificates.service'
