import type { Auth } from '../auth/auth';
import { ApiProblem, Unreachable, type Problem } from './problem';

/** Opens a file the API serves only with a token (evidence, a PDF): fetched, then shown from a blob URL in a new tab. */
export async function openProtectedFile(url: string, auth: Auth): Promise<void> {
  const opened = window.open('', '_blank');
  const token = await auth.token();
  let response: Response;
  try {
    response = await fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  } catch {
    opened?.close();
    throw new Unreachable();
  }
  if (!response.ok) {
    opened?.close();
    throw new ApiProblem(response.status, (await response.json().catch(() => undefined)) as Problem | undefined);
  }
  const blobUrl = URL.createObjectURL(await response.blob());
  if (opened) opened.location.href = blobUrl;
  else window.location.assign(blobUrl);
  setTimeout(() => URL.revokeObjectURL(blobUrl), 60_000);
}

/** Saves a file the API serves only with a token (a calendar invitation) under the given name. */
export async function downloadProtectedFile(url: string, fileName: string, auth: Auth): Promise<void> {
  const token = await auth.token();
  let response: Response;
  try {
    response = await fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  } catch {
    throw new Unreachable();
  }
  if (!response.ok) {
    throw new ApiProblem(response.status, (await response.json().catch(() => undefined)) as Problem | undefined);
  }
  const blobUrl = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = blobUrl;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(blobUrl), 60_000);
}
