import { Link } from 'react-router';
import { usePageTitle } from '../ui/usePageTitle';

export function NotFound() {
  usePageTitle('Not found');
  return (
    <>
      <h1>There is no such page</h1>
      <p>The link may be old, or the page may belong to another organization.</p>
      <Link to="/">Go to my certifications</Link>
    </>
  );
}
