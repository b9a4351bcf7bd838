import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useServices } from '../../app/context';
import { queries } from '../../app/queries';
import { useTranslate } from '../../i18n/useTranslate';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatDateTime } from '../../ui/format';
import { Pager, usePageTrail } from '../../ui/Pager';
import { usePageTitle } from '../../ui/usePageTitle';
import type { Translate } from '../../i18n/i18n';

/** What the LMS delivered lately, newest first, and what each delivery did. */
export function Deliveries() {
  const t = useTranslate();
  usePageTitle(t('deliveries.title'));
  const { api } = useServices();
  const trail = usePageTrail();
  const token = trail.token;
  const deliveries = useQuery({
    ...queries.lmsDeliveries(api, token),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <p>
        <Link to="/admin/settings">{t('deliveries.back')}</Link>
      </p>
      <div className="row spread">
        <h1>{t('deliveries.title')}</h1>
        <button
          type="button"
          className="secondary"
          disabled={deliveries.isFetching}
          onClick={() => {
            trail.reset();
            void deliveries.refetch();
          }}
        >
          {t('deliveries.refresh')}
        </button>
      </div>
      <p className="hint">{t('deliveries.hint')}</p>
      {deliveries.isPending && <p className="muted">{t('app.loading')}</p>}
      {deliveries.isError && <ErrorNotice error={deliveries.error} onRetry={() => void deliveries.refetch()} />}
      {deliveries.isSuccess && deliveries.data.items.length === 0 && <p role="status">{t('deliveries.none')}</p>}
      {deliveries.isSuccess && deliveries.data.items.length > 0 && (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t('deliveries.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('deliveries.received')}</th>
                <th scope="col">{t('criterionKind.activity')}</th>
                <th scope="col">{t('deliveries.outcome')}</th>
                <th scope="col">{t('deliveries.webhookId')}</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.data.items.map((d) => (
                <tr key={d.webhookId}>
                  <th scope="row">{formatDateTime(d.receivedAt)}</th>
                  <td>{d.activityId}</td>
                  <td>
                    {outcomeText(d.outcome, t)}
                    {d.completedEnrollments > 0 && ` (${t('deliveries.records', { count: d.completedEnrollments })})`}
                  </td>
                  <td>
                    <code>{d.webhookId}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {deliveries.isSuccess && (
        <Pager
          trail={trail}
          nextToken={deliveries.data.continuationToken}
          previousLabel={t('deliveries.newer')}
          nextLabel={t('deliveries.older')}
        />
      )}
    </>
  );
}

/** What a delivery did, in the reader's words; an outcome this page does not know is shown as the API wrote it. */
function outcomeText(outcome: string, t: Translate): string {
  if (outcome === 'completed') return t('deliveries.completed');
  if (outcome === 'unknown activity') return t('deliveries.unknownActivity');
  if (outcome.startsWith('nothing to complete')) return t('deliveries.nothingToComplete');
  return outcome;
}
