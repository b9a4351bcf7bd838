import { useId } from 'react';
import type { Schemas } from '../../api/client';
import type { MessageKey } from '../../i18n/i18n';
import { useTranslate } from '../../i18n/useTranslate';
import { FieldError } from '../../ui/ErrorNotice';
import { TextAreaField } from '../../ui/TextAreaField';

type Report = Schemas['AssignmentReport'];

/** The due date and message of an assignment, as a coach and an admin both give them. */
export function AssignmentFields({
  dueDate,
  message,
  onDueDate,
  onMessage,
  error,
}: {
  dueDate: string;
  message: string;
  onDueDate: (value: string) => void;
  onMessage: (value: string) => void;
  error: unknown;
}) {
  const t = useTranslate();
  const id = useId();
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-due`}>{t('assign.dueDate')}</label>
        <input
          id={`${id}-due`}
          type="date"
          value={dueDate}
          onChange={(e) => onDueDate(e.target.value)}
          aria-describedby={`${id}-due-error`}
        />
        <FieldError error={error} field="dueDate" label={t('assign.field.dueDate')} id={`${id}-due-error`} />
      </div>
      <TextAreaField
        label={t('assign.message')}
        value={message}
        onChange={onMessage}
        error={error}
        field="message"
        fieldLabel={t('assign.field.message')}
      />
    </>
  );
}

/** The chosen calendar day as the API takes a due date: that day, the same for everyone, due by its end. */
export function dueAt(day: string): string | null {
  return day ? `${day}T00:00:00Z` : null;
}

/** What an assignment did, learner by learner. */
export function AssignmentResult({ report, names }: { report: Report; names: Map<string, string> }) {
  const t = useTranslate();
  return (
    <div role="status" className="stack">
      <p className="alert alert-success">
        {t('assign.summary', { created: report.created, already: report.alreadyEnrolled, skipped: report.skippedNotInTeam.length })}
      </p>
      <ul aria-label={t('assign.perLearner')}>
        {report.results.map((line) => (
          <li key={line.learnerId}>
            {names.get(line.learnerId) ?? line.learnerId}: {t(`assign.result.${line.result}` as MessageKey)}
            {line.dueDateAdded && ` (${t('assign.dueDateAdded')})`}
          </li>
        ))}
        {report.skippedNotInTeam.map((learnerId) => (
          <li key={learnerId}>
            {names.get(learnerId) ?? learnerId}: {t('assign.notInTeam')}
          </li>
        ))}
      </ul>
    </div>
  );
}
