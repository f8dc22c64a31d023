import { sessionOf, storeSession } from './session';

/**
 * A tracking link from a message to a customer: `/track/<caseId>#t=<token>&lang=<language>`
 * (docs/web.md#tracking-links). The token rides in the fragment, which the browser never sends,
 * so no server logs it; here it becomes the tab's session (sessionStorage, like any sign-in) and
 * leaves the address bar, history and anything the page later shares.
 */

const LANGUAGE_KEY = 'aso.track.language';

export function adoptTrackingLink(): void {
  const { pathname, search, hash } = window.location;
  if (!pathname.startsWith('/track/') || !hash.includes('t=')) return;
  const fragment = new URLSearchParams(hash.slice(1));
  const session = sessionOf(fragment.get('t') ?? '');
  if (session && session.expiresAt > Date.now()) storeSession(session);
  const language = fragment.get('lang');
  if (language) sessionStorage.setItem(LANGUAGE_KEY, language);
  window.history.replaceState(window.history.state, '', pathname + search);
}

/** The language the link's message was written in: the customer's, as the customer system knows it. */
export function linkLanguage(): string | null {
  return sessionStorage.getItem(LANGUAGE_KEY);
}
