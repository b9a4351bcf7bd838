import { useId } from 'react';
import { FieldError } from './ErrorNotice';

/** A labelled box of free text with the API's sentence about its field under it, tied to it for assistive technology. */
export function TextAreaField({
  label,
  value,
  onChange,
  error,
  field,
  fieldLabel,
  maxLength,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: unknown;
  /** The field the API names in its problem, and the words its sentence starts with. */
  field: string;
  fieldLabel: string;
  maxLength?: number;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} value={value} onChange={(e) => onChange(e.target.value)} maxLength={maxLength} aria-describedby={`${id}-error`} />
      <FieldError error={error} field={field} label={fieldLabel} id={`${id}-error`} />
    </div>
  );
}
