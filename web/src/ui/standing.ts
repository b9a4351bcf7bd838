import type { MessageKey, Translate } from '../i18n/i18n';

/** The words and classes of where a learning record stands. */

/** The badge's classes for an enrollment's status, coloured by what it asks of the viewer. */
export function statusBadgeClass(status: string): string {
  const tone =
    status === 'Earned' ? 'badge-success' : status === 'NotEarned' ? 'badge-danger' : status === 'Submitted' ? 'badge-warning' : '';
  return tone ? `badge ${tone}` : 'badge';
}

/** How far the bar is filled, in percent. */
export function progressPercent(met: number, total: number): number {
  return total === 0 ? 0 : Math.round((met / total) * 100);
}

export function criteriaMetText(met: number, total: number, t: Translate): string {
  return t('standing.criteriaMet', { met, total });
}

/** How the learner came to the certification. */
export function enrollmentSourceText(source: string, t: Translate): string {
  return t(source === 'Assigned' ? 'standing.assigned' : 'standing.enrolled');
}

/** An enrollment's status in the reader's words (the API's statusName is English). */
export function statusText(status: string, t: Translate): string {
  return t(`status.${status}` as MessageKey);
}
