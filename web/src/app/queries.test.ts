import { describe, expect, it, vi } from 'vitest';
import type { Api } from '../api/client';
import { keys, queries } from './queries';

/** An API whose GET answers every read with an empty page and records what was asked. */
function recordingApi() {
  interface Answer {
    data: { items: { id: string }[]; continuationToken: string | null };
    response: Response;
  }
  const get = vi.fn<(path: string, init?: unknown) => Promise<Answer>>(() =>
    Promise.resolve({ data: { items: [], continuationToken: null }, response: new Response(null, { status: 200 }) }),
  );
  return { api: { GET: get } as unknown as Api, get };
}

describe('one query factory per resource', () => {
  it('keys every variant of a resource under the resource’s own key, so one write makes them all stale', () => {
    const { api } = recordingApi();
    expect(queries.people(api, 'zoë', 'tok').queryKey.slice(0, 1)).toEqual(keys.users);
    expect(queries.activePeople(api).queryKey.slice(0, 1)).toEqual(keys.users);
    expect(queries.certificatesOf(api, 'usr_1').queryKey.slice(0, 1)).toEqual(keys.certificates);
    expect(queries.certificatesNeedingAttention(api).queryKey.slice(0, 1)).toEqual(keys.certificates);
    expect(queries.enrollment(api, 'enr_1').queryKey).toEqual(keys.enrollment('enr_1'));
  });

  it('sends only the filters a learning-records list has', async () => {
    const { api, get } = recordingApi();
    const query = queries.learningRecords(api, 'crt_1', { status: 'Earned', source: '', overdue: '', search: 'Ngô', token: undefined });
    await query.queryFn?.({} as never);
    expect(get).toHaveBeenCalledWith('/certifications/{id}/learning-records', {
      params: { path: { id: 'crt_1' }, query: { pageSize: '25', status: 'Earned', search: 'Ngô' } },
    });
  });

  it('reads every page of a list the page shows whole', async () => {
    const { api, get } = recordingApi();
    get.mockResolvedValueOnce({ data: { items: [{ id: 'grp_1' }], continuationToken: 'next' }, response: new Response(null) });
    const groups = await queries.groups(api).queryFn?.({} as never);
    expect(groups).toEqual({ items: [{ id: 'grp_1' }], continuationToken: null });
    expect(get).toHaveBeenCalledTimes(2);
  });

  it('asks a loader and its page for the same window of live sessions within the hour', () => {
    const { api } = recordingApi();
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2027-03-31T10:05:00Z'));
    const loader = queries.upcomingSessions(api).queryKey;
    vi.setSystemTime(new Date('2027-03-31T10:59:59Z'));
    const page = queries.upcomingSessions(api).queryKey;
    vi.useRealTimers();
    expect(page).toEqual(loader);
    expect(loader).toEqual([...keys.liveSessions, '2027-03-30T10:00:00.000Z']);
  });

  it('reads a certification once per visit, so its ETag does not move under an admin’s edits', () => {
    const { api } = recordingApi();
    expect(queries.certification(api, 'crt_1').staleTime).toBe(Infinity);
  });
});
