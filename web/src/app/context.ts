import { createContext, useContext } from 'react';
import type { Api } from '../api/client';
import type { Auth } from '../auth/auth';
import type { AppConfig } from '../config';
import type { Me } from './me';

export { hasRole, type Me } from './me';

/** What every page needs: the API client, the sign-in, the app's settings. */
export interface AppServices {
  api: Api;
  auth: Auth;
  config: AppConfig;
}

export const ServicesContext = createContext<AppServices | null>(null);
export const MeContext = createContext<Me | null>(null);

export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside the app');
  return services;
}

/** The signed-in person (from /me); only under the signed-in layout. */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe outside the signed-in layout');
  return me;
}
