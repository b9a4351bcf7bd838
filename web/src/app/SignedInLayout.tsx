import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { AddOnOff } from '../pages/AddOnOff';
import { Forbidden } from '../pages/Forbidden';
import { onSignOutElsewhere } from '../auth/auth';
import { ErrorNotice } from '../ui/ErrorNotice';
import { MeContext, hasRole, useServices, type Me } from './context';
import { mayOpen } from './me';
import { browserTimeZone, preferencesWith, useSavePreferences } from './preferences';
import { mainNavigation, whoText } from './navigation';
import { appLanguage } from '../i18n/languages';
import { useLanguage, useTranslate } from '../i18n/useTranslate';
import { queries } from './queries';

/** Every page of a signed-in person: who they are, what they may open, and the page itself. */
export function SignedInLayout() {
  const { api, auth } = useServices();
  const location = useLocation();
  // Checked once per load; a session that ends later is caught by the API's 401.
  const [signedIn] = useState(() => auth.signedIn());
  useEffect(() => {
    if (!signedIn) auth.signIn(location.pathname + location.search);
  }, [signedIn, auth, location.pathname, location.search]);
  // Signing out in another tab ends the session here too: the page leaves what it showed for the sign-in page.
  useEffect(() => onSignOutElsewhere(() => window.location.assign('/sign-in')), []);

  const me = useQuery({ ...queries.me(api), enabled: signedIn });
  // A person's time zone starts as their browser's, once: e-mails and calendar invitations then state times in it.
  const { mutate: savePreferences, isIdle } = useSavePreferences();
  const zoneUnset = me.data !== undefined && !me.data.user.timeZone;
  useEffect(() => {
    if (zoneUnset && isIdle && me.data) savePreferences(preferencesWith(me.data, { timeZone: browserTimeZone() }));
  }, [zoneUnset, isIdle, me.data, savePreferences]);
  const t = useTranslate();
  const { language, setLanguage } = useLanguage();
  // The person's own setting, else their browser's, else their organization's, wins over what this browser showed last time.
  const wanted = me.data ? appLanguage(me.data.user.language, me.data.organizationLanguage, navigator.languages) : null;
  useEffect(() => {
    if (wanted && wanted !== language) void setLanguage(wanted);
  }, [wanted, language, setLanguage]);

  if (!signedIn || me.isPending) {
    return (
      <p className="muted" style={{ padding: '1rem' }}>
        {t('app.loading')}
      </p>
    );
  }
  if (me.isError) {
    return (
      <main>
        <h1>Certifications</h1>
        <ErrorNotice error={me.error} onRetry={() => void me.refetch()} />
      </main>
    );
  }
  return (
    <MeContext.Provider value={me.data}>
      <TopBar me={me.data} />
      {/* Settings stay open to super admins while the add-on is off, so they can switch it on again. */}
      <MainArea>
        {!mayOpen(me.data, location.pathname) ? (
          <Forbidden />
        ) : me.data.certificationsEnabled || (hasRole(me.data, 'SuperAdmin') && location.pathname.startsWith('/admin/settings')) ? (
          <Outlet />
        ) : (
          <AddOnOff />
        )}
      </MainArea>
    </MeContext.Provider>
  );
}

function TopBar({ me }: { me: Me }) {
  const { api, auth } = useServices();
  const t = useTranslate();
  // The count is the queue page's own read, kept: a coach lands on the queue, and every other page stays within its two
  // calls (a deep link elsewhere shows no count until the queue is read).
  const queue = useQuery({ ...queries.reviewQueue(api), enabled: false });
  return (
    <header className="topbar">
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <div className="topbar-inner">
        <NavLink to="/" className="brand">
          Certifications
        </NavLink>
        <nav aria-label={t('nav.main')}>
          <ul className="nav">
            {mainNavigation(me.user.roles, t, queue.data?.items.length).map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.end}>
                  {item.label}
                  {/* The pill shows the number; assistive technology reads it as a phrase ("3 wait"). */}
                  {item.waiting ? (
                    <span className="nav-count">
                      <span aria-hidden="true">{item.waiting}</span>
                      <span className="visually-hidden">{t('nav.waiting', { count: item.waiting })}</span>
                    </span>
                  ) : null}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="who">
          <span>{whoText(me)}</span>
          <NavLink to="/preferences">{t('app.language')}</NavLink>
          <button type="button" className="secondary" onClick={() => auth.signOut()}>
            {t('app.signOut')}
          </button>
        </div>
      </div>
    </header>
  );
}

/** The page area; focus moves to it on navigation so screen readers start at the new page. */
function MainArea({ children }: { children: React.ReactNode }) {
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [location.pathname]);
  return (
    <main id="main" ref={main} tabIndex={-1}>
      {children}
    </main>
  );
}
