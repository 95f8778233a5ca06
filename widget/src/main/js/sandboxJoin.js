// In the sandbox no Webex widget joins the meeting, so the sandbox panel does its part: it hands the session to
// the landing's sandbox join endpoint, which puts the guest into the emulated meeting's lobby. From there the
// door works as it does live, and the status endpoint reports it.
import {useEffect, useState} from 'react';

/**
 * One POST with what the widget would use to join: the destination, the guest token and the password.
 * The secrets travel only in the body of a same-origin request that no cache keeps.
 *
 * @returns {Promise<boolean>} whether the landing took the join
 */
export async function joinSandboxMeeting(config, session, {fetch: fetchImpl = (...args) => globalThis.fetch(...args), signal} = {}) {
  const headers = {Accept: 'application/json', 'Content-Type': 'application/json'};
  if (config.csrfHeader && config.csrfToken) {
    headers[config.csrfHeader] = config.csrfToken;
  }
  try {
    const response = await fetchImpl(config.sandboxJoinUrl, {
      method: 'POST',
      credentials: 'same-origin',
      cache: 'no-store',
      headers,
      body: JSON.stringify({
        destination: session.destination,
        accessToken: session.accessToken,
        password: session.password,
      }),
      signal,
    });
    return response.ok;
  } catch (error) {
    if (error?.name === 'AbortError') {
      throw error;
    }
    return false;
  }
}

/**
 * Joins once per session when the page names a sandbox join URL; without one it does nothing.
 *
 * @returns {'idle'|'joining'|'joined'|'failed'} how the join went
 */
export function useSandboxJoin(config, session, fetch) {
  const [outcome, setOutcome] = useState({session: null, status: 'idle'});
  const url = config.sandboxJoinUrl;

  useEffect(() => {
    if (!url || !session) {
      return undefined;
    }
    const controller = new AbortController();
    setOutcome({session, status: 'joining'});
    joinSandboxMeeting(config, session, {fetch, signal: controller.signal}).then(
      (joined) => controller.signal.aborted || setOutcome({session, status: joined ? 'joined' : 'failed'}),
      () => {},
    );
    return () => controller.abort();
  }, [config, url, session, fetch]);

  return outcome.session === session ? outcome.status : 'idle';
}
