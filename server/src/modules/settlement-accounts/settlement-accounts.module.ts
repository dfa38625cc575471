import { defineModule } from '../../kernel/module'
// The module's row types join the database type wherever the module is loaded.
import './settlement-accounts.tables'
import { settlementAccountRoutes } from './settlement-accounts.routes'
import { settlementAccountsErrors } from './settlement-accounts.errors'

/** The settlement-accounts module's entry: what it serves, runs and may answer (kernel/module.ts). */
export default defineModule({
  name: 'settlement-accounts',
  mounts: [{ routes: settlementAccountRoutes }],
  errors: settlementAccountsErrors,
})
