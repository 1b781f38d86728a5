// One contract request as Mull's page itself sends it: the run's token from the tab's
// sessionStorage as a Bearer header (there is no cookie; node/web-host/request-guard.ts says
// why). For setup and checks that read the backend "behind the page", through its own session.
import type { Page } from '@playwright/test';

/** Where the page keeps the token (renderer/src/api/web-transport.ts, sessionTokenKey). */
export const sessionTokenKey = 'mull.session';

/** The envelope the host answers, as JSON; the page must hold a session. */
export function callFromPage<T>(page: Page, channel: string, payload: unknown): Promise<T> {
  return page.evaluate<T>(
    `(async () => {
      const token = sessionStorage.getItem(${JSON.stringify(sessionTokenKey)});
      const response = await fetch(${JSON.stringify(`/api/${channel}`)}, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + token },
        body: ${JSON.stringify(JSON.stringify(payload))},
      });
      return response.json();
    })()`,
  );
}
