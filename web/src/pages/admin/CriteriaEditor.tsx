import { useEffect, useId, useRef, useState } from 'react';
import { FieldError } from '../../ui/ErrorNotice';
import { emptyCriterion, type CriterionDraft } from './certificationDraft';
import { kindNames, kinds } from './criterionKinds';

/** The ordered criteria of a certification: add, edit, move (buttons, so the keyboard works too) and remove; each kind shows its own fields. */
export function CriteriaEditor({ criteria, onChange, error }: { criteria: CriterionDraft[]; onChange: (next: CriterionDraft[]) => void; error: unknown }) {
  const [newKind, setNewKind] = useState('content');
  const [announcement, setAnnouncement] = useState('');
  const focusAfterMove = useRef<{ key: string; direction: 'up' | 'down' } | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const id = useId();

  useEffect(() => {
    const wanted = focusAfterMove.current;
    if (!wanted) return;
    focusAfterMove.current = null;
    const item = list.current?.querySelector<HTMLElement>(`[data-key="${wanted.key}"]`);
    const button = item?.querySelector<HTMLButtonElement>(`button[data-move="${wanted.direction}"]:not(:disabled)`)
      ?? item?.querySelector<HTMLButtonElement>('button[data-move]:not(:disabled)');
    button?.focus();
  }, [criteria]);

  const update = (key: string, change: Partial<CriterionDraft>) => onChange(criteria.map((k) => (k.key === key ? { ...k, ...change } : k)));
  const move = (index: number, direction: 'up' | 'down') => {
    const to = direction === 'up' ? index - 1 : index + 1;
    const next = [...criteria];
    const [moved] = next.splice(index, 1);
    next.splice(to, 0, moved!);
    focusAfterMove.current = { key: moved!.key, direction };
    setAnnouncement(`“${moved!.title || 'Untitled criterion'}” is now number ${to + 1} of ${next.length}.`);
    onChange(next);
  };

  return (
    <section className="stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Criteria</h2>
      <p className="hint">Learners meet every criterion, in this order, to earn the certificate.</p>
      <FieldError error={error} field="criteria" label="The criteria" id={`${id}-error`} />
      <p className="visually-hidden" aria-live="polite">{announcement}</p>
      {criteria.length === 0 && <p className="muted">No criteria yet. A certification needs at least one before it can be published.</p>}
      <ol className="stack criteria" ref={list}>
        {criteria.map((k, index) => (
          <li key={k.key} data-key={k.key}>
            <CriterionFields criterion={k} index={index} error={error} onChange={(change) => update(k.key, change)} />
            <div className="row">
              <button type="button" className="secondary" data-move="up" disabled={index === 0}
                aria-label={`Move up criterion ${index + 1}`} onClick={() => move(index, 'up')}>Move up</button>
              <button type="button" className="secondary" data-move="down" disabled={index === criteria.length - 1}
                aria-label={`Move down criterion ${index + 1}`} onClick={() => move(index, 'down')}>Move down</button>
              <button type="button" className="secondary danger" aria-label={`Remove criterion ${index + 1}`}
                onClick={() => {
                  setAnnouncement(`“${k.title || 'Untitled criterion'}” removed.`);
                  onChange(criteria.filter((x) => x.key !== k.key));
                }}>Remove</button>
            </div>
          </li>
        ))}
      </ol>
      <div className="row">
        <label htmlFor={`${id}-kind`}>Kind of the new criterion</label>
        <select id={`${id}-kind`} value={newKind} onChange={(e) => setNewKind(e.target.value)}>
          {kinds.map((kind) => <option key={kind} value={kind}>{kindNames[kind]}</option>)}
        </select>
        <button type="button" className="secondary" onClick={() => onChange([...criteria, emptyCriterion(newKind)])}>Add criterion</button>
      </div>
    </section>
  );
}

function CriterionFields({ criterion: k, index, error, onChange }: {
  criterion: CriterionDraft;
  index: number;
  error: unknown;
  onChange: (change: Partial<CriterionDraft>) => void;
}) {
  const id = useId();
  const path = `criteria[${index}]`;
  const field = (name: string, label: string) => ({
    id: `${id}-${name}`,
    describedBy: `${id}-${name}-error`,
    error: <FieldError error={error} field={`${path}.${name}`} label={label} id={`${id}-${name}-error`} />,
  });
  const title = field('title', 'The title');
  const description = field('description', 'The description');
  const activity = field('externalActivityId', 'The LMS activity id');
  const score = field('minScore', 'The minimum score');
  const evidence = field('evidenceRequired', 'Evidence');
  const skills = field('skills', 'The skills');
  const stars = field('minStars', 'The minimum stars');
  const lms = k.kind === 'content' || k.kind === 'activity';
  return (
    <fieldset className="card stack" aria-describedby={`${id}-whole-error`}>
      <legend>Criterion {index + 1}</legend>
      <FieldError error={error} field={path} label="This criterion" id={`${id}-whole-error`} />
      <div className="row">
        <div className="field">
          <label htmlFor={`${id}-kind`}>Kind</label>
          <select id={`${id}-kind`} value={k.kind} onChange={(e) => onChange({ kind: e.target.value })}>
            {kinds.map((kind) => <option key={kind} value={kind}>{kindNames[kind]}</option>)}
          </select>
        </div>
        <div className="field grow">
          <label htmlFor={title.id}>Title</label>
          <input id={title.id} value={k.title} maxLength={200} aria-describedby={title.describedBy} onChange={(e) => onChange({ title: e.target.value })} />
          {title.error}
        </div>
      </div>
      <div className="field">
        <label htmlFor={description.id}>Description</label>
        <textarea id={description.id} value={k.description} rows={2} aria-describedby={description.describedBy}
          onChange={(e) => onChange({ description: e.target.value })} />
        {description.error}
      </div>
      {lms && (
        <div className="row">
          <div className="field grow">
            <label htmlFor={activity.id}>LMS activity id</label>
            <input id={activity.id} value={k.externalActivityId} aria-describedby={activity.describedBy}
              onChange={(e) => onChange({ externalActivityId: e.target.value })} />
            {activity.error}
          </div>
          <div className="field">
            <label htmlFor={score.id}>Minimum score</label>
            <input id={score.id} type="number" min={0} max={100} inputMode="numeric" value={k.minScore} aria-describedby={score.describedBy}
              onChange={(e) => onChange({ minScore: e.target.value })} />
            {score.error}
          </div>
        </div>
      )}
      {k.kind === 'activity' && (
        <div>
          <label className="check">
            <input type="checkbox" checked={k.evidenceRequired} aria-describedby={evidence.describedBy}
              onChange={(e) => onChange({ evidenceRequired: e.target.checked })} />
            Learners hand in evidence (text or files) that an assessor marks Demonstrated or Not demonstrated
          </label>
          {evidence.error}
        </div>
      )}
      {k.kind === 'live_session' && (
        <div className="row">
          <div className="field grow">
            <label htmlFor={skills.id}>Skills the coach rates (one per line)</label>
            <textarea id={skills.id} value={k.skills} rows={3} aria-describedby={skills.describedBy} onChange={(e) => onChange({ skills: e.target.value })} />
            {skills.error}
          </div>
          <div className="field">
            <label htmlFor={stars.id}>Minimum stars</label>
            <input id={stars.id} type="number" min={1} max={5} value={k.minStars} aria-describedby={stars.describedBy}
              onChange={(e) => onChange({ minStars: e.target.value })} />
            {stars.error}
          </div>
        </div>
      )}
    </fieldset>
  );
}
