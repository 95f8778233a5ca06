// Asks the landing for the guest's meeting session: a same-origin POST (so the token never travels in a URL)
// whose JSON answer carries the Webex guest token and, when the meeting needs one, its password. Every outcome
// becomes one of three plain results; nothing here throws, logs or keeps the secrets anywhere but in the
// returned object.

/** Answers that mean "this link no longer opens a session": the guest has to start from the email again. */
const ENDED = new Set([401, 403, 404, 410]);

/** Whether an HTTP status from one of the guest's endpoints (session, lobby status) means the session ended. */
export function endsSession(status) {
  return ENDED.has(status);
}

export const EXPIRED = Object.freeze({status: 'expired'});
export const UNAVAILABLE = Object.freeze({status: 'unavailable'});

/**
 * @param {{sessionUrl: string, csrfHeader?: string, csrfToken?: string}} config from the mount element
 * @param {{fetch?: typeof fetch, now?: () => Date, signal?: AbortSignal}} deps
 * @returns {Promise<{status: 'ready', session: MeetingSession} | {status: 'expired'} | {status: 'unavailable'}>}
 */
export async function requestSession(config, {fetch: fetchImpl = (...args) => globalThis.fetch(...args), now = () => new Date(), signal} = {}) {
  if (!config.sessionUrl) {
    return EXPIRED;
  }
  const headers = {Accept: 'application/json'};
  if (config.csrfHeader && config.csrfToken) {
    headers[config.csrfHeader] = config.csrfToken;
  }
  let response;
  try {
    response = await fetchImpl(config.sessionUrl, {
      method: 'POST',
      credentials: 'same-origin',
      cache: 'no-store',
      headers,
      signal,
    });
  } catch (error) {
    if (error?.name === 'AbortError') {
      throw error;
    }
    return UNAVAILABLE;
  }
  if (endsSession(response.status)) {
    return EXPIRED;
  }
  if (!response.ok) {
    return UNAVAILABLE;
  }
  let body;
  try {
    body = await response.json();
  } catch {
    return UNAVAILABLE;
  }
  const session = toSession(body);
  if (!session) {
    return UNAVAILABLE;
  }
  if (session.expiresAt.getTime() <= now().getTime()) {
    return EXPIRED;
  }
  return {status: 'ready', session};
}

/**
 * @typedef {{accessToken: string, password: string|null, destination: string, displayName: string, expiresAt: Date,
 *   sandbox: boolean}} MeetingSession
 * @returns {MeetingSession|null} the validated session, or null when the answer does not keep the contract
 */
export function toSession(body) {
  if (body === null || typeof body !== 'object') {
    return null;
  }
  const {accessToken, password = null, destination, displayName, expiresAt, sandbox} = body;
  if (!isText(accessToken) || !isText(destination) || !isText(displayName) || typeof sandbox !== 'boolean') {
    return null;
  }
  if (password !== null && typeof password !== 'string') {
    return null;
  }
  const expiry = typeof expiresAt === 'string' ? new Date(expiresAt) : null;
  if (!expiry || Number.isNaN(expiry.getTime())) {
    return null;
  }
  const session = {destination, displayName, expiresAt: expiry, sandbox};
  // Not enumerable: an accidental console.log, JSON.stringify or spread of the session leaves the secrets out.
  Object.defineProperty(session, 'accessToken', {value: accessToken, enumerable: false});
  Object.defineProperty(session, 'password', {value: isText(password) ? password : null, enumerable: false});
  return Object.freeze(session);
}

function isText(value) {
  return typeof value === 'string' && value.trim() !== '';
}
