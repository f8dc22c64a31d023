import { Navigate, Outlet, type RouteObject } from 'react-router';
import { homeOf, staffRoles } from './auth/session';
import { RequireSession } from './auth/RequireSession';
import { useSession } from './auth/SessionProvider';
import { ConsoleLayout } from './pages/console/ConsoleLayout';
import { NotFoundPage } from './pages/NotFoundPage';
import { PlaceholderPage } from './pages/PlaceholderPage';
import { SignInPage } from './pages/SignInPage';
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
      { index: true, element: <PlaceholderPage section="myWork" /> },
      { path: 'search', element: <PlaceholderPage section="search" /> },
      { path: 'dashboard', element: <PlaceholderPage section="dashboard" /> },
      { path: 'processes', element: <PlaceholderPage section="processes" /> },
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
