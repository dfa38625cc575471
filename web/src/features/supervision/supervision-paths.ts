import { paths } from '../../app/routes'

/** The supervision feature's own pages (the app's shared paths list the list's). */
export const supervisionPaths = {
  list: paths.staffSupervision,
  case: (id: string) => `${paths.staffSupervision}/${encodeURIComponent(id)}`,
  respond: (id: string) => `${paths.staffSupervision}/${encodeURIComponent(id)}/respond`,
}
