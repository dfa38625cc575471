import { defineFeature } from '../../app/feature'
import { lazyNamed } from '../../app/lazy-page'
import { paths } from '../../app/routes'

export const factsFeature = defineFeature({
  name: 'facts',
  staffPages: [
    { path: 'facts/imports', page: lazyNamed(() => import('./staff/FactImportsPage'), 'FactImportsPage') },
  ],
  enterprisePages: [
    { path: 'enterprises/:id/facts', page: lazyNamed(() => import('./mobile/MyFactsPage'), 'MyFactsPage') },
  ],
  staffMenu: [
    // Departments send the data they verify (tax, social security …); admins may send any source.
    {
      key: 'factImports',
      path: paths.staffFactImports,
      roles: ['handler', 'department_head', 'admin'],
      order: 90,
      icon: () => import('@ant-design/icons/DatabaseOutlined'),
    },
  ],
})
