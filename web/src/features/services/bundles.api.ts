import type {
  BundleApplication,
  BundleApplicationList,
  BundleGuide,
  BundleList,
  BundleMonitor,
  BundleResultPack,
} from '@server/modules/services/bundles.schema'
import { api } from '../../app/api'

export type {
  BundleApplication,
  BundleApplicationList,
  BundleGuide,
  BundleList,
  BundleMonitor,
  BundleResultPack,
}

/** Where the bundle pages are (the feature's own: app/routes.ts stays untouched). */
export const bundlePaths = {
  list: '/bundles',
  guide: (id: string) => `/bundles/${id}`,
  apply: (id: string) => `/bundles/${id}/apply`,
  applyFor: (id: string, enterpriseId: string) => `/bundles/${id}/apply/${enterpriseId}`,
  application: (id: string) => `/bundle-applications/${id}`,
  mine: '/bundle-applications',
  monitor: '/staff/bundle-monitor',
}

/** Calls to the bundles of the services module (一件事一次办), typed from its contract. */
export const bundlesApi = {
  list: () => api.get<BundleList>('/services/bundles'),
  guide: (id: string) => api.get<BundleGuide>(`/services/bundles/${id}`),
  open: (enterpriseId: string, bundleId: string) =>
    api.post<BundleApplication>('/services/bundle-applications', { enterpriseId, bundleId }),
  mine: () => api.get<BundleApplicationList>('/services/bundle-applications/mine'),
  application: (id: string) => api.get<BundleApplication>(`/services/bundle-applications/${id}`),
  save: (id: string, formData: Record<string, unknown>) =>
    api.put<BundleApplication>(`/services/bundle-applications/${id}/form`, { formData }),
  submit: (id: string) => api.post<BundleApplication>(`/services/bundle-applications/${id}/submit`),
  uploadMaterial: (id: string, materialName: string, file: File) => {
    const form = new FormData()
    form.set('bundleApplicationId', id)
    form.set('materialName', materialName)
    form.set('file', file)
    return api.upload<{ uploadId: string; attachedTo: string[] }>('/services/bundle-material-uploads', form)
  },
  removeMaterial: (id: string, uploadId: string) =>
    api.delete<{ ok: true }>(`/services/bundle-applications/${id}/materials/${uploadId}`),
  withdraw: (id: string) => api.post<BundleApplication>(`/services/bundle-applications/${id}/withdraw`),
  results: (id: string) => api.get<BundleResultPack>(`/services/bundle-applications/${id}/results`),
  monitor: () => api.get<BundleMonitor>('/services/bundle-applications/monitor'),
}
