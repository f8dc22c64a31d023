import { en as supervisorEn } from '../pages/supervisor/messages';
import { knowledgeEn } from '../pages/console/knowledge/messages';
import { consoleEn } from '../pages/console/messages';
import { trackEn } from '../pages/track/messages';

/**
 * Every text the web app shows, in English. zh-CN.ts must have the same keys (tsc checks it).
 * Keys are grouped by page; `{name}` is filled in by t(key, { name }).
 */
export const en = {
  'app.name': 'After-Sales',
  'app.skipToContent': 'Skip to content',
  'app.language': 'Language',
  'app.signedInAs': 'Signed in as {name} ({role})',
  'app.signOut': 'Sign out',
  'app.notFound.title': 'Page not found',
  'app.notFound.body': 'There is no page at this address.',
  'app.notFound.home': 'Go to the start page',
  'app.forbidden.title': 'Not for your role',
  'app.forbidden.body': 'You are signed in as {role}; this page is for {roles}.',
  'app.forbidden.switch': 'Sign in as someone else',

  'role.agent': 'agent',
  'role.supervisor': 'supervisor',
  'role.customer': 'customer',
  'role.supplier': 'supplier',
  'role.admin': 'admin',

  'state.loading': 'Loading…',
  'state.error.title': 'Something went wrong',
  'state.error.unreachable': 'The service could not be reached. Check your connection and try again.',
  'state.error.retry': 'Try again',
  'state.error.requestId': 'Request id: {id}',

  'nav.label': 'Console',
  'nav.myWork': 'My work',
  'nav.search': 'Search',
  'nav.dashboard': 'Dashboard',
  'nav.processes': 'Processes',

  'signIn.title': 'Sign in',
  'signIn.expired': 'Your session has ended. Please sign in again.',
  'signIn.local.intro': 'This is a local stack: pick one of its people to sign in as.',
  'signIn.local.identity': 'Sign in as',
  'signIn.local.group.agent': 'Agents',
  'signIn.local.group.supervisor': 'Supervisors',
  'signIn.local.group.customer': 'Customers',
  'signIn.local.empty.title': 'No one to sign in as yet',
  'signIn.local.empty.body': 'The stack has no agents, supervisors or customers yet.',
  'signIn.submit': 'Sign in',
  'signIn.submitting': 'Signing in…',
  'signIn.token.intro': 'Paste the bearer token your identity provider issued for this service.',
  'signIn.token.label': 'Bearer token',
  'signIn.token.invalid': 'This is not a token for this service: it must be a JWT with a subject and a role.',

  ...consoleEn,
  ...supervisorEn,
  ...knowledgeEn,
  'myWork.title': 'My work',
  'myWork.empty.title': 'Nothing to do right now',
  'myWork.empty.body': 'Work items waiting for you will be listed here, most urgent first.',
  'search.title': 'Search cases',
  'search.empty.title': 'No cases to show',
  'search.empty.body': 'Cases matching your search will be listed here.',

  'track.list.title': 'Your cases',
  'track.list.empty.title': 'No cases yet',
  'track.list.empty.body': 'Your returns, repairs and complaints will be listed here.',
  ...trackEn,
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
