import { defineModule } from '../../kernel/module'
// The module's row types join the database type wherever the module is loaded.
import './services.tables'
// Applications are rated through the one ratings model (issue 13).
import './application-rateable'
import { servicesErrors } from './services.errors'
import { applicationFormRoutes, MATERIAL_UPLOADS_PATH } from './application-form.routes'
import { MAX_ATTACHMENT_BYTES } from '../../kernel/uploads'
import { matterRoutes } from './matters.routes'
import { servicesRoutes } from './services.routes'
import { applicationsIntakeRoutes } from './applications-intake.routes'
import { registerServicesJobs } from './services.jobs'
import { applicationsStaffRoutes } from './applications-staff.routes'
import { BUNDLE_MATERIAL_UPLOADS_PATH, bundleRoutes } from './bundles.routes'
import { deskRoutes } from './application-desk.routes'
import { figuresRoutes } from './services-figures.routes'

/** The services module's entry: what it serves and may answer (kernel/module.ts). */
export default defineModule({
  name: 'services',
  mounts: [
    { routes: servicesRoutes },
    { routes: applicationsIntakeRoutes },
    { routes: matterRoutes },
    { routes: applicationsStaffRoutes },
    { routes: applicationFormRoutes },
    { routes: bundleRoutes },
    { routes: deskRoutes },
    { routes: figuresRoutes },
  ],
  jobs: registerServicesJobs,
  errors: servicesErrors,
  // one file for a material of an application, or of a bundle application
  bodyLimits: {
    [MATERIAL_UPLOADS_PATH]: MAX_ATTACHMENT_BYTES,
    [BUNDLE_MATERIAL_UPLOADS_PATH]: MAX_ATTACHMENT_BYTES,
  },
})
