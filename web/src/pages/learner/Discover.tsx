import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { must } from '../../api/client';
import { useServices } from '../../app/context';
import { keys, queries } from '../../app/queries';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useTranslate } from '../../i18n/useTranslate';
import { usePageTitle } from '../../ui/usePageTitle';

/** Certifications I may enroll in myself. */
export function Discover() {
  const t = useTranslate();
  usePageTitle(t('nav.discover'));
  const { api } = useServices();
  const navigate = useNavigate();
  const client = useQueryClient();
  const open = useQuery(queries.discover(api));
  const enroll = useMutation({
    mutationFn: (id: string) => must(api.POST('/certifications/{id}/enrollments', { params: { path: { id } } })),
    onSuccess: async (enrolled) => {
      await client.invalidateQueries({ queryKey: keys.myAssignments });
      await client.invalidateQueries({ queryKey: keys.discover });
      void navigate(`/enrollments/${enrolled.enrollmentId}`);
    },
  });

  return (
    <>
      <h1>{t('discover.title')}</h1>
      {open.isPending && <p className="muted">{t('app.loading')}</p>}
      {open.isError && <ErrorNotice error={open.error} onRetry={() => void open.refetch()} />}
      {enroll.isError && <ErrorNotice error={enroll.error} />}
      {open.isSuccess && open.data.items.length === 0 && <p>{t('discover.empty')}</p>}
      {open.isSuccess && open.data.items.length > 0 && (
        <ul className="cards" aria-label={t('discover.listLabel')}>
          {open.data.items.map((c) => (
            <li key={c.id} className="card stack">
              <h2>{c.title}</h2>
              {c.description && <p>{c.description}</p>}
              <p className="muted">
                {[
                  t('discover.criteria', { count: c.criteria.length }),
                  c.requireApproval ? t('discover.approval') : null,
                  c.validityMonths ? t('discover.validity', { months: c.validityMonths }) : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              <button
                type="button"
                disabled={enroll.isPending}
                onClick={() => enroll.mutate(c.id)}
                aria-label={t('discover.enrollIn', { title: c.title })}
              >
                {enroll.isPending && enroll.variables === c.id ? t('discover.enrolling') : t('discover.enroll')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
