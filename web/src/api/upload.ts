import type { Auth } from '../auth/auth';
import { ApiProblem, Unreachable, type Problem } from './problem';

/**
 * Posts a multipart form and reports how much of it went up. XMLHttpRequest, because fetch tells nothing about
 * upload progress; the answer is read as the typed client reads it.
 */
export async function uploadForm<T>(url: string, form: FormData, auth: Auth, onProgress: (fraction: number) => void): Promise<T> {
  const token = await auth.token();
  return new Promise<T>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    if (token) request.setRequestHeader('Authorization', `Bearer ${token}`);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onerror = () => reject(new Unreachable());
    request.onload = () => {
      const body: unknown = request.responseText ? JSON.parse(request.responseText) : undefined;
      if (request.status === 401) auth.signIn(window.location.pathname + window.location.search);
      if (request.status >= 200 && request.status < 300) resolve(body as T);
      else reject(new ApiProblem(request.status, body as Problem | undefined));
    };
    request.send(form);
  });
}
