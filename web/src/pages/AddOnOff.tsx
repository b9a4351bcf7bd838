import { useContext } from 'react';
import { Link } from 'react-router';
import { MeContext, hasRole } from '../app/context';
import { useTranslate } from '../i18n/useTranslate';
import { usePageTitle } from '../ui/usePageTitle';

/** What everyone sees while their organization has the Certifications add-on switched off. */
export function AddOnOff() {
  const t = useTranslate();
  usePageTitle(t('addOnOff.title'));
  // Shown by error notices too, which may sit outside the signed-in layout.
  const me = useContext(MeContext);
  return (
    <section aria-labelledby="add-on-off">
      <h1 id="add-on-off">{t('addOnOff.heading')}</h1>
      <p>{t('addOnOff.why')}</p>
      <p>{t('addOnOff.verify')}</p>
      {me && hasRole(me, 'SuperAdmin') && (
        <p>
          <Link to="/admin/settings">{t('addOnOff.switchOn')}</Link>
        </p>
      )}
    </section>
  );
}
