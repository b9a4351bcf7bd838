import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, type RouteObject } from 'react-router';
import type { Api } from '../api/client';
import { AcceptInvitation } from '../pages/AcceptInvitation';
import { NotFound } from '../pages/NotFound';
import { Preferences } from '../pages/Preferences';
import { SignIn } from '../pages/SignIn';
import { Certificates } from '../pages/learner/Certificates';
import { Discover } from '../pages/learner/Discover';
import { EnrollmentPage } from '../pages/learner/EnrollmentPage';
import { Home } from '../pages/learner/Home';
import { LiveSessions } from '../pages/sessions/LiveSessions';
import { SessionPage } from '../pages/sessions/SessionPage';
import { pageQueries, type Query } from './queries';
import { SignedInLayout } from './SignedInLayout';

/** Coach pages are their own chunks: learners never download them. */
const coach = (start: Start, api: Api): RouteObject[] => [
  { path: 'coach/reviews', lazy: async () => ({ Component: (await import('../pages/coach/ReviewQueue')).ReviewQueue }) },
  { path: 'coach/reviews/:id', lazy: async () => ({ Component: (await import('../pages/coach/ReviewSubmission')).ReviewSubmission }) },
  { path: 'coach/team', loader: start(...pageQueries(api, '/coach/team')), lazy: async () => ({ Component: (await import('../pages/coach/Team')).Team }) },
  { path: 'coach/schedule', lazy: async () => ({ Component: (await import('../pages/coach/Schedule')).Schedule }) },
];

/** The super admin's pages, one chunk loaded the first time one of them opens. */
const admin = (): RouteObject[] => {
  type Page = keyof typeof import('../pages/admin/adminPages');
  const page = (name: Page) => async () => ({ Component: (await import('../pages/admin/adminPages'))[name] });
  return [
    { path: 'admin/catalog', lazy: page('Catalog') },
    { path: 'admin/certifications/new', lazy: page('CertificationEditor') },
    { path: 'admin/certifications/:id', lazy: page('CertificationEditor') },
    { path: 'admin/certifications/:id/design', lazy: page('CertificateDesigner') },
    { path: 'admin/certifications/:id/records', lazy: page('LearningRecords') },
    // The coach's view of a record, with the admin's part (workflow, withdraw) added when opened from here.
    { path: 'admin/enrollments/:id', lazy: async () => ({ Component: (await import('../pages/coach/ReviewSubmission')).ReviewSubmission }) },
    { path: 'admin/people', lazy: page('People') },
    { path: 'admin/people/groups', lazy: page('Groups') },
    { path: 'admin/people/import', lazy: page('ImportUsers') },
    { path: 'admin/certificates', lazy: page('Certificates') },
    { path: 'admin/reports', lazy: page('Reports') },
    { path: 'admin/reports/stored', lazy: page('StoredReports') },
    { path: 'admin/settings', lazy: page('OrganizationSettings') },
    { path: 'admin/settings/deliveries', lazy: page('Deliveries') },
  ];
};

type Start = (...wanted: Query[]) => () => null;

export function createRouter(client: QueryClient, api: Api) {
  // A page's first load has its reads started before React (main.ts). A loader is left only where the page's own chunk
  // is still to be fetched, so that going there within the app reads its data beside fetching the chunk. Other routes
  // have none: a route with a loader renders only once the loader has run, one more turn before the first paint.
  const start: Start = (...wanted) => () => {
    for (const query of wanted) void client.prefetchQuery(query);
    return null;
  };
  return createBrowserRouter([
    { path: '/sign-in', element: <SignIn /> },
    { path: '/invitations/:token', element: <AcceptInvitation /> },
    {
      path: '/',
      element: <SignedInLayout />,
      children: [
        { index: true, element: <Home /> },
        { path: 'discover', element: <Discover /> },
        { path: 'enrollments/:id', element: <EnrollmentPage /> },
        { path: 'certificates', element: <Certificates /> },
        { path: 'live-sessions', element: <LiveSessions /> },
        { path: 'live-sessions/:id', element: <SessionPage /> },
        { path: 'preferences', element: <Preferences /> },
        ...coach(start, api),
        ...admin(),
        { path: '*', element: <NotFound /> },
      ],
    },
  ]);
}
