import { useContext } from 'react';
import { Link } from 'react-router';
import { MeContext, hasRole } from '../app/context';
import { usePageTitle } from '../ui/usePageTitle';

/** What everyone sees while their organization has the Certifications add-on switched off. */
export function AddOnOff() {
  usePageTitle('Certifications is off');
  // Shown by error notices too, which may sit outside the signed-in layout.
  const me = useContext(MeContext);
  return (
    <section aria-labelledby="add-on-off">
      <h1 id="add-on-off">Certifications is switched off for your organization</h1>
      <p>
        Your administrator has turned the Certifications add-on off, so certifications, reviews and live sessions cannot be opened
        right now. Nothing was deleted: your progress and certificates are kept, and everything comes back when the add-on is on
        again.
      </p>
      <p>Anyone can still check a certificate through its verification link.</p>
      {me && hasRole(me, 'SuperAdmin') && <p><Link to="/admin/settings">Switch it on in the organization settings</Link></p>}
    </section>
  );
}
