import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { must } from '../../api/client';
import { useServices } from '../../app/context';
import { queries } from '../../app/queries';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { usePageTitle } from '../../ui/usePageTitle';

/** Certifications I may enroll in myself. */
export function Discover() {
  usePageTitle('Discover');
  const { api } = useServices();
  const navigate = useNavigate();
  const client = useQueryClient();
  const open = useQuery(queries.discover(api));
  const enroll = useMutation({
    mutationFn: (id: string) => must(api.POST('/certifications/{id}/enrollments', { params: { path: { id } } })),
    onSuccess: async (enrolled) => {
      await client.invalidateQueries({ queryKey: ['my-assignments'] });
      await client.invalidateQueries({ queryKey: ['discover'] });
      void navigate(`/enrollments/${enrolled.enrollmentId}`);
    },
  });

  return (
    <>
      <h1>Discover certifications</h1>
      {open.isPending && <p className="muted">Loading…</p>}
      {open.isError && <ErrorNotice error={open.error} onRetry={() => void open.refetch()} />}
      {enroll.isError && <ErrorNotice error={enroll.error} />}
      {open.isSuccess && open.data.items.length === 0 && <p>There is nothing more to enroll in right now.</p>}
      {open.isSuccess && open.data.items.length > 0 && (
        <ul className="cards" aria-label="Certifications you can enroll in">
          {open.data.items.map((c) => (
            <li key={c.id} className="card stack">
              <h2>{c.title}</h2>
              {c.description && <p>{c.description}</p>}
              <p className="muted">
                {c.criteria.length} {c.criteria.length === 1 ? 'criterion' : 'criteria'}
                {c.requireApproval ? ' · approval required' : ''}
                {c.validityMonths ? ` · valid ${c.validityMonths} months` : ''}
              </p>
              <button type="button" disabled={enroll.isPending} onClick={() => enroll.mutate(c.id)} aria-label={`Enroll in ${c.title}`}>
                {enroll.isPending && enroll.variables === c.id ? 'Enrolling…' : 'Enroll'}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
