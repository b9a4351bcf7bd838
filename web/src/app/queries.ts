import { must, type Api } from '../api/client';

/**
 * The queries a page's first render needs, defined once: the page reads them with useQuery and its route's loader
 * starts them the moment the route is chosen, side by side with /me, instead of one after the other.
 */
export const queries = {
  me: (api: Api) => ({ queryKey: ['me'], queryFn: () => must(api.GET('/me')) }),
  myAssignments: (api: Api) => ({
    queryKey: ['my-assignments'],
    queryFn: () => must(api.GET('/me/assignments', { params: { query: { pageSize: '100' } } })),
  }),
  discover: (api: Api) => ({ queryKey: ['discover'], queryFn: () => must(api.GET('/me/discover')) }),
  teamRecords: (api: Api) => ({ queryKey: ['team-records'], queryFn: () => must(api.GET('/me/team/learning-records')) }),
  myCertificates: (api: Api) => ({ queryKey: ['my-certificates'], queryFn: () => must(api.GET('/me/certificates')) }),
};

export type Query = { queryKey: string[]; queryFn: () => Promise<unknown> };

/** What each signed-in page reads beyond /me on its first render, by its path. */
export const pageReads = {
  '/': (api: Api): Query[] => [queries.myAssignments(api)],
  '/discover': (api: Api): Query[] => [queries.discover(api)],
  '/certificates': (api: Api): Query[] => [queries.myCertificates(api)],
  '/coach/team': (api: Api): Query[] => [queries.teamRecords(api)],
};

/** The pages one opens signed out: signing in, and accepting an invitation. */
const signedOutPaths = /^\/(sign-in|invitations\/)/;

/** The reads a page's first load starts at once, and those it starts once the first have answered. */
export interface FirstReadPlan {
  now: Query[];
  next: Query[];
}

/**
 * What the page at path reads on its first load, started before React so it arrives beside the scripts: the page's own
 * reads from the table and /me, which every signed-in page's layout waits for. The page's own go first: they are the
 * slower to answer (the learner's home: ~16 ms against ~6 ms for /me on the dev host).
 *
 * The learner's home is drawn from its list alone, before /me has answered (firstPaint/homeFirstPaint.ts), so there /me
 * waits for the list instead of sharing the server with it: side by side, the list came 10 to 15 ms later on the dev
 * host (docs/performance.md).
 */
export function firstReads(api: Api, path: string): FirstReadPlan {
  if (signedOutPaths.test(path)) return { now: [], next: [] };
  const reads = (pageReads as Record<string, ((api: Api) => Query[]) | undefined>)[path]?.(api) ?? [];
  return path === '/' ? { now: reads, next: [queries.me(api)] } : { now: [...reads, queries.me(api)], next: [] };
}

/** A read started before React, by its query key; the app's cache takes it over when React starts. */
export interface StartedRead {
  queryKey: string[];
  data: Promise<unknown>;
}

/** The first load's reads once started: the first paint waits for them by query, and the app's cache is filled from them. */
export class FirstReads {
  private readonly started = new Map<string, StartedRead>();
  private readonly hurry: () => void;

  constructor(plan: FirstReadPlan) {
    const now = plan.now.map((query) => this.start(query, query.queryFn()));
    let hurry = () => {};
    const answeredOrHurried = Promise.race([Promise.allSettled(now), new Promise<void>((resolve) => (hurry = resolve))]);
    this.hurry = hurry;
    for (const query of plan.next) this.start(query, answeredOrHurried.then(() => query.queryFn()));
  }

  /** Starts the reads still waiting for the first ones: React is taking over and needs them all. */
  startAll(): void {
    this.hurry();
  }

  /** The started read of query, typed as the query's own, or undefined when this load did not start it. */
  of<T>(query: { queryKey: string[]; queryFn: () => Promise<T> }): Promise<T> | undefined {
    return this.started.get(JSON.stringify(query.queryKey))?.data as Promise<T> | undefined;
  }

  all(): StartedRead[] {
    return [...this.started.values()];
  }

  private start(query: Query, data: Promise<unknown>): Promise<unknown> {
    // Whoever needs it handles a failure: the page shows it once its query finds it; no unhandled rejection before.
    data.catch(() => undefined);
    this.started.set(JSON.stringify(query.queryKey), { queryKey: query.queryKey, data });
    return data;
  }
}
