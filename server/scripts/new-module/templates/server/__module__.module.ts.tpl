import { defineModule } from '../../kernel/module'
// The module's row types join the database type wherever the module is loaded.
import './{{module}}.tables'
import { {{moduleCamel}}Errors } from './{{module}}.errors'
import { {{moduleCamel}}Routes } from './{{module}}.routes'

/** The {{module}} module's entry: what it serves and may answer (kernel/module.ts). */
export default defineModule({
  name: '{{module}}',
  mounts: [{ routes: {{moduleCamel}}Routes }],
  errors: {{moduleCamel}}Errors,
})
