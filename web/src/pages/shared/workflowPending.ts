import type { Schemas } from '../../api/client';

/**
 * How soon to look at a record again because the workflow is about to move it (ask for approval, issue the
 * certificate) or someone else is deciding; false when only the viewer can move it next.
 */
export function refreshInterval(detail: Schemas['EnrollmentDetail'] | undefined): number | false {
  if (!detail || detail.earnedAt || detail.withdrawnAt) return false;
  const allMet = detail.criteria.every((c) => c.state === 'Met');
  if (allMet && detail.approval !== 'Awaiting' && detail.approval !== 'Rejected') return 2000;
  return detail.status === 'Submitted' ? 5000 : false;
}
