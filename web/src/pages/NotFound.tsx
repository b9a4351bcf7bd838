import { Link } from 'react-router';
import { useTranslate } from '../i18n/useTranslate';
import { usePageTitle } from '../ui/usePageTitle';

export function NotFound() {
  const t = useTranslate();
  usePageTitle(t('notFound.title'));
  return (
    <>
      <h1>{t('notFound.heading')}</h1>
      <p>{t('notFound.why')}</p>
      <Link to="/">{t('common.goHome')}</Link>
    </>
  );
}
