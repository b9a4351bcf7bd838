import { useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '../../api/client';
import { keys } from '../../app/queries';

/**
 * What a step's answer does to the page: shows the record it returned at once, then reads it again, because two
 * steps sent close together can answer out of order and the older answer must not be the one that stays.
 */
export function useRecordUpdate(enrollmentId: string, alsoStale: readonly (readonly string[])[] = []) {
  const queries = useQueryClient();
  return (updated: Schemas['EnrollmentDetail']) => {
    queries.setQueryData(keys.enrollment(enrollmentId), updated);
    void queries.invalidateQueries({ queryKey: keys.enrollment(enrollmentId) });
    for (const key of alsoStale) void queries.invalidateQueries({ queryKey: key });
  };
}
