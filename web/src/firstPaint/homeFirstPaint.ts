import type { Api, Schemas } from '../api/client';
import { hasRole, type Me } from '../app/me';
import { isCurrent, mainNavigation, whoText } from '../app/navigation';
import { queries, type FirstReads } from '../app/queries';
import type { Auth } from '../auth/auth';
import { formatDate } from '../ui/format';
import { criteriaMetText, enrollmentSourceText, progressPercent, statusBadgeClass } from '../ui/standing';
import { el } from './dom';

type Assignments = Schemas['ListResponseOfAssignmentListItem'];
type Assignment = Assignments['items'][number];

/**
 * The learner's home drawn without React from the first load's reads, so it shows as soon as they arrive rather than
 * after React has been fetched and compiled. It is the markup the signed-in layout and Home draw for the same data (a
 * browser test compares the two), and React's first render replaces it. Resolves to nothing when this page is not one
 * to draw so, someone who is not a learner, the add-on switched off or a read that failed: React shows those.
 */
export async function homeFirstPaint(api: Api, reads: FirstReads, auth: Auth): Promise<((root: HTMLElement) => void) | null> {
  const me = reads.of(queries.me(api));
  const list = reads.of(queries.myAssignments(api));
  if (!me || !list) return null;
  let answers: [Me, Assignments];
  try {
    answers = await Promise.all([me, list]);
  } catch {
    return null;
  }
  const [person, assignments] = answers;
  if (!person.certificationsEnabled || !hasRole(person, 'Learner')) return null;
  return (root) => {
    document.title = 'My certifications · Certifications';
    root.replaceChildren(topBar(person, auth), main(assignments.items));
  };
}

function topBar(me: Me, auth: Auth): HTMLElement {
  const path = window.location.pathname;
  const link = (to: string, end: boolean | undefined, text: string, className?: string) => {
    const current = isCurrent(to, end, path);
    const classes = [className, current ? 'active' : undefined].filter(Boolean).join(' ');
    return el('a', { 'aria-current': current ? 'page' : undefined, class: classes || undefined, href: to }, text);
  };
  const signOut = el('button', { type: 'button', class: 'secondary' }, 'Sign out');
  signOut.addEventListener('click', () => auth.signOut());
  return el(
    'header',
    { class: 'topbar' },
    el('a', { class: 'skip', href: '#main' }, 'Skip to content'),
    el(
      'div',
      { class: 'topbar-inner' },
      link('/', undefined, 'Certifications', 'brand'),
      el('nav', { 'aria-label': 'Main' }, el('ul', { class: 'nav' }, ...mainNavigation(me).map((item) => el('li', {}, link(item.to, item.end, item.label))))),
      el('div', { class: 'who' }, el('span', {}, whoText(me)), signOut),
    ),
  );
}

function main(items: Assignment[]): HTMLElement {
  const content =
    items.length === 0
      ? el('p', {}, 'Nothing assigned to you yet. ', el('a', { href: '/discover' }, 'Discover certifications'), ' you can enroll in.')
      : el('ul', { class: 'cards', 'aria-label': 'My certifications' }, ...items.map(card));
  return el('main', { id: 'main', tabindex: '-1' }, el('h1', {}, 'My certifications'), content);
}

function card(item: Assignment): HTMLElement {
  const met = Number(item.progress.met);
  const total = Number(item.progress.total);
  const title = item.certification.title;
  return el(
    'li',
    { class: 'card stack' },
    el('h2', {}, el('a', { href: `/enrollments/${item.enrollmentId}` }, title)),
    el(
      'div',
      { class: 'row' },
      el('span', { class: statusBadgeClass(item.status) }, item.statusName),
      item.overdue && el('span', { class: 'badge badge-danger' }, 'Overdue'),
      el('span', { class: 'muted' }, enrollmentSourceText(item.source)),
    ),
    el(
      'div',
      {},
      el(
        'div',
        {
          class: 'bar',
          role: 'progressbar',
          'aria-label': `Progress in ${title}`,
          'aria-valuemin': '0',
          'aria-valuemax': String(total),
          'aria-valuenow': String(met),
          'aria-valuetext': criteriaMetText(met, total),
        },
        filled(progressPercent(met, total)),
      ),
      el('p', { class: 'muted' }, criteriaMetText(met, total)),
    ),
    item.dueDate && el('p', { class: 'muted' }, `Due ${formatDate(item.dueDate)}`),
    item.message && el('p', {}, item.message),
  );
}

/** The bar's filled part; its width set through the style object, as the CSP refuses style attributes written as text. */
function filled(percent: number): HTMLElement {
  const part = el('span', {});
  part.style.width = `${percent}%`;
  return part;
}
