import { useTranslate } from '../i18n/useTranslate';
import { formatDueDate } from './format';
import { criteriaMetText, progressPercent, statusBadgeClass, statusText } from './standing';

/** An enrollment's status in the reader's words, coloured by what it asks of the viewer. */
export function StatusBadge({ status }: { status: string }) {
  const t = useTranslate();
  return <span className={statusBadgeClass(status)}>{statusText(status, t)}</span>;
}

/** How many criteria are met, as a bar with its numbers for assistive technology. */
export function ProgressBar({ met, total, label }: { met: number; total: number; label: string }) {
  const t = useTranslate();
  const percent = progressPercent(met, total);
  return (
    <div>
      <div
        className="bar"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={met}
        aria-valuetext={criteriaMetText(met, total, t)}
      >
        <span style={{ width: `${percent}%` }} />
      </div>
      <p className="muted">{criteriaMetText(met, total, t)}</p>
    </div>
  );
}

/** Where a learning record stands: its status, whether it is overdue, and when it is due. */
export function Standing({
  status,
  overdue,
  dueDate,
  children,
}: {
  status: string;
  overdue: boolean;
  dueDate?: string | null;
  children?: React.ReactNode;
}) {
  const t = useTranslate();
  return (
    <div className="row">
      <StatusBadge status={status} />
      {overdue && <span className="badge badge-danger">{t('standing.overdue')}</span>}
      {children}
      {dueDate && <span className="muted">{t('standing.due', { date: formatDueDate(dueDate) })}</span>}
    </div>
  );
}
