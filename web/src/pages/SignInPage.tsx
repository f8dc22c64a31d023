import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useApi } from '../api/ApiProvider';
import { ApiProblem, unwrap } from '../api/problem';
import type { components } from '../api/schema';
import { homeOf, type Session, sessionOf } from '../auth/session';
import { useSession } from '../auth/SessionProvider';
import { useI18n } from '../i18n/I18nProvider';
import { Page } from '../ui/Page';
import { Shell } from '../ui/Shell';
import { EmptyState, ErrorState, LoadingState } from '../ui/States';

type Identity = components['schemas']['LocalIdentity'];
type LocalRole = components['schemas']['LocalRole'];
const groups: readonly LocalRole[] = ['agent', 'supervisor', 'customer'];

interface Arrival {
  from?: string;
  expired?: boolean;
}

/** Signs in and goes where the user was heading, or to their role's start page. */
function useEnter(): (session: Session) => void {
  const { signIn } = useSession();
  const navigate = useNavigate();
  const arrival = (useLocation().state ?? {}) as Arrival;
  return (session) => {
    signIn(session);
    navigate(arrival.from ?? homeOf(session.role), { replace: true });
  };
}

/** A local stack: pick one of its people (GET /v1/local/identities) and get a token for them. */
function LocalSignIn({ identities }: { identities: Identity[] }) {
  const { t } = useI18n();
  const api = useApi();
  const enter = useEnter();
  const id = useId();
  const [choice, setChoice] = useState(() => (identities[0] ? `${identities[0].role}:${identities[0].sub}` : ''));
  const signIn = useMutation({
    mutationFn: async (value: string) => {
      const at = value.indexOf(':');
      const body = { role: value.slice(0, at) as LocalRole, sub: value.slice(at + 1) };
      return unwrap(api.POST('/v1/local/sign-in', { body }));
    },
    onSuccess: ({ token }) => {
      const session = sessionOf(token);
      if (session) enter(session);
    },
  });
  if (identities.length === 0) {
    return (
      <EmptyState title={t('signIn.local.empty.title')}>
        <p>{t('signIn.local.empty.body')}</p>
      </EmptyState>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    signIn.mutate(choice);
  };
  return (
    <form className="stack" onSubmit={submit}>
      <p>{t('signIn.local.intro')}</p>
      <div className="field">
        <label htmlFor={id}>{t('signIn.local.identity')}</label>
        <select id={id} name="identity" value={choice} onChange={(e) => setChoice(e.target.value)}>
          {groups.map((role) => (
            <optgroup key={role} label={t(`signIn.local.group.${role}`)}>
              {identities
                .filter((i) => i.role === role)
                .map((i) => (
                  <option key={i.sub} value={`${i.role}:${i.sub}`}>
                    {i.name === i.sub ? i.sub : `${i.name} (${i.sub})`}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </div>
      <div>
        <button type="submit" disabled={signIn.isPending}>
          {signIn.isPending ? t('signIn.submitting') : t('signIn.submit')}
        </button>
      </div>
      {signIn.isError && <ErrorState error={signIn.error} />}
    </form>
  );
}

/** Any other stack: the token comes from the identity provider, and is pasted here. */
function TokenSignIn() {
  const { t } = useI18n();
  const enter = useEnter();
  const id = useId();
  const [token, setToken] = useState('');
  const [invalid, setInvalid] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const session = sessionOf(token);
    setInvalid(!session);
    if (session) enter(session);
  };
  return (
    <form className="stack" onSubmit={submit}>
      <p>{t('signIn.token.intro')}</p>
      <div className="field">
        <label htmlFor={id}>{t('signIn.token.label')}</label>
        <textarea
          id={id}
          name="token"
          rows={4}
          required
          autoComplete="off"
          spellCheck={false}
          value={token}
          aria-invalid={invalid}
          aria-describedby={invalid ? `${id}-error` : undefined}
          onChange={(e) => setToken(e.target.value)}
        />
        {invalid && (
          <p id={`${id}-error`} className="field-error" role="alert">
            {t('signIn.token.invalid')}
          </p>
        )}
      </div>
      <div>
        <button type="submit">{t('signIn.submit')}</button>
      </div>
    </form>
  );
}

export function SignInPage() {
  const { t } = useI18n();
  const api = useApi();
  const arrival = (useLocation().state ?? {}) as Arrival;
  const identities = useQuery({
    queryKey: ['local-identities'],
    queryFn: () => unwrap(api.GET('/v1/local/identities')),
  });
  // Not a local stack: the routes do not exist there.
  const notLocal = identities.error instanceof ApiProblem && identities.error.status === 404;
  return (
    <Shell>
      <Page title={t('signIn.title')}>
        {arrival.expired && (
          <p className="notice" role="status">
            {t('signIn.expired')}
          </p>
        )}
        {identities.isPending ? (
          <LoadingState />
        ) : notLocal ? (
          <TokenSignIn />
        ) : identities.isError ? (
          <ErrorState error={identities.error} onRetry={() => void identities.refetch()} />
        ) : (
          <LocalSignIn identities={identities.data.identities} />
        )}
      </Page>
    </Shell>
  );
}
