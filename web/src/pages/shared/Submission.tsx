import { useState } from 'react';
import type { Schemas } from '../../api/client';
import { openProtectedFile } from '../../api/download';
import { useServices } from '../../app/context';
import { useTranslate } from '../../i18n/useTranslate';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatBytes, formatDateTime } from '../../ui/format';

type CriterionView = Schemas['EnrollmentDetail']['criteria'][number];

/** What was handed in on a criterion: notes and files to open, oldest first. */
export function Evidence({ enrollmentId, criterion }: { enrollmentId: string; criterion: CriterionView }) {
  const t = useTranslate();
  const { auth, config } = useServices();
  const [error, setError] = useState<unknown>(null);
  if (criterion.evidence.length === 0) return null;
  const open = (evidenceId: string, index: number) => {
    setError(null);
    const url = `${config.apiBaseUrl}/enrollments/${encodeURIComponent(enrollmentId)}/evidence/${encodeURIComponent(evidenceId)}/files/${index}`;
    openProtectedFile(url, auth).catch(setError);
  };
  return (
    <section aria-label={t('evidence.label', { title: criterion.title })}>
      <h4>{t('evidence.heading')}</h4>
      {criterion.evidence.map((item) => (
        <div key={item.id} className="review">
          <p className="muted">{t('evidence.handedIn', { at: formatDateTime(item.addedAt) })}</p>
          {item.text && <p style={{ whiteSpace: 'pre-wrap' }}>{item.text}</p>}
          {item.files.length > 0 && (
            <ul className="files">
              {item.files.map((file, index) => (
                <li key={`${item.id}-${index}`}>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => open(item.id, index)}
                    aria-label={t('evidence.open', { name: file.name })}
                  >
                    {file.name}
                  </button>
                  <span className="muted">{formatBytes(file.size)}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
      {error !== null && <ErrorNotice error={error} />}
    </section>
  );
}

/** The coach's decisions on a criterion, with their rating and feedback. */
export function Reviews({ criterion }: { criterion: CriterionView }) {
  const t = useTranslate();
  if (criterion.reviews.length === 0) return null;
  return (
    <section aria-label={t('reviews.label', { title: criterion.title })}>
      <h4>{t('reviews.heading')}</h4>
      {criterion.reviews.map((review) => (
        <div key={review.at + review.reviewerId} className="review">
          <p>
            <span className={`badge ${review.decision === 'Demonstrated' ? 'badge-success' : 'badge-danger'}`}>
              {review.decision === 'Demonstrated' ? t('reviews.demonstrated') : t('reviews.notDemonstrated')}
            </span>{' '}
            {review.rating ? <span>{t('reviews.stars', { stars: review.rating })} · </span> : null}
            <span className="muted">{t('reviews.byAt', { name: review.reviewerName, at: formatDateTime(review.at) })}</span>
          </p>
          {review.feedback && <p style={{ whiteSpace: 'pre-wrap' }}>{review.feedback}</p>}
        </div>
      ))}
    </section>
  );
}
