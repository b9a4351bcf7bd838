// The React floor of the home page's budget: the least a React page can do to show the learner's home. It fetches the
// same JSON with the same token as soon as it runs and renders it as a list; no router, no cache, no layout.
import { createElement, use } from 'react';
import { createRoot } from 'react-dom/client';

const token = JSON.parse(localStorage.getItem('certifications.dev-session')).token;
const assignments = fetch('/api/me/assignments?pageSize=100', { headers: { Authorization: `Bearer ${token}` } }).then((r) => r.json());

function Home() {
  const { items } = use(assignments);
  return createElement(
    'ul',
    { id: 'list' },
    items.map((item) => createElement('li', { key: item.enrollmentId }, `${item.certification.title} — ${item.statusName}`)),
  );
}

createRoot(document.getElementById('root')).render(createElement(Home));
