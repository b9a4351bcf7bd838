import { useEffect, useId, useRef, useState } from 'react';
import { useTranslate } from '../../i18n/useTranslate';
import { FieldError } from '../../ui/ErrorNotice';
import { emptyCriterion, type CriterionDraft } from './certificationDraft';
import { kindName, kinds } from './criterionKinds';

/** The ordered criteria of a certification: add, edit, move (buttons, so the keyboard works too) and remove; each kind shows its own fields. */
export function CriteriaEditor({
  criteria,
  onChange,
  error,
}: {
  criteria: CriterionDraft[];
  onChange: (next: CriterionDraft[]) => void;
  error: unknown;
}) {
  const t = useTranslate();
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
    const button =
      item?.querySelector<HTMLButtonElement>(`button[data-move="${wanted.direction}"]:not(:disabled)`) ??
      item?.querySelector<HTMLButtonElement>('button[data-move]:not(:disabled)');
    button?.focus();
  }, [criteria]);

  const update = (key: string, change: Partial<CriterionDraft>) => onChange(criteria.map((k) => (k.key === key ? { ...k, ...change } : k)));
  const move = (index: number, direction: 'up' | 'down') => {
    const to = direction === 'up' ? index - 1 : index + 1;
    const moved = criteria[index];
    if (!moved) return;
    const next = criteria.filter((k) => k !== moved);
    next.splice(to, 0, moved);
    focusAfterMove.current = { key: moved.key, direction };
    setAnnouncement(t('criteria.moved', { title: moved.title || t('criteria.untitled'), position: to + 1, count: next.length }));
    onChange(next);
  };

  return (
    <section className="stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('enrollment.criteria')}</h2>
      <p className="hint">{t('criteria.hint')}</p>
      <FieldError error={error} field="criteria" label={t('criteria.field')} id={`${id}-error`} />
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {criteria.length === 0 && <p className="muted">{t('criteria.none')}</p>}
      <ol className="stack criteria" ref={list}>
        {criteria.map((k, index) => (
          <li key={k.key} data-key={k.key}>
            <CriterionFields criterion={k} index={index} error={error} onChange={(change) => update(k.key, change)} />
            <div className="row">
              <button
                type="button"
                className="secondary"
                data-move="up"
                disabled={index === 0}
                aria-label={t('criteria.moveUpLabel', { position: index + 1 })}
                onClick={() => move(index, 'up')}
              >
                {t('criteria.moveUp')}
              </button>
              <button
                type="button"
                className="secondary"
                data-move="down"
                disabled={index === criteria.length - 1}
                aria-label={t('criteria.moveDownLabel', { position: index + 1 })}
                onClick={() => move(index, 'down')}
              >
                {t('criteria.moveDown')}
              </button>
              <button
                type="button"
                className="secondary danger"
                aria-label={t('criteria.removeLabel', { position: index + 1 })}
                onClick={() => {
                  setAnnouncement(t('criteria.removed', { title: k.title || t('criteria.untitled') }));
                  onChange(criteria.filter((x) => x.key !== k.key));
                }}
              >
                {t('common.remove')}
              </button>
            </div>
          </li>
        ))}
      </ol>
      <div className="row">
        <label htmlFor={`${id}-kind`}>{t('criteria.newKind')}</label>
        <select id={`${id}-kind`} value={newKind} onChange={(e) => setNewKind(e.target.value)}>
          {kinds.map((kind) => (
            <option key={kind} value={kind}>
              {kindName(kind, t)}
            </option>
          ))}
        </select>
        <button type="button" className="secondary" onClick={() => onChange([...criteria, emptyCriterion(newKind)])}>
          {t('criteria.add')}
        </button>
      </div>
    </section>
  );
}

function CriterionFields({
  criterion: k,
  index,
  error,
  onChange,
}: {
  criterion: CriterionDraft;
  index: number;
  error: unknown;
  onChange: (change: Partial<CriterionDraft>) => void;
}) {
  const t = useTranslate();
  const id = useId();
  const path = `criteria[${index}]`;
  const field = (name: string, label: string) => ({
    id: `${id}-${name}`,
    describedBy: `${id}-${name}-error`,
    error: <FieldError error={error} field={`${path}.${name}`} label={label} id={`${id}-${name}-error`} />,
  });
  const title = field('title', t('editor.field.title'));
  const description = field('description', t('editor.field.description'));
  const activity = field('externalActivityId', t('criteria.field.activity'));
  const score = field('minScore', t('criteria.field.minScore'));
  const evidence = field('evidenceRequired', t('evidence.heading'));
  const skills = field('skills', t('criteria.field.skills'));
  const stars = field('minStars', t('criteria.field.minStars'));
  const lms = k.kind === 'content' || k.kind === 'activity';
  return (
    <fieldset className="card stack" aria-describedby={`${id}-whole-error`}>
      <legend>{t('criteria.legend', { position: index + 1 })}</legend>
      <FieldError error={error} field={path} label={t('criteria.field.this')} id={`${id}-whole-error`} />
      <div className="row">
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('criteria.kind')}</label>
          <select id={`${id}-kind`} value={k.kind} onChange={(e) => onChange({ kind: e.target.value })}>
            {kinds.map((kind) => (
              <option key={kind} value={kind}>
                {kindName(kind, t)}
              </option>
            ))}
          </select>
        </div>
        <div className="field grow">
          <label htmlFor={title.id}>{t('editor.title')}</label>
          <input
            id={title.id}
            value={k.title}
            maxLength={200}
            aria-describedby={title.describedBy}
            onChange={(e) => onChange({ title: e.target.value })}
          />
          {title.error}
        </div>
      </div>
      <div className="field">
        <label htmlFor={description.id}>{t('editor.description')}</label>
        <textarea
          id={description.id}
          value={k.description}
          rows={2}
          aria-describedby={description.describedBy}
          onChange={(e) => onChange({ description: e.target.value })}
        />
        {description.error}
      </div>
      {lms && (
        <div className="row">
          <div className="field grow">
            <label htmlFor={activity.id}>{t('criteria.activity')}</label>
            <input
              id={activity.id}
              value={k.externalActivityId}
              aria-describedby={activity.describedBy}
              onChange={(e) => onChange({ externalActivityId: e.target.value })}
            />
            {activity.error}
          </div>
          <div className="field">
            <label htmlFor={score.id}>{t('criteria.minScore')}</label>
            <input
              id={score.id}
              type="number"
              min={0}
              max={100}
              inputMode="numeric"
              value={k.minScore}
              aria-describedby={score.describedBy}
              onChange={(e) => onChange({ minScore: e.target.value })}
            />
            {score.error}
          </div>
        </div>
      )}
      {k.kind === 'activity' && (
        <div>
          <label className="check">
            <input
              type="checkbox"
              checked={k.evidenceRequired}
              aria-describedby={evidence.describedBy}
              onChange={(e) => onChange({ evidenceRequired: e.target.checked })}
            />
            {t('criteria.evidenceRequired')}
          </label>
          {evidence.error}
        </div>
      )}
      {k.kind === 'live_session' && (
        <div className="row">
          <div className="field grow">
            <label htmlFor={skills.id}>{t('criteria.skills')}</label>
            <textarea
              id={skills.id}
              value={k.skills}
              rows={3}
              aria-describedby={skills.describedBy}
              onChange={(e) => onChange({ skills: e.target.value })}
            />
            {skills.error}
          </div>
          <div className="field">
            <label htmlFor={stars.id}>{t('criteria.minStars')}</label>
            <input
              id={stars.id}
              type="number"
              min={1}
              max={5}
              value={k.minStars}
              aria-describedby={stars.describedBy}
              onChange={(e) => onChange({ minStars: e.target.value })}
            />
            {stars.error}
          </div>
        </div>
      )}
    </fieldset>
  );
}
