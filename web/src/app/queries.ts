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
