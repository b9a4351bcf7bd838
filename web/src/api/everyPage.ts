import { must } from './client';

/** A page of a list, as the API answers every list. */
interface Page<T> {
  items: T[];
  continuationToken?: string | null;
}

/** The most a page may hold; lists a page shows whole are read in pages this large. */
export const largestPage = '500';

/**
 * Every item of a list the page shows whole (groups, a team, the catalog, the review queue): the API pages every list,
 * so the pages are read one after another until the last. `read` asks for the page after the given token.
 */
export async function everyPage<T>(
  read: (continuationToken: string | undefined) => Promise<{ data?: Page<T>; error?: unknown; response: Response }>,
): Promise<Page<T>> {
  const items: T[] = [];
  let token: string | undefined;
  do {
    const page = await must(read(token));
    items.push(...page.items);
    token = page.continuationToken ?? undefined;
  } while (token !== undefined);
  return { items, continuationToken: null };
}
