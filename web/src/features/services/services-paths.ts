/** The services feature's own pages (the app's shared paths list the catalogue's). */
export const servicesPaths = {
  mine: '/services',
  startApply: (matterId: string) => `/matters/${matterId}/apply`,
  openFor: (matterId: string, enterpriseId: string) => `/matters/${matterId}/apply/${enterpriseId}`,
  apply: (applicationId: string) => `/services/applications/${applicationId}/apply`,
  application: (applicationId: string) => `/services/applications/${applicationId}`,
}
