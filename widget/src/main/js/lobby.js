// The guest's place at the door. After the token is issued, the guest's widget joins the meeting and lands in
// the Webex lobby; GuestGate's server sees them there and admits them. The page asks the landing's status
// endpoint where the guest stands and shows it. The server decides: nothing here admits anyone.
import {useEffect, useState} from 'react';
import {endsSession} from './session.js';

/** How often the page asks, in milliseconds: often enough that "admitted" shows within a second of the door deciding. */
export const LOBBY_POLL_INTERVAL_MS = 500;

export const LOBBY_STATES = Object.freeze(['connecting', 'lobby', 'admitted', 'refused']);

/** States after which the answer cannot change any more, so the page stops asking. */
const FINAL = new Set(['admitted', 'refused']);

/** What the page shows from the moment it has a session until the server's first answer. */
export const CONNECTING = Object.freeze({state: 'connecting', organizer: null});

const ENDED = Object.freeze({status: 'ended'});
const RETRY = Object.freeze({status: 'retry'});

/**
 * One look at the status endpoint: a same-origin GET that no cache may answer.
 *
 * @returns {Promise<{status: 'state', lobby: {state: string, organizer: string|null}} | {status: 'ended'} |
 *   {status: 'retry'}>} 'ended' for 401, 403, 404 and 410; 'retry' for a network error, any other status or an
 *   answer that breaks the contract, so that a passing hiccup never changes what the guest sees
 */
export async function requestLobbyState(statusUrl, {fetch: fetchImpl = (...args) => globalThis.fetch(...args), signal} = {}) {
  let response;
  try {
    response = await fetchImpl(statusUrl, {
      method: 'GET',
      credentials: 'same-origin',
      cache: 'no-store',
      headers: {Accept: 'application/json'},
      signal,
    });
  } catch (error) {
    if (error?.name === 'AbortError') {
      throw error;
    }
    return RETRY;
  }
  if (endsSession(response.status)) {
    return ENDED;
  }
  if (!response.ok) {
    return RETRY;
  }
  try {
    const lobby = toLobbyState(await response.json());
    return lobby ? {status: 'state', lobby} : RETRY;
  } catch (error) {
    if (error?.name === 'AbortError') {
      throw error;
    }
    return RETRY;
  }
}

/** @returns {{state: string, organizer: string|null}|null} the validated answer, or null when it breaks the contract */
export function toLobbyState(body) {
  if (body === null || typeof body !== 'object' || !LOBBY_STATES.includes(body.state)) {
    return null;
  }
  const organizer = typeof body.organizer === 'string' && body.organizer.trim() !== '' ? body.organizer.trim() : null;
  return Object.freeze({state: body.state, organizer});
}

/**
 * Polls the status endpoint while the page holds a session: at once, then one interval after each answer (never
 * two requests at a time), until the guest is admitted or refused, the session ends, or the page goes away.
 *
 * @param {{statusUrl: string|null, session: object|null, fetch?: typeof fetch, interval?: number,
 *   onEnded: () => void}} options onEnded runs when the endpoint says the session is over
 * @returns {{state: string, organizer: string|null}|null} the latest state, or null without a session or status URL
 */
export function useLobbyState({statusUrl, session, fetch, interval = LOBBY_POLL_INTERVAL_MS, onEnded}) {
  // Remembered with the session it belongs to, so a new session never shows the previous one's state.
  const [latest, setLatest] = useState({session: null, lobby: CONNECTING});
  const active = Boolean(statusUrl && session);

  useEffect(() => {
    if (!active) {
      return undefined;
    }
    const controller = new AbortController();
    let timer;
    const poll = async () => {
      let answer;
      try {
        answer = await requestLobbyState(statusUrl, {fetch, signal: controller.signal});
      } catch {
        return;
      }
      if (controller.signal.aborted) {
        return;
      }
      if (answer.status === 'ended') {
        onEnded();
        return;
      }
      if (answer.status === 'state') {
        setLatest({session, lobby: answer.lobby});
        if (FINAL.has(answer.lobby.state)) {
          return;
        }
      }
      timer = setTimeout(poll, interval);
    };
    poll();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [active, statusUrl, session, fetch, interval, onEnded]);

  if (!active) {
    return null;
  }
  return latest.session === session ? latest.lobby : CONNECTING;
}
