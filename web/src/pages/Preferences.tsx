import { useId, useMemo, useState } from 'react';
import { useMe } from '../app/context';
import { browserTimeZone, preferencesWith, useSavePreferences } from '../app/preferences';
import { appLanguage, chooseLanguage, endonym, shippedLanguages, type Language } from '../i18n/languages';
import { useLanguage, useTranslate } from '../i18n/useTranslate';
import { ErrorNotice } from '../ui/ErrorNotice';
import { usePageTitle } from '../ui/usePageTitle';

/** What a person sets for themselves: the language the app, their e-mails and invitations are in, and their time zone. */
export function Preferences() {
  const me = useMe();
  const t = useTranslate();
  const { setLanguage } = useLanguage();
  const id = useId();
  usePageTitle(t('app.language'));
  const save = useSavePreferences();
  const [changed, setChanged] = useState<'language' | 'zone'>('language');
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  const zone = me.user.timeZone ?? browserTimeZone();
  return (
    <>
      <h1>{t('app.language')}</h1>
      <div className="card stack">
        <div className="field">
          <label htmlFor={`${id}-language`}>{t('app.language')}</label>
          <select
            id={`${id}-language`}
            value={me.user.language ?? ''}
            disabled={save.isPending}
            aria-describedby={`${id}-hint`}
            onChange={(e) =>
              save.mutate(preferencesWith(me, { language: e.target.value || null }), {
                onSuccess: (answer) =>
                  void setLanguage(appLanguage(answer.user.language, answer.organizationLanguage, navigator.languages)),
              })
            }
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
        <div className="field">
          <label htmlFor={`${id}-zone`}>{t('preferences.timeZone')}</label>
          <select
            id={`${id}-zone`}
            value={zone}
            disabled={save.isPending}
            aria-describedby={`${id}-zone-hint`}
            onChange={(e) => {
              setChanged('zone');
              save.mutate(preferencesWith(me, { timeZone: e.target.value }));
            }}
          >
            {(zones.includes(zone) ? zones : [zone, ...zones]).map((name) => (
              <option key={name} value={name}>
                {name.replaceAll('_', ' ')}
              </option>
            ))}
          </select>
          <p className="hint" id={`${id}-zone-hint`}>
            {t('preferences.timeZoneHint')}
          </p>
        </div>
        {save.isSuccess && (
          <p className="alert alert-success" role="status">
            {changed === 'language' ? t('app.languageSaved') : t('preferences.saved')}
          </p>
        )}
        {save.isError && <ErrorNotice error={save.error} />}
      </div>
    </>
  );
}
