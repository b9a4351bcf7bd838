import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { must } from '../api/client';
import { useMe, useServices } from '../app/context';
import { queries } from '../app/queries';
import { appLanguage, chooseLanguage, endonym, shippedLanguages, type Language } from '../i18n/languages';
import { useLanguage, useTranslate } from '../i18n/useTranslate';
import { ErrorNotice } from '../ui/ErrorNotice';
import { usePageTitle } from '../ui/usePageTitle';

/** What a person sets for themselves: the language the app, their e-mails and their invitations are in. */
export function Preferences() {
  const { api } = useServices();
  const me = useMe();
  const client = useQueryClient();
  const t = useTranslate();
  const { setLanguage } = useLanguage();
  const id = useId();
  usePageTitle(t('app.language'));
  const current = me.user.language ?? '';
  const save = useMutation({
    mutationFn: (language: string) => must(api.PUT('/me/preferences', { body: { language: language || null } })),
    onSuccess: async (answer) => {
      client.setQueryData(queries.me(api).queryKey, answer);
      await setLanguage(appLanguage(answer.user.language, answer.organizationLanguage, navigator.languages));
    },
  });
  return (
    <>
      <h1>{t('app.language')}</h1>
      <div className="card stack">
        <div className="field">
          <label htmlFor={`${id}-language`}>{t('app.language')}</label>
          <select
            id={`${id}-language`}
            value={current}
            disabled={save.isPending}
            aria-describedby={`${id}-hint`}
            onChange={(e) => save.mutate(e.target.value)}
          >
            <option value="">
              {t('preferences.automatic', {
                language: endonym(chooseLanguage(null, [...navigator.languages, me.organizationLanguage])),
              })}
            </option>
            {shippedLanguages.map((language: Language) => (
              <option key={language} value={language} lang={language}>
                {endonym(language)}
              </option>
            ))}
          </select>
          <p className="hint" id={`${id}-hint`}>
            {t('preferences.hint', { organization: endonym(me.organizationLanguage) })}
          </p>
        </div>
        {save.isSuccess && (
          <p className="alert alert-success" role="status">
            {t('app.languageSaved')}
          </p>
        )}
        {save.isError && <ErrorNotice error={save.error} />}
      </div>
    </>
  );
}
