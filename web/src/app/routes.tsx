import { createBrowserRouter, type RouteObject } from 'react-router';
import { AcceptInvitation } from '../pages/AcceptInvitation';
import { NotFound } from '../pages/NotFound';
import { SignIn } from '../pages/SignIn';
import { Certificates } from '../pages/learner/Certificates';
import { Discover } from '../pages/learner/Discover';
import { EnrollmentPage } from '../pages/learner/EnrollmentPage';
import { Home } from '../pages/learner/Home';
import { LiveSessions } from '../pages/sessions/LiveSessions';
import { SessionPage } from '../pages/sessions/SessionPage';
import { SignedInLayout } from './SignedInLayout';

/** Coach pages are their own chunks: learners never download them. */
const coach: RouteObject[] = [
  { path: 'coach/reviews', lazy: async () => ({ Component: (await import('../pages/coach/ReviewQueue')).ReviewQueue }) },
  { path: 'coach/reviews/:id', lazy: async () => ({ Component: (await import('../pages/coach/ReviewSubmission')).ReviewSubmission }) },
  { path: 'coach/team', lazy: async () => ({ Component: (await import('../pages/coach/Team')).Team }) },
  { path: 'coach/schedule', lazy: async () => ({ Component: (await import('../pages/coach/Schedule')).Schedule }) },
];

export function createRouter() {
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
        ...coach,
        { path: '*', element: <NotFound /> },
      ],
    },
  ]);
}
