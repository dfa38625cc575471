import { definePermissionRows } from '../../../test/permission-matrix/rows'
import { inspectionResultsPermissionRows } from './inspection-results.permissions'

/**
 * Who may call each endpoint of the inspections module (server/test/permission-matrix.test.ts): the
 * rows of each part of the module, written beside it.
 */
export default definePermissionRows({
  ...inspectionResultsPermissionRows,
})
