import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useMe } from '../../app/context';
import { browserTimeZone, preferencesWith, useSavePreferences } from '../../app/preferences';
import { useTranslate } from '../../i18n/useTranslate';
import { ErrorNotice, FieldError } from '../../ui/ErrorNotice';

/** The hours a coach takes live sessions, in their own time zone: the free starts of each day are found within them. */
export function WorkingHours() {
  const me = useMe();
  const t = useTranslate();
  const id = useId();
  const save = useSavePreferences();
  // The API always states a coach's hours (the default office day when they set none).
  const hours = { from: me.user.workingHours?.from ?? '09:00', to: me.user.workingHours?.to ?? '17:00' };
  const [from, setFrom] = useState(hours.from);
  const [to, setTo] = useState(hours.to);
  const zone = me.user.timeZone ?? browserTimeZone();
  const browser = browserTimeZone();
  return (
    <form
      className="card stack"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(preferencesWith(me, { timeZone: zone, workingHours: { from, to } }));
      }}
    >
      <h2 id={`${id}-title`}>{t('schedule.hours')}</h2>
      <p>{t('schedule.hoursSummary', { from: hours.from, to: hours.to, zone: zone.replaceAll('_', ' ') })}</p>
      {zone !== browser && (
        <p className="hint">
          {t('schedule.otherZone', { browser: browser.replaceAll('_', ' '), zone: zone.replaceAll('_', ' ') })}{' '}
          <Link to="/preferences">{t('schedule.changeZone')}</Link>
        </p>
      )}
      <div className="row">
        <div className="field">
          <label htmlFor={`${id}-from`}>{t('schedule.hoursFrom')}</label>
          <input
            id={`${id}-from`}
            type="time"
            step={900}
            value={from}
            aria-describedby={`${id}-from-error`}
            onChange={(e) => setFrom(e.target.value)}
          />
          <FieldError error={save.error} field="workingHours.from" label={t('schedule.hoursFrom')} id={`${id}-from-error`} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{t('schedule.hoursTo')}</label>
          <input
            id={`${id}-to`}
            type="time"
            step={900}
            value={to}
            aria-describedby={`${id}-to-error`}
            onChange={(e) => setTo(e.target.value)}
          />
          <FieldError error={save.error} field="workingHours.to" label={t('schedule.hoursTo')} id={`${id}-to-error`} />
        </div>
      </div>
      <div>
        <button type="submit" className="secondary" disabled={save.isPending}>
          {t('schedule.saveHours')}
        </button>
      </div>
      {save.isSuccess && (
        <p className="alert alert-success" role="status">
          {t('schedule.hoursSaved')}
        </p>
      )}
      {save.isError && <ErrorNotice error={save.error} />}
    </form>
  );
}
