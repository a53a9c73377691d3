import { Suspense, useEffect } from 'react';
import { Link, NavLink, Outlet, useNavigate, useNavigation } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Loading } from '@/components/ui/loading';
import { LogoutMutation } from '@/features/auth/api/auth';
import { SessionExpiredDialog } from '@/features/auth/components/session-expired-dialog';
import { NotificationBell } from '@/features/notifications/components/notification-bell';
import { MeQuery } from '@/features/users/api/me';
import { LanguageSwitcher } from '@/features/users/components/language-switcher';
import { useI18n } from '@/lib/i18n';
import { signOut } from '@/lib/session';
import { useOnline, useSessionState } from '@/lib/use-session';

function ConnectionBanner() {
  const { t } = useI18n();
  const online = useOnline();
  if (online) return null;
  return (
    <div className="banner" role="status" data-testid="connection-banner">
      {t('common.offline')}
    </div>
  );
}

function UserMenu() {
  const { t, setTimeZone } = useI18n();
  const navigate = useNavigate();
  const [me] = useQuery({ query: MeQuery });
  const [, logout] = useMutation(LogoutMutation);
  const timeZone = me.data?.me.timeZone;
  useEffect(() => {
    if (timeZone) setTimeZone(timeZone);
  }, [timeZone, setTimeZone]);

  async function leave() {
    await logout({});
    signOut();
    navigate('/');
  }
  return (
    <>
      <NotificationBell />
      <NavLink to="/profile">
        <bdi>{me.data?.me.displayName ?? t('nav.profile')}</bdi>
      </NavLink>
      <button type="button" className="link" onClick={() => void leave()}>
        {t('nav.logout')}
      </button>
    </>
  );
}

export function Layout() {
  const { t } = useI18n();
  const state = useSessionState();
  const navigation = useNavigation();
  return (
    <>
      <a className="skip" href="#main">
        {t('nav.skip')}
      </a>
      <header className="top">
        <Link to="/" className="brand">
          innomed-hub
        </Link>
        <nav aria-label={t('nav.main')}>
          <NavLink to="/">{t('nav.challenges')}</NavLink>
          <NavLink to="/networks">{t('nav.networks')}</NavLink>
          {state.kind !== 'signedOut' ? <NavLink to="/organisations">{t('nav.organisations')}</NavLink> : null}
          {state.kind !== 'signedOut' ? <NavLink to="/chat">{t('nav.chat')}</NavLink> : null}
          {state.kind !== 'signedOut' ? <NavLink to="/matchmaking">{t('matchmaking.nav')}</NavLink> : null}
        </nav>
        <div className="account">
          <LanguageSwitcher />
          {state.kind === 'signedOut' ? (
            <>
              <NavLink to="/login">{t('nav.login')}</NavLink>
              <NavLink to="/signup">{t('nav.signup')}</NavLink>
            </>
          ) : (
            <UserMenu />
          )}
        </div>
      </header>
      <ConnectionBanner />
      <main id="main" aria-busy={navigation.state === 'loading'}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      {state.kind === 'expired' ? <SessionExpiredDialog /> : null}
    </>
  );
}
