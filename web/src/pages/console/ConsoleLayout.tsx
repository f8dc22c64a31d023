import { NavLink, Outlet } from 'react-router';
import type { MessageKey } from '../../i18n/en';
import { useI18n } from '../../i18n/I18nProvider';
import { Shell } from '../../ui/Shell';

/** The console's sections; a new one is a line here and a route in routes.tsx. */
const sections: readonly { to: string; label: MessageKey; end?: boolean }[] = [
  { to: '/console', label: 'nav.myWork', end: true },
  { to: '/console/search', label: 'nav.search' },
  { to: '/console/dashboard', label: 'nav.dashboard' },
  { to: '/console/processes', label: 'nav.processes' },
];

export function ConsoleLayout() {
  const { t } = useI18n();
  const nav = (
    <nav className="app-nav" aria-label={t('nav.label')}>
      <ul>
        {sections.map((s) => (
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
