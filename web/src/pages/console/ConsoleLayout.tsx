import { NavLink, Outlet } from 'react-router';
import type { Role } from '../../auth/session';
import { useSession } from '../../auth/SessionProvider';
import type { MessageKey } from '../../i18n/en';
import { useI18n } from '../../i18n/I18nProvider';
import { Shell } from '../../ui/Shell';

/** The figures and the quality queue are a supervisor's work; agents are not shown them. */
const supervisors: readonly Role[] = ['supervisor', 'admin'];

/** The console's sections; a new one is a line here and a route in routes.tsx. */
const sections: readonly { to: string; label: MessageKey; end?: boolean; roles?: readonly Role[] }[] = [
  { to: '/console', label: 'nav.myWork', end: true },
  { to: '/console/search', label: 'nav.search' },
  { to: '/console/dashboard', label: 'nav.dashboard', roles: supervisors },
  { to: '/console/partners', label: 'nav.partners', roles: supervisors },
  { to: '/console/quality', label: 'nav.quality', roles: supervisors },
  { to: '/console/processes', label: 'nav.processes' },
  { to: '/console/knowledge', label: 'nav.knowledge' },
];

export function ConsoleLayout() {
  const { t } = useI18n();
  const { session } = useSession();
  const nav = (
    <nav className="app-nav" aria-label={t('nav.label')}>
      <ul>
        {sections.filter((s) => !s.roles || (session && s.roles.includes(session.role))).map((s) => (
          <li key={s.to}>
            <NavLink to={s.to} end={s.end}>
              {t(s.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
  return (
    <Shell nav={nav}>
      <Outlet />
    </Shell>
  );
}
