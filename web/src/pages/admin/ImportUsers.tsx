import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { must, type Schemas } from '../../api/client';
import { downloadProtectedFile } from '../../api/download';
import { ApiProblem } from '../../api/problem';
import { useServices } from '../../app/context';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { usePageTitle } from '../../ui/usePageTitle';

type Report = Schemas['ImportReport'];

function reportIn(problem: ApiProblem): Report | undefined {
  const body = problem.problem as Partial<Report>;
  return Array.isArray(body.rows) ? (body as Report) : undefined;
}

const resultWords: Record<string, string> = { created: 'Created', updated: 'Updated', failed: 'Not imported' };

/** People from a CSV file: a template to start from, then every row's result, with what is wrong named by its line. */
export function ImportUsers() {
  usePageTitle('Import people');
  const { api, auth, config } = useServices();
  const client = useQueryClient();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [templateError, setTemplateError] = useState<unknown>(null);
  const upload = useMutation({
    mutationFn: (csv: File) =>
      must(api.POST('/users/import', { body: csv as unknown as string, bodySerializer: (body) => body, headers: { 'Content-Type': 'text/csv' } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['users'] }),
  });
  // With rows that failed the API answers 400, and the problem carries the same report: the good rows have landed.
  const report = upload.data ?? (upload.error instanceof ApiProblem ? reportIn(upload.error) : undefined);
  return (
    <>
      <p><Link to="/admin/people">← People</Link></p>
      <h1>Import people</h1>
      <section className="card stack" aria-labelledby={`${id}-how`}>
        <h2 id={`${id}-how`}>The file</h2>
        <p>
          One person per line, with the columns <code>email</code>, <code>displayName</code>, <code>roles</code> (Learner, Coach, SuperAdmin),
          and optionally <code>groups</code> (names), <code>coach</code> (an e-mail) and <code>externalId</code>; lists are separated by “;”.
          A known e-mail updates that person, so importing a file twice changes nothing the second time. Up to 5,000 people and 2 MB.
        </p>
        <div className="row">
          <button type="button" className="secondary" onClick={() => {
            setTemplateError(null);
            downloadProtectedFile(`${config.apiBaseUrl}/users/import/template`, 'users-template.csv', auth).catch(setTemplateError);
          }}>Download the template</button>
        </div>
        {templateError !== null && <ErrorNotice error={templateError} />}
      </section>
      <form className="card stack" aria-label="Import a file" onSubmit={(event) => {
        event.preventDefault();
        if (file && !upload.isPending) upload.mutate(file);
      }}>
        <div className="field">
          <label htmlFor={`${id}-file`}>CSV file</label>
          <input id={`${id}-file`} type="file" accept=".csv,text/csv" onChange={(e) => { setFile(e.target.files?.[0] ?? null); upload.reset(); }} />
        </div>
        {upload.isError && !report && <ErrorNotice error={upload.error} />}
        <div className="row"><button type="submit" disabled={!file || upload.isPending}>{upload.isPending ? 'Importing…' : 'Import'}</button></div>
      </form>
      {report && (
        <section className="stack" aria-labelledby={`${id}-result`}>
          <h2 id={`${id}-result`}>Result</h2>
          <p role="status" className={report.failed > 0 ? 'alert alert-warning' : 'alert alert-success'}>
            {report.created} created, {report.updated} updated, {report.failed} not imported{report.failed > 0 && ': fix those lines and import the file again'}.
          </p>
          <div className="table-scroll">
            <table>
              <caption className="visually-hidden">Result per line</caption>
              <thead><tr><th scope="col">Line</th><th scope="col">E-mail</th><th scope="col">Result</th><th scope="col">What is wrong</th></tr></thead>
              <tbody>
                {report.rows.map((row) => (
                  <tr key={row.line} className={row.result === 'failed' ? 'row-failed' : undefined}>
                    <th scope="row">Line {row.line}</th>
                    <td>{row.email ?? '—'}</td>
                    <td>{resultWords[row.result] ?? row.result}</td>
                    <td>{row.errors?.length ? <ul className="plain">{row.errors.map((e) => <li key={e}>{e}</li>)}</ul> : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {upload.error instanceof ApiProblem && upload.error.status === 413 && <p className="hint">Split the file into parts of at most 2 MB.</p>}
    </>
  );
}
