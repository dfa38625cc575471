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
  verify: (payload: string) => api.post<Verification>('/public/certificates/verify', { payload }),
}
