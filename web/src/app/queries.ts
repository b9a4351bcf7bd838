import { must, type Api } from '../api/client';
import { apiReads, firstReadPlan, pageReads, type ReadName } from './firstReadPlan';

/**
 * The queries a page's first render needs, defined once: the page reads them with useQuery and its route's loader
 * starts them the moment the route is chosen, side by side with /me, instead of one after the other. Their paths are
 * those of firstReadPlan.ts, which the early script sends before the app has started.
 */
export const queries = {
  me: (api: Api) => ({ queryKey: ['me'], queryFn: () => must(api.GET(apiReads.me.path)) }),
  myAssignments: (api: Api) => ({
    queryKey: ['my-assignments'],
    queryFn: () => must(api.GET(apiReads.myAssignments.path, { params: { query: apiReads.myAssignments.query } })),
  }),
  discover: (api: Api) => ({
    queryKey: ['discover'],
    queryFn: () => must(api.GET(apiReads.discover.path, { params: { query: apiReads.discover.query } })),
  }),
  teamRecords: (api: Api) => ({
    queryKey: ['team-records'],
    queryFn: () => must(api.GET(apiReads.teamRecords.path, { params: { query: apiReads.teamRecords.query } })),
  }),
  myCertificates: (api: Api) => ({
    queryKey: ['my-certificates'],
    queryFn: () => must(api.GET(apiReads.myCertificates.path, { params: { query: apiReads.myCertificates.query } })),
  }),
} satisfies Record<ReadName, (api: Api) => Query>;

export type Query = { queryKey: string[]; queryFn: () => Promise<unknown> };

/** The queries of what the page at path reads beyond /me on its first render (firstReadPlan.ts). */
export function pageQueries(api: Api, path: string): Query[] {
  return (pageReads[path] ?? []).map((name) => queries[name](api));
}

/** The reads a page's first load starts at once, and those it starts once the first have answered. */
export interface FirstReadQueries {
  now: Query[];
  next: Query[];
}

/** The queries of the page's first load, in the order and grouping of firstReadPlan. */
export function firstReads(api: Api, path: string): FirstReadQueries {
  const plan = firstReadPlan(path);
  const of = (names: readonly ReadName[]) => names.map((name) => queries[name](api));
  return { now: of(plan.now), next: of(plan.next) };
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

  constructor(plan: FirstReadQueries) {
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
