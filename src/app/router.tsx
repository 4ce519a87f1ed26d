import type { RouteObject } from 'react-router';
import { createBrowserRouter, Outlet } from 'react-router';
import { activeLocale, loadCatalogue } from '../lib/i18n/i18n';
import { RequireAuth, RequirePermission } from './guards';
import { AppLayout } from './layout/app-layout';
import { ComingSoonPage } from './pages/coming-soon-page';
import { PageLoading } from './pages/page-loading';
import { NotFoundPage } from './pages/not-found-page';
import { RouteErrorPage } from './pages/route-error-page';
import { appSections, type SectionId } from './sections';
import { useDocumentTitle, type RouteHandle } from './use-document-title';

/** A section's route: guarded by the section's permission, with its own error boundary. */
function sectionRoute(id: SectionId, load?: () => Promise<{ Component: React.ComponentType }>): RouteObject {
  const section = appSections[id];
  const permission = 'permission' in section ? section.permission : undefined;
  // The overview is home: titled, but no crumb after 首页.
  const handle: RouteHandle =
    section.path === '/' ? { title: section.label } : { crumb: section.label, title: section.label };
  const guard = (Page: React.ComponentType) =>
    function GuardedSection() {
      return permission ? (
        <RequirePermission permission={permission}>
          <Page />
        </RequirePermission>
      ) : (
        <Page />
      );
    };
  return {
    ...(section.path === '/' ? { index: true } : { path: section.path.slice(1) }),
    handle,
    ErrorBoundary: RouteErrorPage,
    ...(load
      ? {
          lazy: async () => {
            // An area's page comes with its strings (see loadCatalogue).
            const [page] = await Promise.all([load(), loadCatalogue(activeLocale())]);
            return { Component: guard(page.Component) };
          },
        }
      : { Component: guard(() => <ComingSoonPage title={section.label} />) }),
  };
}

/** Around every page: keeps the window title in step with the route and the language. */
function TitledOutlet() {
  useDocumentTitle();
  return <Outlet />;
}

const pages: RouteObject[] = [
  {
    path: '/login',
    handle: { title: 'login.submit' } satisfies RouteHandle,
    ErrorBoundary: RouteErrorPage,
    HydrateFallback: PageLoading,
    lazy: async () => ({ Component: (await import('../features/auth/login-page')).LoginPage }),
  },
  {
    path: '/',
    ErrorBoundary: RouteErrorPage,
    HydrateFallback: PageLoading,
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      sectionRoute('overview', async () => ({
        Component: (await import('../features/overview/overview-page')).OverviewPage,
      })),
      sectionRoute('intake', async () => ({
        Component: (await import('../features/intake/intake-page')).IntakePage,
      })),
      sectionRoute('policyPatches', async () => ({
        Component: (await import('../features/policy-patches/patches-page')).PatchesPage,
      })),
      sectionRoute('serviceCases', async () => ({
        Component: (await import('../features/casework/casework-page')).CaseworkPage,
      })),
      sectionRoute('reports', async () => ({
        Component: (await import('../features/reports/reports-page')).ReportsPage,
      })),
      sectionRoute('admin', async () => ({
        Component: (await import('../features/admin/admin-page')).AdminPage,
      })),
      { path: '*', handle: { title: 'page.notFound' } satisfies RouteHandle, Component: NotFoundPage },
    ],
  },
];

export const appRoutes: RouteObject[] = [{ Component: TitledOutlet, children: pages }];

export function createAppRouter() {
  return createBrowserRouter(appRoutes);
}
