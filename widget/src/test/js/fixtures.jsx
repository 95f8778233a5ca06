import {vi} from 'vitest';

// Test doubles for what the page talks to: the landing's session, lobby status and sandbox join endpoints, and
// the Webex widget module. The responses are real fetch Response objects shaped like the landing's answers.

export const NOW = new Date('2030-05-14T08:00:00Z');
export const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.guest-token-that-must-never-show';
export const PASSWORD = 'Kx7#meeting-password-that-must-never-show';

export function sessionBody(overrides = {}) {
  return {
    accessToken: TOKEN,
    destination: '123456789@example.webex.com',
    displayName: 'Anna Müller',
    expiresAt: '2030-05-14T08:05:00Z',
    sandbox: false,
    ...overrides,
  };
}

/** The status endpoint's answer. */
export function lobbyBody(state, organizer = null) {
  return {state, organizer};
}

export function json(status, body) {
  return new Response(JSON.stringify(body), {
    status,
    headers: {'Content-Type': 'application/json', 'Cache-Control': 'no-store'},
  });
}

/** A fetch that answers with the given responses in turn; anything else in the script is thrown. */
export function scriptedFetch(...answers) {
  const fetch = vi.fn(async () => {
    const next = answers.shift();
    if (next === undefined) {
      throw new Error('no more scripted answers');
    }
    if (!(next instanceof Response)) {
      throw next;
    }
    return next;
  });
  return fetch;
}

/** A fetch that never answers, until the page aborts it. */
export function pendingFetch() {
  return vi.fn((url, init) => new Promise((resolve, reject) => {
    init?.signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')));
  }));
}

/**
 * One fetch for the whole page that hands each request to the fetch for its URL, so every endpoint keeps its
 * own script and its own record of calls. A request to any other URL fails the way a network error would.
 */
export function routedFetch(routes) {
  return vi.fn(async (url, init) => {
    const route = routes[url];
    if (!route) {
      throw new TypeError(`unexpected request to ${url}`);
    }
    return route(url, init);
  });
}

/**
 * A stand-in for the widget module: records the props of every mount and renders a marker.
 * With crashFirstLoad, the component of the first load always throws while rendering, as a broken widget would.
 */
export function fakeWidgetModule({crashFirstLoad = false} = {}) {
  const mounts = [];
  function FakeWebexWidget(props) {
    mounts.push(props);
    return <div data-testid="fake-widget">meeting at {props.destination}</div>;
  }
  function CrashingWebexWidget() {
    throw new Error('widget crashed');
  }
  let loads = 0;
  const loadWidget = vi.fn(async () => {
    loads += 1;
    return {default: crashFirstLoad && loads === 1 ? CrashingWebexWidget : FakeWebexWidget};
  });
  return {loadWidget, mounts};
}

export const fixedNow = () => NOW;
