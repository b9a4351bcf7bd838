import { useMutation } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import type { Schemas } from '../../api/client';
import { uploadForm } from '../../api/upload';
import { useServices } from '../../app/context';
import { keys } from '../../app/queries';
import { useTranslate } from '../../i18n/useTranslate';
import { ErrorNotice, FieldError } from '../../ui/ErrorNotice';
import { formatBytes } from '../../ui/format';
import { useRecordUpdate } from '../shared/useRecordUpdate';
import { evidenceLimits, refusalOf } from './evidenceLimits';

type Detail = Schemas['EnrollmentDetail'];

/** Hand in evidence for one criterion: a note and files (picked or dropped), with the upload's progress. */
export function HandIn({ enrollmentId, criterionId, title }: { enrollmentId: string; criterionId: string; title: string }) {
  const t = useTranslate();
  const { auth, config } = useServices();
  const updateRecord = useRecordUpdate(enrollmentId, [keys.myAssignments]);
  const id = useId();
  const picker = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [refusals, setRefusals] = useState<string[]>([]);
  const [over, setOver] = useState(false);
  const [progress, setProgress] = useState(0);

  const add = (picked: FileList | null) => {
    if (!picked) return;
    const refused: string[] = [];
    const kept = [...files];
    for (const file of Array.from(picked)) {
      const refusal = refusalOf(file, t);
      if (refusal) refused.push(refusal);
      else if (kept.length >= evidenceLimits.maxFiles) refused.push(t('handIn.tooMany', { max: evidenceLimits.maxFiles, name: file.name }));
      else kept.push(file);
    }
    setFiles(kept);
    setRefusals(refused);
  };

  const send = useMutation({
    mutationFn: () => {
      const form = new FormData();
      if (text.trim()) form.append('text', text);
      for (const file of files) form.append('file', file, file.name);
      setProgress(0);
      return uploadForm<Detail>(
        `${config.apiBaseUrl}/enrollments/${encodeURIComponent(enrollmentId)}/criteria/${encodeURIComponent(criterionId)}/evidence`,
        form,
        auth,
        setProgress,
      );
    },
    onSuccess: (detail) => {
      updateRecord(detail);
      setText('');
      setFiles([]);
    },
  });

  const nothing = !text.trim() && files.length === 0;
  return (
    <form
      className="stack"
      aria-label={t('handIn.formLabel', { title })}
      onSubmit={(event) => {
        event.preventDefault();
        if (!nothing && !send.isPending) {
          setRefusals([]);
          send.mutate();
        }
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-text`}>{t('handIn.note')}</label>
        <textarea
          id={`${id}-text`}
          value={text}
          onChange={(e) => setText(e.target.value)}
          maxLength={evidenceLimits.maxTextLength}
          aria-describedby={`${id}-text-error`}
        />
        <FieldError error={send.error} field="text" label={t('handIn.note')} id={`${id}-text-error`} />
      </div>
      <div
        className="drop"
        data-over={over}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          add(e.dataTransfer.files);
        }}
      >
        <p>{t('handIn.drop')}</p>
        <button type="button" className="secondary" onClick={() => picker.current?.click()}>
          {t('handIn.choose')}
        </button>
        <input
          ref={picker}
          id={`${id}-files`}
          type="file"
          multiple
          hidden
          aria-label={t('handIn.filesFor', { title })}
          accept={evidenceLimits.acceptedTypes.join(',')}
          onChange={(e) => {
            add(e.target.files);
            e.target.value = '';
          }}
        />
        <p className="hint" id={`${id}-limits`}>
          {t('handIn.limits', {
            max: evidenceLimits.maxFiles,
            size: formatBytes(evidenceLimits.maxFileBytes),
            accepted: t('handIn.accepted'),
          })}
        </p>
      </div>
      {refusals.length > 0 && (
        <ul className="field-error" role="alert">
          {refusals.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
      {files.length > 0 && (
        <ul className="files" aria-label={t('handIn.files')}>
          {files.map((file) => (
            <li key={file.name + file.size}>
              <span>{file.name}</span> <span className="muted">{formatBytes(file.size)}</span>
              <button
                type="button"
                className="secondary"
                onClick={() => setFiles(files.filter((f) => f !== file))}
                aria-label={t('handIn.removeFile', { name: file.name })}
              >
                {t('common.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {send.isPending && (
        <div>
          <progress max={1} value={progress} aria-label={t('handIn.progress')} />
          <span className="muted"> {t('handIn.percent', { progress })}</span>
        </div>
      )}
      {send.isError && <ErrorNotice error={send.error} />}
      <button type="submit" disabled={nothing || send.isPending}>
        {send.isPending ? t('handIn.sending') : t('handIn.send')}
      </button>
    </form>
  );
}
