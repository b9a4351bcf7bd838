/** The words and classes of where a learning record stands, shared by the React components and the first paint. */

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

export function criteriaMetText(met: number, total: number): string {
  return `${met} of ${total} criteria met`;
}

/** How the learner came to the certification. */
export function enrollmentSourceText(source: string): string {
  return source === 'Assigned' ? 'Assigned to you' : 'You enrolled';
}
