import { useEffect } from 'react';

/** The browser tab says which page this is. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Certifications`;
  }, [title]);
}
