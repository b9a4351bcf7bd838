import { queryOptions } from '@tanstack/react-query';
import { must, mustVersioned, type Api } from '../api/client';
import { everyPage, largestPage } from '../api/everyPage';

/**
 * The cache keys of every resource the pages read: one place names them, so a write can make stale exactly what it
 * changed. A key is a prefix of the keys of its variants (['users'] covers every search and page of users).
 */
export const keys = {
  me: ['me'],
  myAssignments: ['my-assignments'],
  discover: ['discover'],
  myCertificates: ['my-certificates'],
  teamRecords: ['team-records'],
  myTeam: ['my-team'],
  reviewQueue: ['review-queue'],
  enrollment: (id: string) => ['enrollment', id],
  certifications: ['certifications'],
  certification: (id: string) => ['certification', id],
  learningRecords: (certificationId: string) => ['learning-records', certificationId],
  users: ['users'],
  groups: ['groups'],
  certificates: ['certificates'],
  orgSettings: ['org-settings'],
  lmsDeliveries: ['lms-deliveries'],
  programReport: ['program-report'],
  reportRun: ['report-run'],
  storedReports: ['stored-reports'],
  liveSessions: ['live-sessions'],
  liveSession: (id: string) => ['live-session', id],
  availability: ['availability'],
} as const;

/** What a learning-records list is filtered by, as the page's address holds it. */
export interface RecordFilter {
  status: string;
  source: string;
  overdue: string;
  search: string;
  token: string | undefined;
}

/**
 * How each resource is read, defined once: pages read them with useQuery, and route loaders start them while a page's
 * chunk is still on its way, so the two are the same request and the same cache entry.
 */
export const queries = {
  me: (api: Api) => queryOptions({ queryKey: keys.me, queryFn: () => must(api.GET('/me')) }),
  myAssignments: (api: Api) =>
    queryOptions({
      queryKey: keys.myAssignments,
      queryFn: () => must(api.GET('/me/assignments', { params: { query: { pageSize: '100' } } })),
    }),
  discover: (api: Api) =>
    queryOptions({
      queryKey: keys.discover,
      queryFn: () => must(api.GET('/me/discover', { params: { query: { pageSize: largestPage } } })),
    }),
  myCertificates: (api: Api) =>
    queryOptions({
      queryKey: keys.myCertificates,
      queryFn: () => must(api.GET('/me/certificates', { params: { query: { pageSize: largestPage } } })),
    }),
  teamRecords: (api: Api) =>
    queryOptions({
      queryKey: keys.teamRecords,
      queryFn: () => must(api.GET('/me/team/learning-records', { params: { query: { pageSize: largestPage } } })),
    }),
  myTeam: (api: Api) =>
    queryOptions({
      queryKey: keys.myTeam,
      queryFn: () =>
        everyPage((continuationToken) => api.GET('/me/team', { params: { query: { pageSize: largestPage, continuationToken } } })),
    }),
  reviewQueue: (api: Api) =>
    queryOptions({
      queryKey: keys.reviewQueue,
      queryFn: () =>
        everyPage((continuationToken) => api.GET('/reviews/queue', { params: { query: { pageSize: largestPage, continuationToken } } })),
    }),
  enrollment: (api: Api, id: string) =>
    queryOptions({ queryKey: keys.enrollment(id), queryFn: () => must(api.GET('/enrollments/{id}', { params: { path: { id } } })) }),
  certifications: (api: Api) =>
    queryOptions({
      queryKey: keys.certifications,
      queryFn: () =>
        everyPage((continuationToken) => api.GET('/certifications', { params: { query: { pageSize: largestPage, continuationToken } } })),
    }),
  certification: (api: Api, id: string) =>
    queryOptions({
      queryKey: keys.certification(id),
      queryFn: () => mustVersioned(api.GET('/certifications/{id}', { params: { path: { id } } })),
      // Read once per visit: a refetch would move the ETag under the admin's edits and hide someone else's save.
      staleTime: Infinity,
      refetchOnWindowFocus: false,
    }),
  learningRecords: (api: Api, id: string, filter: RecordFilter) =>
    queryOptions({
      queryKey: [...keys.learningRecords(id), filter],
      queryFn: () =>
        must(
          api.GET('/certifications/{id}/learning-records', {
            params: {
              path: { id },
              query: {
                pageSize: '25',
                ...(filter.status && { status: filter.status }),
                ...(filter.source && { source: filter.source }),
                ...(filter.overdue && { overdue: filter.overdue }),
                ...(filter.search && { search: filter.search }),
                ...(filter.token && { continuationToken: filter.token }),
              },
            },
          }),
        ),
    }),
  /** A page of the organization's people, disabled ones included, found by name or e-mail. */
  people: (api: Api, search: string, token: string | undefined) =>
    queryOptions({
      queryKey: [...keys.users, 'page', search, token],
      queryFn: () =>
        must(
          api.GET('/users', {
            params: {
              query: {
                include: 'disabled',
                pageSize: '50',
                ...(search && { search }),
                ...(token && { continuationToken: token }),
              },
            },
          }),
        ),
    }),
  /** The first 500 active people, for choosing learners and coaches in a form. */
  activePeople: (api: Api) =>
    queryOptions({
      queryKey: [...keys.users, 'active'],
      queryFn: () => must(api.GET('/users', { params: { query: { pageSize: '500' } } })),
    }),
  groups: (api: Api) =>
    queryOptions({
      queryKey: keys.groups,
      queryFn: () =>
        everyPage((continuationToken) => api.GET('/groups', { params: { query: { pageSize: largestPage, continuationToken } } })),
    }),
  certificate: (api: Api, id: string) =>
    queryOptions({
      queryKey: [...keys.certificates, 'one', id],
      queryFn: () => must(api.GET('/certificates/{id}', { params: { path: { id } } })),
    }),
  certificatesOf: (api: Api, learnerId: string) =>
    queryOptions({
      queryKey: [...keys.certificates, 'of', learnerId],
      queryFn: () =>
        everyPage((continuationToken) =>
          api.GET('/users/{id}/certificates', {
            params: { path: { id: learnerId }, query: { pageSize: largestPage, continuationToken } },
          }),
        ),
    }),
  certificatesNeedingAttention: (api: Api) =>
    queryOptions({
      queryKey: [...keys.certificates, 'attention'],
      queryFn: () =>
        everyPage((continuationToken) =>
          api.GET('/certificates/attention', { params: { query: { pageSize: largestPage, continuationToken } } }),
        ),
    }),
  orgSettings: (api: Api) =>
    queryOptions({
      queryKey: keys.orgSettings,
      queryFn: () => mustVersioned(api.GET('/org/settings')),
      staleTime: Infinity,
      refetchOnWindowFocus: false,
    }),
  lmsDeliveries: (api: Api, token: string | undefined) =>
    queryOptions({
      queryKey: [...keys.lmsDeliveries, token],
      queryFn: () =>
        must(
          api.GET('/webhooks/lms/deliveries', {
            params: { query: { pageSize: '25', ...(token && { continuationToken: token }) } },
          }),
        ),
    }),
  // Before the first report run the answer is a 404: the page says so, and opening it does not ask again (the loader did).
  programReport: (api: Api) =>
    queryOptions({ queryKey: keys.programReport, queryFn: () => must(api.GET('/reports/program')), retry: false, retryOnMount: false }),
  latestReportRun: (api: Api) => queryOptions({ queryKey: keys.reportRun, queryFn: () => must(api.GET('/reports/runs/latest')) }),
  storedReports: (api: Api) =>
    queryOptions({
      queryKey: keys.storedReports,
      queryFn: () =>
        everyPage((continuationToken) => api.GET('/reports', { params: { query: { pageSize: largestPage, continuationToken } } })),
    }),
  /** My live sessions from yesterday to two months ahead, the window counted from the hour so a loader and its page ask alike. */
  upcomingSessions: (api: Api) => {
    const hour = Math.floor(Date.now() / 3_600_000) * 3_600_000;
    const from = new Date(hour - 24 * 3_600_000).toISOString();
    const to = new Date(hour + 61 * 24 * 3_600_000).toISOString();
    return queryOptions({
      queryKey: [...keys.liveSessions, from],
      queryFn: () =>
        everyPage((continuationToken) =>
          api.GET('/live-sessions', { params: { query: { from, to, pageSize: largestPage, continuationToken } } }),
        ),
    });
  },
  liveSession: (api: Api, id: string) =>
    queryOptions({ queryKey: keys.liveSession(id), queryFn: () => must(api.GET('/live-sessions/{id}', { params: { path: { id } } })) }),
  /** A coach's free starts; the answer depends on their zone and hours too (kept by the server), so those are in the key. */
  availability: (
    api: Api,
    date: string,
    minutes: number,
    shapedBy: { timeZone?: string | null; from?: string | null; to?: string | null },
  ) =>
    queryOptions({
      queryKey: [...keys.availability, date, minutes, shapedBy.timeZone ?? '', shapedBy.from ?? '', shapedBy.to ?? ''],
      queryFn: () => must(api.GET('/live-sessions/availability', { params: { query: { date, durationMinutes: String(minutes) } } })),
    }),
};
