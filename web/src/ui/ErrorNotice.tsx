import { ApiProblem, Unreachable, sentenceOf } from '../api/problem';
import { useTranslate } from '../i18n/useTranslate';
import { AddOnOff } from '../pages/AddOnOff';

/** A failed call as a sentence, with a way to try again when that can help. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useTranslate();
  if (error instanceof ApiProblem && error.isAddOnOff) return <AddOnOff />;
  const title = error instanceof ApiProblem && error.problem.title && error.problem.detail ? error.problem.title : null;
  return (
    <div className="alert alert-danger" role="alert">
      {title && <strong>{title}. </strong>}
      {sentenceOf(error, t)}
      {onRetry && (error instanceof Unreachable || (error instanceof ApiProblem && error.status >= 500)) && (
        <>
          {' '}
          <button type="button" className="secondary" onClick={onRetry}>
            {t('common.tryAgain')}
          </button>
        </>
      )}
    </div>
  );
}

/**
 * The sentences the API wrote about one field, shown under it and tied to it for assistive technology. The API
 * writes them to follow the field's name ("is required when…"), so the label the person sees starts the sentence.
 */
export function FieldError({ error, field, id, label }: { error: unknown; field: string; id: string; label: string }) {
  const message = error instanceof ApiProblem ? error.field(field) : undefined;
  if (!message) return <span id={id} hidden />;
  const sentence = /^[a-z]/.test(message) ? `${label} ${message}` : message;
  return (
    <p className="field-error" id={id}>
      {sentence}
    </p>
  );
}
