import { useMutation, useQuery } from 'urql';
import { LANGUAGES, LANGUAGE_NAMES, isLanguage, useI18n } from '@/lib/i18n';
import { useSessionState } from '@/lib/use-session';
import { MeQuery, UpdateProfileMutation } from '../api/me';

/** Switches the interface language; for a signed-in user it becomes the first preferred language, so it follows them. */
export function LanguageSwitcher() {
  const { t, lang, setLanguage } = useI18n();
  const signedIn = useSessionState().kind === 'signedIn';
  const [me] = useQuery({ query: MeQuery, pause: !signedIn });
  const [, update] = useMutation(UpdateProfileMutation);

  function choose(value: string) {
    if (!isLanguage(value)) return;
    setLanguage(value);
    const current = me.data?.me.preferredLanguages;
    if (signedIn && current) void update({ input: { preferredLanguages: [value, ...current.filter((l) => l !== value)] } });
  }

  return (
    <label className="language-switcher">
      <span className="visually-hidden">{t('common.language')}</span>
      <select value={lang} onChange={(e) => choose(e.target.value)}>
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
