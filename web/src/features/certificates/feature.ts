import { defineFeature } from '../../app/feature'
import { lazyNamed } from '../../app/lazy-page'

/**
 * Certificates on the web (app/feature.ts): anyone checks a certificate's QR at /certificates/verify
 * (the QR encodes that URL with the payload in `p`); an enterprise user lists its certificates.
 */
export const certificatesFeature = defineFeature({
  name: 'certificates',
  enterprisePages: [
    {
      path: 'certificates',
      page: lazyNamed(() => import('./mobile/MyCertificatesPage'), 'MyCertificatesPage'),
    },
    {
      path: 'certificates/verify',
      page: lazyNamed(() => import('./public/VerifyCertificatePage'), 'VerifyCertificatePage'),
    },
  ],
})
