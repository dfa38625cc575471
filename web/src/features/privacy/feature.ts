import { defineFeature } from '../../app/feature'
import { lazyNamed } from '../../app/lazy-page'
import { paths } from '../../app/routes'

export const privacyFeature = defineFeature({
  name: 'privacy',
  staffEntryPages: [
    { path: 'consent', page: lazyNamed(() => import('./staff/StaffConsentPage'), 'StaffConsentPage') },
  ],
  staffPages: [
    {
      path: 'legal-documents',
      page: lazyNamed(() => import('./staff/LegalDocumentsPage'), 'LegalDocumentsPage'),
    },
  ],
  enterprisePages: [
    { path: 'consent', page: lazyNamed(() => import('./ConsentPage'), 'ConsentPage') },
    { path: 'legal/:kind', page: lazyNamed(() => import('./LegalDocumentPage'), 'LegalDocumentPage') },
    {
      path: 'legal/:kind/versions/:version',
      page: lazyNamed(() => import('./LegalDocumentPage'), 'LegalDocumentPage'),
    },
  ],
  staffMenu: [
    // The privacy notice, terms of use and staff notice: admins publish new versions.
    {
      key: 'legalDocuments',
      path: paths.staffLegalDocuments,
      roles: ['admin'],
      order: 240,
      icon: () => import('@ant-design/icons/FileTextOutlined'),
    },
  ],
  slots: {
    'account.privacy': () => import('./PrivacySection').then((m) => m.PrivacySection),
    'staffAccount.privacy': () => import('./staff/StaffPrivacyCard').then((m) => m.StaffPrivacyCard),
    'enterpriseProfile.export': () =>
      import('./EnterpriseExportSection').then((m) => m.EnterpriseExportSection),
  },
})
