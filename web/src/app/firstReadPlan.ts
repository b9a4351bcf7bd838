/**
 * The reads a page's first load starts before React, by page. Nothing here imports: the early start-up script
 * (firstPaint/earlyReads.ts), built on its own, sends these reads, and the app's queries (queries.ts) read the same.
 */

/** A read of the API: its path and query as the API's OpenAPI document names them. */
export interface ApiRead {
  path: string;
  query?: Readonly<Record<string, string>>;
}

export const apiReads = {
  me: { path: '/me' },
  myAssignments: { path: '/me/assignments', query: { pageSize: '100' } },
  discover: { path: '/me/discover', query: { pageSize: '500' } },
  teamRecords: { path: '/me/team/learning-records', query: { pageSize: '500' } },
  myCertificates: { path: '/me/certificates', query: { pageSize: '500' } },
} as const satisfies Record<string, ApiRead>;

export type ReadName = keyof typeof apiReads;

/** What each signed-in page reads beyond /me on its first render, by its path. */
export const pageReads: Readonly<Record<string, readonly ReadName[]>> = {
  '/': ['myAssignments'],
  '/discover': ['discover'],
  '/certificates': ['myCertificates'],
  '/coach/team': ['teamRecords'],
};

/** The pages one opens signed out: signing in, and accepting an invitation. */
const signedOutPaths = /^\/(sign-in|invitations\/)/;

/** The reads a page's first load starts at once, and those it starts once the first have answered. */
export interface FirstReadPlan {
  now: readonly ReadName[];
  next: readonly ReadName[];
}

/**
 * What the page at path reads on its first load: the page's own reads from the table and /me, which every signed-in
 * page's layout waits for. The page's own go first: they are the slower to answer (the learner's home: ~16 ms against
 * ~6 ms for /me on the dev host).
 *
 * The learner's home is drawn from its list alone, before /me has answered (firstPaint/homeFirstPaint.ts), so there /me
 * waits for the list instead of sharing the server with it: side by side, the list came 10 to 15 ms later on the dev
 * host (docs/performance.md).
 */
export function firstReadPlan(path: string): FirstReadPlan {
  if (signedOutPaths.test(path)) return { now: [], next: [] };
  const own = pageReads[path] ?? [];
  return path === '/' ? { now: own, next: ['me'] } : { now: [...own, 'me'], next: [] };
}

/** The read's absolute URL, as the API client builds it from the same path and query. */
export function readUrl(apiBaseUrl: string, read: ApiRead): string {
  const query = read.query ? `?${new URLSearchParams(read.query).toString()}` : '';
  return new URL(`${apiBaseUrl}${read.path}${query}`, document.baseURI).href;
}
