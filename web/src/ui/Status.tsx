import { formatDate } from './format';
import { criteriaMetText, progressPercent, statusBadgeClass } from './standing';

/** An enrollment's status in the product's words, coloured by what it asks of the viewer. */
export function StatusBadge({ status, name }: { status: string; name: string }) {
  return <span className={statusBadgeClass(status)}>{name}</span>;
}

/** How many criteria are met, as a bar with its numbers for assistive technology. */
export function ProgressBar({ met, total, label }: { met: number; total: number; label: string }) {
  const percent = progressPercent(met, total);
  return (
    <div>
      <div className="bar" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={total} aria-valuenow={met}
        aria-valuetext={criteriaMetText(met, total)}>
        <span style={{ width: `${percent}%` }} />
      </div>
      <p className="muted">{criteriaMetText(met, total)}</p>
    </div>
  );
}

/** Where a learning record stands: its status, whether it is overdue, and when it is due. */
export function Standing({ status, statusName, overdue, dueDate, children }: {
  status: string;
  statusName: string;
  overdue: boolean;
  dueDate?: string | null;
  children?: React.ReactNode;
}) {
  return (
    <div className="row">
      <StatusBadge status={status} name={statusName} />
      {overdue && <span className="badge badge-danger">Overdue</span>}
      {children}
      {dueDate && <span className="muted">Due {formatDate(dueDate)}</span>}
    </div>
  );
}
