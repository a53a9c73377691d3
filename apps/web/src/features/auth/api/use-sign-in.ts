import { readFragment, type FragmentOf } from '@/lib/graphql';
import { pickLanguage, useI18n } from '@/lib/i18n';
import { signIn } from '@/lib/session';
import { SessionFields } from './auth';

/** Stores the session and switches the interface to the user's own language and time zone. */
export function useStartSession(): (payload: FragmentOf<typeof SessionFields>) => void {
  const { setLanguage, setTimeZone } = useI18n();
  return (payload) => {
    const session = readFragment(SessionFields, payload);
    signIn({ accessToken: session.accessToken, accessTokenExpiresAt: session.accessTokenExpiresAt, refreshToken: session.refreshToken, userId: session.user.id });
    setLanguage(pickLanguage(session.user.preferredLanguages));
    setTimeZone(session.user.timeZone);
  };
}
