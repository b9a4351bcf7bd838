import { Link } from 'react-router';
import { useMe } from '../app/context';
import { homeOf } from '../app/me';
import { useTranslate } from '../i18n/useTranslate';
import { usePageTitle } from '../ui/usePageTitle';

/** A page of another role, opened by its address: nothing of it is drawn, only the way back to the person's own pages. */
export function Forbidden() {
  const t = useTranslate();
  usePageTitle(t('forbidden.title'));
  const me = useMe();
  return (
    <>
      <h1>{t('forbidden.heading')}</h1>
      <p>{t('forbidden.why')}</p>
      <Link to={homeOf(me)}>{t('forbidden.home')}</Link>
    </>
  );
}
