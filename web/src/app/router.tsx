import { BrowserRouter, Route, Routes } from 'react-router'
import type { Feature, FeatureRoute } from './feature'
import { registerFeatures } from './feature-registry'
import { FEATURES } from './features'
import { lazyNamed } from './lazy-page'
import { RootLayout } from './RootLayout'
import { isStaffPath } from './routes'
import { loadStaffMenuIcons } from './staff/staff-menu-icons'

/*
 * Two shells behind one index.html. Everything UI-library-specific is behind a dynamic import:
 * the enterprise app (antd-mobile) and the staff console (antd) are separate chunks, and each page
 * is its own chunk on top of its shell. This file and RootLayout must stay free of antd/antd-mobile.
 *
 * Declarative routes (<BrowserRouter>), not the data router: no page uses loaders or actions, and
 * the data router adds ~16 kB gzip to the entry chunk every phone downloads first.
 */
const loadEnterpriseShell = () => import('./enterprise/EnterpriseShell')
const loadStaffRoot = () => import('./staff/StaffRoot')

const EnterpriseShell = lazyNamed(loadEnterpriseShell, 'EnterpriseShell')
const StaffRoot = lazyNamed(loadStaffRoot, 'StaffRoot')
// The console frame waits for its menu's icons, so the menu never draws without them.
const StaffShell = lazyNamed(
  () => Promise.all([import('./staff/StaffShell'), loadStaffMenuIcons()]).then(([shell]) => shell),
  'StaffShell',
)

registerFeatures(FEATURES)

// The shells' own pages; every feature page comes from the feature list.
const HomePage = lazyNamed(() => import('./enterprise/HomePage'), 'HomePage')
const EnterpriseNotFoundPage = lazyNamed(() => import('./enterprise/NotFoundPage'), 'NotFoundPage')
const StaffHomePage = lazyNamed(() => import('./staff/StaffHomePage'), 'StaffHomePage')
const StaffNotFoundPage = lazyNamed(() => import('./staff/StaffNotFoundPage'), 'StaffNotFoundPage')

const routesOf = (pick: (feature: Feature) => readonly FeatureRoute[] | undefined) =>
  FEATURES.flatMap((feature) => pick(feature) ?? []).map(({ path, page: Page }) => (
    <Route key={path} path={path} element={<Page />} />
  ))

export function AppRouter() {
  return (
    <BrowserRouter>
      <Routes>
        <Route element={<RootLayout />}>
          <Route path="/staff" element={<StaffRoot />}>
            {routesOf((feature) => feature.staffEntryPages)}
            <Route element={<StaffShell />}>
              <Route index element={<StaffHomePage />} />
              {routesOf((feature) => feature.staffPages)}
              <Route path="*" element={<StaffNotFoundPage />} />
            </Route>
          </Route>
          <Route path="/" element={<EnterpriseShell />}>
            <Route index element={<HomePage />} />
            {routesOf((feature) => feature.enterprisePages)}
            <Route path="*" element={<EnterpriseNotFoundPage />} />
          </Route>
        </Route>
      </Routes>
    </BrowserRouter>
  )
}

/**
 * Starts fetching the shell for the first URL while translations and the session load; for the
 * console also the menu's icons, which the console frame waits for, so they cost no extra round.
 */
export function preloadShell(pathname: string): Promise<unknown> {
  const shell = isStaffPath(pathname)
    ? Promise.all([loadStaffRoot(), loadStaffMenuIcons()])
    : loadEnterpriseShell()
  return shell.catch(() => undefined)
}
