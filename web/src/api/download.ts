import type { Auth } from '../auth/auth';
import { ApiProblem, Unreachable, type Problem } from './problem';

/** A file the API serves only with a token; problems and a lost network as the client reports them. */
export async function fetchProtectedBlob(url: string, auth: Auth): Promise<Blob> {
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
  return response.blob();
}

/** Such a file as a blob URL that lives a minute: long enough to open or save it. */
async function fetchProtected(url: string, auth: Auth): Promise<string> {
  const blobUrl = URL.createObjectURL(await fetchProtectedBlob(url, auth));
  setTimeout(() => URL.revokeObjectURL(blobUrl), 60_000);
  return blobUrl;
}

/** Opens such a file (evidence, a PDF) in a new tab; the tab is opened first, while the click still allows it. */
export async function openProtectedFile(url: string, auth: Auth): Promise<void> {
  const opened = window.open('', '_blank');
  try {
    const blobUrl = await fetchProtected(url, auth);
    if (opened) opened.location.href = blobUrl;
    else window.location.assign(blobUrl);
  } catch (error) {
    opened?.close();
    throw error;
  }
}

/** Saves such a file (a calendar invitation) under the given name. */
export async function downloadProtectedFile(url: string, fileName: string, auth: Auth): Promise<void> {
  const link = document.createElement('a');
  link.href = await fetchProtected(url, auth);
  link.download = fileName;
  link.click();
}
