import { useId } from 'react';
import { FieldError } from './ErrorNotice';

/** A labelled group of checkboxes choosing some of a list (groups, roles, learners), with the API's sentence about the field under it. */
export function CheckboxGroup({
  legend,
  items,
  chosen,
  onChange,
  error,
  field,
  label,
  empty,
}: {
  legend: string;
  items: { id: string; name: string }[];
  chosen: string[];
  onChange: (next: string[]) => void;
  error?: unknown;
  /** The field the API names in its problem, and the words its sentence starts with. */
  field?: string;
  label?: string;
  empty?: string;
}) {
  const id = useId();
  return (
    <fieldset aria-describedby={`${id}-error`}>
      <legend>{legend}</legend>
      {items.length === 0 && empty && <p className="muted">{empty}</p>}
      <div className="choices">
        {items.map((item) => (
          <label key={item.id} className="check">
            <input
              type="checkbox"
              checked={chosen.includes(item.id)}
              onChange={(e) => onChange(e.target.checked ? [...chosen, item.id] : chosen.filter((x) => x !== item.id))}
            />
            {item.name}
          </label>
        ))}
      </div>
      <FieldError error={error} field={field ?? ''} label={label ?? legend} id={`${id}-error`} />
    </fieldset>
  );
}
