import createClient from 'openapi-fetch';
import type { Auth } from '../auth/auth';
import { ApiProblem, Unreachable, type Problem } from './problem';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];
export type Api = ReturnType<typeof createApi>;

/** The typed client of the API (generated from its OpenAPI document); every call carries the signed-in person's token. */
export function createApi(baseUrl: string, auth: Auth) {
  const client = createClient<paths>({ baseUrl });
  client.use({
    async onRequest({ request }) {
      const token = await auth.token();
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
      return request;
    },
    onResponse({ response }) {
      if (response.status === 401) {
        auth.signIn(window.location.pathname + window.location.search);
      }
      return response;
    },
  });
  return client;
}

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The body of a successful call; a problem or an unreachable server becomes an error the page shows. */
export async function must<T>(call: Promise<Answer<T>>): Promise<T> {
  let answer: Answer<T>;
  try {
    answer = await call;
  } catch {
    throw new Unreachable();
  }
  if (!answer.response.ok) {
    throw new ApiProblem(answer.response.status, answer.error as Problem | undefined);
  }
  return answer.data as T;
}

/** A resource with the ETag it was read or written at, for the If-Match of the next write. */
export interface Versioned<T> {
  data: T;
  etag: string;
}

/** Like must, keeping the answer's ETag. */
export async function mustVersioned<T>(call: Promise<Answer<T>>): Promise<Versioned<T>> {
  let response: Response | undefined;
  const data = await must(
    call.then((answer) => {
      response = answer.response;
      return answer;
    }),
  );
  return { data, etag: response?.headers.get('ETag') ?? '' };
}
