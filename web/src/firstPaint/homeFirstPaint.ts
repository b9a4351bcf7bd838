import type { Api, Schemas } from '../api/client';
import { hasRole, type Me } from '../app/me';
import { isCurrent, mainNavigation, whoText } from '../app/navigation';
import { queries, type FirstReads } from '../app/queries';
import type { Auth } from '../auth/auth';
import type { Translate } from '../i18n/i18n';
import { formatDate } from '../ui/format';
import { criteriaMetText, enrollmentSourceText, progressPercent, statusBadgeClass, statusText } from '../ui/standing';
import { el } from './dom';

type Assignments = Schemas['ListResponseOfAssignmentListItem'];
type Assignment = Assignments['items'][number];

/** Draws the home into root; resolves once the top bar shows who is signed in, so React takes over a finished page. */
export type HomeDrawing = (root: HTMLElement) => Promise<void>;

/**
 * The learner's home drawn without React from the first load's reads, so it shows as soon as they arrive rather than
 * after React has been fetched and compiled. It is the markup the signed-in layout and Home draw for the same data (a
 * browser test compares the two), and React's first render replaces it. Resolves to nothing when this page is not one
 * to draw so, someone who is not a learner, the add-on switched off or a read that failed: React shows those.
 *
 * It is drawn once the list is in, with the top bar's name and any links beyond a learner's filled in when /me answers,
 * a moment later (app/firstReadPlan.ts). An empty list may belong to someone who is no learner, whom React sends
 * elsewhere, so then the drawing waits for /me.
 */
export async function homeFirstPaint(api: Api, reads: FirstReads, auth: Auth, t: Translate): Promise<HomeDrawing | null> {
  const me = reads.of(queries.me(api));
  const list = reads.of(queries.myAssignments(api));
  if (!me || !list) return null;
  const person = me.then(
    (answer) => (answer.certificationsEnabled && hasRole(answer, 'Learner') ? answer : null),
    () => null,
  );
  let assignments: Assignments;
  try {
    assignments = await list;
  } catch {
    return null;
  }
  if (assignments.items.length === 0 && !(await person)) return null;
  return async (root) => {
    document.title = `${t('home.title')} · Certifications`;
    const bar = topBar(auth, t);
    root.replaceChildren(bar.element, main(assignments.items, t));
    const known = await person;
    if (known) bar.fill(known);
  };
}

/** The top bar as a learner's, with Sign out; fill completes it for the person once /me has answered. */
function topBar(auth: Auth, t: Translate): { element: HTMLElement; fill: (me: Me) => void } {
  const path = window.location.pathname;
  const item = (to: string, end: boolean | undefined, text: string) => el('li', {}, link(to, end, text, path));
  const nav = el('ul', { class: 'nav' }, ...mainNavigation(['Learner'], t).map((i) => item(i.to, i.end, i.label)));
  const who = el('span', {});
  const language = link('/preferences', undefined, t('app.language'), path);
  const signOut = el('button', { type: 'button', class: 'secondary' }, t('app.signOut'));
  signOut.addEventListener('click', () => auth.signOut());
  const element = el(
    'header',
    { class: 'topbar' },
    el('a', { class: 'skip', href: '#main' }, t('app.skip')),
    el(
      'div',
      { class: 'topbar-inner' },
      link('/', undefined, 'Certifications', path, 'brand'),
      el('nav', { 'aria-label': t('nav.main') }, nav),
      el('div', { class: 'who' }, who, language, signOut),
    ),
  );
  const fill = (me: Me) => {
    who.textContent = whoText(me);
    // The links drawn stay where they are, so one a keyboard user is on keeps focus; a coach's or admin's go in between.
    const drawn = new Map([...nav.children].map((li) => [li.querySelector('a')!.getAttribute('href'), li]));
    let next: Element | null = nav.firstElementChild;
    for (const wanted of mainNavigation(me.user.roles, t)) {
      const existing = drawn.get(wanted.to);
      if (existing) {
        next = existing.nextElementSibling;
      } else {
        nav.insertBefore(item(wanted.to, wanted.end, wanted.label), next);
      }
    }
  };
  return { element, fill };
}

function link(to: string, end: boolean | undefined, text: string, path: string, className?: string): HTMLElement {
  const current = isCurrent(to, end, path);
  const classes = [className, current ? 'active' : undefined].filter(Boolean).join(' ');
  return el('a', { 'aria-current': current ? 'page' : undefined, class: classes || undefined, href: to }, text);
}

function main(items: Assignment[], t: Translate): HTMLElement {
  const content =
    items.length === 0
      ? el('p', {}, ...withLink(t('home.empty', { discover: (chunks) => `\u0001${chunks.join('')}\u0002` }), '/discover'))
      : el('ul', { class: 'cards', 'aria-label': t('home.title') }, ...items.map((item) => card(item, t)));
  return el('main', { id: 'main', tabindex: '-1' }, el('h1', {}, t('home.title')), content);
}

/** A message whose tagged part (marked \u0001…\u0002) is a link, as text nodes around the link: nothing is parsed as HTML. */
function withLink(marked: string, href: string): (string | HTMLElement)[] {
  const [before = '', rest = ''] = marked.split('\u0001');
  const [inside = '', after = ''] = rest.split('\u0002');
  return [before, el('a', { href }, inside), after];
}

function card(item: Assignment, t: Translate): HTMLElement {
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
      el('span', { class: statusBadgeClass(item.status) }, statusText(item.status, t)),
      item.overdue && el('span', { class: 'badge badge-danger' }, t('standing.overdue')),
      el('span', { class: 'muted' }, enrollmentSourceText(item.source, t)),
    ),
    el(
      'div',
      {},
      el(
        'div',
        {
          class: 'bar',
          role: 'progressbar',
          'aria-label': t('standing.progressIn', { title }),
          'aria-valuemin': '0',
          'aria-valuemax': String(total),
          'aria-valuenow': String(met),
          'aria-valuetext': criteriaMetText(met, total, t),
        },
        filled(progressPercent(met, total)),
      ),
      el('p', { class: 'muted' }, criteriaMetText(met, total, t)),
    ),
    item.dueDate && el('p', { class: 'muted' }, t('standing.due', { date: formatDate(item.dueDate) })),
    item.message && el('p', {}, item.message),
  );
}

/** The bar's filled part; its width set through the style object, as the CSP refuses style attributes written as text. */
function filled(percent: number): HTMLElement {
  const part = el('span', {});
  part.style.width = `${percent}%`;
  return part;
}
