import { useId } from 'react';
import type { Schemas } from '../../api/client';
import { FieldError } from '../../ui/ErrorNotice';

type Report = Schemas['AssignmentReport'];

/** The due date and message of an assignment, as a coach and an admin both give them. */
export function AssignmentFields({ dueDate, message, onDueDate, onMessage, error }: {
  dueDate: string;
  message: string;
  onDueDate: (value: string) => void;
  onMessage: (value: string) => void;
  error: unknown;
}) {
  const id = useId();
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-due`}>Due date</label>
        <input id={`${id}-due`} type="date" value={dueDate} onChange={(e) => onDueDate(e.target.value)} aria-describedby={`${id}-due-error`} />
        <FieldError error={error} field="dueDate" label="The due date" id={`${id}-due-error`} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-message`}>Message</label>
        <textarea id={`${id}-message`} value={message} onChange={(e) => onMessage(e.target.value)} aria-describedby={`${id}-message-error`} />
        <FieldError error={error} field="message" label="The message" id={`${id}-message-error`} />
      </div>
    </>
  );
}

/** The end of the chosen day where the person assigning is, as the API takes a due date. */
export function dueAt(day: string): string | null {
  return day ? new Date(`${day}T23:59:59`).toISOString() : null;
}

const resultWords: Record<string, string> = { Created: 'assigned', AlreadyEnrolled: 'already enrolled' };

/** What an assignment did, learner by learner. */
export function AssignmentResult({ report, names }: { report: Report; names: Map<string, string> }) {
  return (
    <div role="status" className="stack">
      <p className="alert alert-success">
        {report.created} assigned, {report.alreadyEnrolled} already enrolled
        {report.skippedNotInTeam.length > 0 && <>, {report.skippedNotInTeam.length} skipped</>}.
      </p>
      <ul aria-label="Result per learner">
        {report.results.map((line) => (
          <li key={line.learnerId}>
            {names.get(line.learnerId) ?? line.learnerId}: {resultWords[line.result] ?? line.result}
            {line.dueDateAdded && ' (due date added)'}
          </li>
        ))}
        {report.skippedNotInTeam.map((learnerId) => <li key={learnerId}>{names.get(learnerId) ?? learnerId}: skipped, not in your team</li>)}
      </ul>
    </div>
  );
}
