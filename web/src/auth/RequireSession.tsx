import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { useI18n } from '../i18n/I18nProvider';
import { Page } from '../ui/Page';
import { Shell } from '../ui/Shell';
import type { Role } from './session';
import { useSession } from './SessionProvider';

/**
 * Shows its layout to a signed-in person of one of `roles`; sends anyone not signed in to sign in
 * first, and tells anyone else the page is not for them. It wraps a layout, so that answer brings
 * its own frame.
 */
export function RequireSession({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { session } = useSession();
  const location = useLocation();
  const { t } = useI18n();
  if (!session || session.expiresAt <= Date.now()) {
    return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search, expired: Boolean(session) }} />;
  }
  if (!roles.includes(session.role)) {
    return (
      <Shell>
        <Page title={t('app.forbidden.title')}>
          <p>
            {t('app.forbidden.body', {
              role: t(`role.${session.role}`),
              roles: roles.map((r) => t(`role.${r}`)).join(', '),
            })}
          </p>
          <p>
            <Link to="/sign-in">{t('app.forbidden.switch')}</Link>
          </p>
        </Page>
      </Shell>
    );
  }
  return children;
}
