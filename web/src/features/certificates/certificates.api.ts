import type { z } from 'zod'
import type {
  Certificate,
  CertificateListSchema,
  Verification,
} from '@server/modules/certificates/certificates.schema'
import { api } from '../../app/api'

export type { Certificate, Verification }
export type CertificateList = z.infer<typeof CertificateListSchema>

/** Calls to the certificates module, typed from its contract. */
export const certificatesApi = {
  mine: () => api.get<CertificateList>('/certificates/mine'),
  // A read: nothing changes, so GET (decision 0066, stop 25).
  verify: (payload: string) => api.get<Verification>('/public/certificates/verify', { payload }),
}
