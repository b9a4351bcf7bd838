import type { FetchQueryOptions, QueryClient, QueryKey } from '@tanstack/react-query';
import { createBrowserRouter, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { AcceptInvitation } from '../pages/AcceptInvitation';
import { NotFound } from '../pages/NotFound';
import { SignIn } from '../pages/SignIn';
import { Discover } from '../pages/learner/Discover';
import { EnrollmentPage } from '../pages/learner/EnrollmentPage';
import { Home } from '../pages/learner/Home';
import { LiveSessions } from '../pages/sessions/LiveSessions';
import { SessionPage } from '../pages/sessions/SessionPage';
import type { AppServices } from './context';
import { mayOpen } from './me';
import { queries } from './queries';
import { SignedInLayout } from './SignedInLayout';

/** One read started into the cache. */
type Prefetch = (client: QueryClient) => Promise<void>;

/** What a page reads on its first render, from its address: a route's loader starts these while the page's chunk loads. */
type Reads = (args: { id: string; search: URLSearchParams; services: AppServices }) => Prefetch[];

/** A query of queries.ts, to be started by a loader. */
function read<TData, TKey extends QueryKey>(options: FetchQueryOptions<TData, Error, TData, TKey>): Prefetch {
  return (client) => client.prefetchQuery(options);
}

/** A lazily loaded page with the reads its loader starts beside the chunk. */
interface Page {
  path: string;
  reads?: Reads;
  lazy?: RouteObject['lazy'];
  element?: React.ReactNode;
}

const lazyPage = (load: () => Promise<React.ComponentType>) => async () => ({ Component: await load() });
const adminPage = (name: keyof typeof import('../pages/admin/adminPages')) =>
  lazyPage(async () => (await import('../pages/admin/adminPages'))[name]);
const reviewSubmission = lazyPage(async () => (await import('../pages/coach/ReviewSubmission')).ReviewSubmission);

/** Every page under the signed-in layout, with what each reads; coach and admin pages are chunks of their own. */
const pages: Page[] = [
  { path: '', element: <Home />, reads: ({ services }) => [read(queries.myAssignments(services.api))] },
  { path: 'discover', element: <Discover />, reads: ({ services }) => [read(queries.discover(services.api))] },
  { path: 'enrollments/:id', element: <EnrollmentPage />, reads: ({ id, services }) => [read(queries.enrollment(services.api, id))] },
  // Not the home: its picture, sharing and QR code come as a chunk of their own, keeping them out of the first load.
  {
    path: 'certificates',
    lazy: lazyPage(async () => (await import('../pages/learner/Certificates')).Certificates),
    reads: ({ services }) => [read(queries.myCertificates(services.api))],
  },
  { path: 'live-sessions', element: <LiveSessions />, reads: ({ services }) => [read(queries.upcomingSessions(services.api))] },
  { path: 'live-sessions/:id', element: <SessionPage />, reads: ({ id, services }) => [read(queries.liveSession(services.api, id))] },
  { path: 'preferences', lazy: lazyPage(async () => (await import('../pages/Preferences')).Preferences) },
  {
    path: 'coach/reviews',
    lazy: lazyPage(async () => (await import('../pages/coach/ReviewQueue')).ReviewQueue),
    reads: ({ services }) => [read(queries.reviewQueue(services.api))],
  },
  { path: 'coach/reviews/:id', lazy: reviewSubmission, reads: ({ id, services }) => [read(queries.enrollment(services.api, id))] },
  {
    path: 'coach/team',
    lazy: lazyPage(async () => (await import('../pages/coach/Team')).Team),
    reads: ({ services }) => [read(queries.teamRecords(services.api))],
  },
  { path: 'coach/schedule', lazy: lazyPage(async () => (await import('../pages/coach/Schedule')).Schedule) },
  { path: 'admin', lazy: adminPage('AdminHome'), reads: ({ services }) => [read(queries.programReport(services.api))] },
  { path: 'admin/catalog', lazy: adminPage('Catalog'), reads: ({ services }) => [read(queries.certifications(services.api))] },
  { path: 'admin/certifications/new', lazy: adminPage('CertificationEditor') },
  {
    path: 'admin/certifications/:id',
    lazy: adminPage('CertificationEditor'),
    reads: ({ id, services }) => [read(queries.certification(services.api, id))],
  },
  {
    path: 'admin/certifications/:id/design',
    lazy: adminPage('CertificateDesigner'),
    reads: ({ id, services }) => [read(queries.certification(services.api, id))],
  },
  {
    path: 'admin/certifications/:id/records',
    lazy: adminPage('LearningRecords'),
    reads: ({ id, search, services }) => [
      read(
        queries.learningRecords(services.api, id, {
          status: search.get('status') ?? '',
          source: search.get('source') ?? '',
          overdue: search.get('overdue') ?? '',
          search: search.get('search') ?? '',
          token: undefined,
        }),
      ),
    ],
  },
  // The coach's view of a record, with the admin's part (workflow, withdraw) added when opened from here.
  { path: 'admin/enrollments/:id', lazy: reviewSubmission, reads: ({ id, services }) => [read(queries.enrollment(services.api, id))] },
  {
    path: 'admin/people',
    lazy: adminPage('People'),
    reads: ({ search, services }) => [read(queries.people(services.api, search.get('search') ?? '', undefined))],
  },
  { path: 'admin/people/groups', lazy: adminPage('Groups'), reads: ({ services }) => [read(queries.groups(services.api))] },
  { path: 'admin/people/import', lazy: adminPage('ImportUsers') },
  {
    path: 'admin/certificates',
    lazy: adminPage('Certificates'),
    reads: ({ services }) => [read(queries.certificatesNeedingAttention(services.api))],
  },
  { path: 'admin/reports', lazy: adminPage('Reports'), reads: ({ services }) => [read(queries.programReport(services.api))] },
  {
    path: 'admin/reports/stored',
    lazy: adminPage('StoredReports'),
    reads: ({ services }) => [read(queries.storedReports(services.api))],
  },
  { path: 'admin/settings', lazy: adminPage('OrganizationSettings'), reads: ({ services }) => [read(queries.orgSettings(services.api))] },
  {
    path: 'admin/settings/deliveries',
    lazy: adminPage('Deliveries'),
    reads: ({ services }) => [read(queries.lmsDeliveries(services.api, undefined))],
  },
];

export function createRouter(client: QueryClient, services: AppServices) {
  // A loader starts the reads and returns at once: the page renders without waiting for them and shows "Loading…" until
  // they answer. Nobody signed in reads nothing: the layout sends them to sign in.
  const start =
    (reads: Reads) =>
    ({ params, request }: LoaderFunctionArgs) => {
      if (!services.auth.signedIn()) return null;
      // A page of another role is not drawn (SignedInLayout), and its reads are not sent once who is signed in is known.
      const url = new URL(request.url);
      const me = client.getQueryData(queries.me(services.api).queryKey);
      if (me && !mayOpen(me, url.pathname)) return null;
      const search = url.searchParams;
      for (const prefetch of reads({ id: params.id ?? '', search, services })) void prefetch(client);
      return null;
    };
  const route = ({ path, reads, lazy, element }: Page): RouteObject =>
    path === ''
      ? { index: true, element, ...(reads && { loader: start(reads) }) }
      : { path, element, lazy, ...(reads && { loader: start(reads) }) };
  return createBrowserRouter([
    { path: '/sign-in', element: <SignIn /> },
    { path: '/invitations/:token', element: <AcceptInvitation /> },
    {
      path: '/',
      element: <SignedInLayout />,
      loader: start(({ services: s }) => [read(queries.me(s.api))]),
      children: [...pages.map(route), { path: '*', element: <NotFound /> }],
    },
  ]);
}
