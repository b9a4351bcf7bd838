import { ApiProblem, Unreachable, sentenceOf } from '../api/problem';
import { AddOnOff } from '../pages/AddOnOff';

/** A failed call as a sentence, with a way to try again when that can help. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (error instanceof ApiProblem && error.isAddOnOff) return <AddOnOff />;
  const title = error instanceof ApiProblem && error.problem.title && error.problem.detail ? error.problem.title : null;
  return (
    <div className="alert alert-danger" role="alert">
      {title && <strong>{title}. </strong>}
      {sentenceOf(error)}
      {onRetry && (error instanceof Unreachable || (error instanceof ApiProblem && error.status >= 500)) && (
        <>
          {' '}
          <button type="button" className="secondary" onClick={onRetry}>Try again</button>
        </>
      )}
    </div>
  );
}

/** The sentences the API wrote about one field, shown under it and tied to it for assistive technology. */
export function FieldError({ error, field, id }: { error: unknown; field: string; id: string }) {
  const message = error instanceof ApiProblem ? error.field(field) : undefined;
  return message ? <p className="field-error" id={id}>{message}</p> : null;
}
