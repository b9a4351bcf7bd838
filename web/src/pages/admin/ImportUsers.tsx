import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { Link } from 'react-router';
import { must, type Schemas } from '../../api/client';
import { downloadProtectedFile } from '../../api/download';
import { ApiProblem } from '../../api/problem';
import { useServices } from '../../app/context';
import { keys } from '../../app/queries';
import type { MessageKey } from '../../i18n/i18n';
import { useTranslate } from '../../i18n/useTranslate';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { usePageTitle } from '../../ui/usePageTitle';

type Report = Schemas['ImportReport'];

function reportIn(problem: ApiProblem): Report | undefined {
  const body = problem.problem as Partial<Report>;
  return Array.isArray(body.rows) ? (body as Report) : undefined;
}

/** People from a CSV file: a template to start from, then every row's result, with what is wrong named by its line. */
export function ImportUsers() {
  const t = useTranslate();
  usePageTitle(t('import.title'));
  const { api, auth, config } = useServices();
  const client = useQueryClient();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [templateError, setTemplateError] = useState<unknown>(null);
  const upload = useMutation({
    mutationFn: (csv: File) =>
      must(
        api.POST('/users/import', {
          body: csv as unknown as string,
          bodySerializer: (body) => body,
          headers: { 'Content-Type': 'text/csv' },
        }),
      ),
    onSuccess: () => void client.invalidateQueries({ queryKey: keys.users }),
  });
  // With rows that failed the API answers 400, and the problem carries the same report: the good rows have landed.
  const report = upload.data ?? (upload.error instanceof ApiProblem ? reportIn(upload.error) : undefined);
  return (
    <>
      <p>
        <Link to="/admin/people">{t('people.back')}</Link>
      </p>
      <h1>{t('import.title')}</h1>
      <section className="card stack" aria-labelledby={`${id}-how`}>
        <h2 id={`${id}-how`}>{t('import.file')}</h2>
        <p>
          <FormattedMessage id="import.how" values={{ code: (chunks) => <code>{chunks}</code> }} />
        </p>
        <div className="row">
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setTemplateError(null);
              downloadProtectedFile(`${config.apiBaseUrl}/users/import/template`, 'users-template.csv', auth).catch(setTemplateError);
            }}
          >
            {t('import.template')}
          </button>
        </div>
        {templateError !== null && <ErrorNotice error={templateError} />}
      </section>
      <form
        className="card stack"
        aria-label={t('import.form')}
        onSubmit={(event) => {
          event.preventDefault();
          if (file && !upload.isPending) upload.mutate(file);
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('import.csv')}</label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              upload.reset();
            }}
          />
        </div>
        {upload.isError && !report && <ErrorNotice error={upload.error} />}
        <div className="row">
          <button type="submit" disabled={!file || upload.isPending}>
            {upload.isPending ? t('import.importing') : t('import.import')}
          </button>
        </div>
      </form>
      {report && (
        <section className="stack" aria-labelledby={`${id}-result`}>
          <h2 id={`${id}-result`}>{t('import.result')}</h2>
          <p role="status" className={report.failed > 0 ? 'alert alert-warning' : 'alert alert-success'}>
            {t('import.summary', { created: report.created, updated: report.updated, failed: report.failed })}
          </p>
          <div className="table-scroll">
            <table>
              <caption className="visually-hidden">{t('import.perLine')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('import.line')}</th>
                  <th scope="col">{t('user.email')}</th>
                  <th scope="col">{t('import.result')}</th>
                  <th scope="col">{t('import.wrong')}</th>
                </tr>
              </thead>
              <tbody>
                {report.rows.map((row) => (
                  <tr key={row.line} className={row.result === 'failed' ? 'row-failed' : undefined}>
                    <th scope="row">{t('import.lineNumber', { line: row.line })}</th>
                    <td>{row.email ?? '—'}</td>
                    <td>{t(`import.row.${row.result}` as MessageKey)}</td>
                    <td>
                      {row.errors?.length ? (
                        <ul className="plain">
                          {row.errors.map((e) => (
                            <li key={e}>{e}</li>
                          ))}
                        </ul>
                      ) : (
                        ''
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {upload.error instanceof ApiProblem && upload.error.status === 413 && <p className="hint">{t('import.split')}</p>}
    </>
  );
}
