import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../auth/SessionProvider';
import { useI18n } from '../i18n/I18nProvider';
import { LanguageSwitch } from './LanguageSwitch';

/**
 * Every page's frame: a skip link, the header (the app's name, an optional navigation, who is
 * signed in, the language switch) and the one <main> the page renders into.
 */
export function Shell({ nav, children }: { nav?: ReactNode; children: ReactNode }) {
  const { t } = useI18n();
  const { session, signOut } = useSession();
  const navigate = useNavigate();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <Link className="brand" to="/">
          {t('app.name')}
        </Link>
        {nav}
        <div className="header-tools">
          {session && (
            <>
              <span className="who">{t('app.signedInAs', { name: session.sub, role: t(`role.${session.role}`) })}</span>
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  signOut();
                  navigate('/sign-in');
                }}
              >
                {t('app.signOut')}
              </button>
            </>
          )}
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
