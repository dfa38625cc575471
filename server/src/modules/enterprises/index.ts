/**
 * The enterprises module's public face: what other modules may use. Everything else in the folder is
 * private to it (a lint rule holds the line; docs/decisions/0036).
 */
export {
  applyRegistryRecords,
  findEnterpriseForClaim,
  findManagerIds,
  findMembershipRole,
  findRegistryRecord,
  grantMembership,
} from './enterprise-registry.service'
export type { RegistryRecord } from './enterprise-registry.service'
export {
  findEnterpriseIdByUscc,
  findEnterpriseIdsByUscc,
  getEnterprise,
  listMembers,
  listProfileVersions,
  requireEnterpriseAccess,
} from './enterprises.service'
