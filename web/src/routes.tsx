import { Navigate, Outlet, type RouteObject } from 'react-router';
import { homeOf, staffRoles } from './auth/session';
import { RequireSession } from './auth/RequireSession';
import { useSession } from './auth/SessionProvider';
import { CasePage } from './pages/console/CasePage';
import { ConsoleLayout } from './pages/console/ConsoleLayout';
import { KnowledgeArticlePage } from './pages/console/knowledge/KnowledgeArticlePage';
import { KnowledgePage } from './pages/console/knowledge/KnowledgePage';
import { MyWorkPage } from './pages/console/MyWorkPage';
import { SearchPage } from './pages/console/SearchPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { PlaceholderPage } from './pages/PlaceholderPage';
import { SignInPage } from './pages/SignInPage';
import { LazyDashboard } from './pages/supervisor/LazyDashboard';
import { PartnerDetailPage } from './pages/supervisor/partners/PartnerDetailPage';
import { PartnersPage } from './pages/supervisor/partners/PartnersPage';
import { ProcessesPage } from './pages/supervisor/processes/ProcessesPage';
import { QualityPage } from './pages/supervisor/quality/QualityPage';
import { TrackPage } from './pages/TrackPage';
import { Shell } from './ui/Shell';

/**
 * Every page of the app. The API serves index.html for exactly these prefixes (api/webApp.ts):
 * /, /sign-in, /console/…, /track/…; a new top-level prefix needs a line there too.
 */

function Home() {
  const { session } = useSession();
  return <Navigate to={session ? homeOf(session.role) : '/sign-in'} replace />;
}

function CustomerLayout() {
  return (
    <RequireSession roles={['customer']}>
      <Shell>
        <Outlet />
      </Shell>
    </RequireSession>
  );
}

export const routes: RouteObject[] = [
  { path: '/', element: <Home /> },
  { path: '/sign-in', element: <SignInPage /> },
  {
    path: '/console',
    element: (
      <RequireSession roles={staffRoles}>
        <ConsoleLayout />
      </RequireSession>
    ),
    children: [
      { index: true, element: <MyWorkPage /> },
      { path: 'search', element: <SearchPage /> },
      { path: 'cases/:caseId', element: <CasePage /> },
      { path: 'dashboard', element: <LazyDashboard /> },
      { path: 'partners', element: <PartnersPage /> },
      { path: 'partners/:kind/:id', element: <PartnerDetailPage /> },
      { path: 'quality', element: <QualityPage /> },
      { path: 'processes', element: <ProcessesPage /> },
      { path: 'knowledge', element: <KnowledgePage /> },
      { path: 'knowledge/:articleId', element: <KnowledgeArticlePage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  {
    path: '/track',
    element: <CustomerLayout />,
    children: [
      { index: true, element: <PlaceholderPage section="track.list" /> },
      { path: ':caseId', element: <TrackPage /> },
    ],
  },
  {
    path: '*',
    element: (
      <Shell>
        <NotFoundPage />
      </Shell>
    ),
  },
];
