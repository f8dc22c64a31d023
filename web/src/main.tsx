import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, Outlet, RouterProvider } from 'react-router';
import { ApiProvider } from './api/ApiProvider';
import { SessionProvider } from './auth/SessionProvider';
import { adoptTrackingLink } from './auth/trackingLink';
import { I18nProvider } from './i18n/I18nProvider';
import { routes } from './routes';
import './styles.css';

/** The providers need the router (a 401 navigates to sign-in), so they sit in its root route. */
function Providers() {
  return (
    <ApiProvider>
      <Outlet />
    </ApiProvider>
  );
}

// Before anything reads the session: a tracking link's token becomes this tab's session.
adoptTrackingLink();

const router = createBrowserRouter([{ element: <Providers />, children: routes }]);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <SessionProvider>
        <RouterProvider router={router} />
      </SessionProvider>
    </I18nProvider>
  </StrictMode>,
);
