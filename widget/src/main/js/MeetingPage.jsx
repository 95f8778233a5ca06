import {useCallback, useEffect, useRef, useState} from 'react';
import ErrorNotice from './ErrorNotice.jsx';
import LiveMeeting from './LiveMeeting.jsx';
import LobbyStatus from './LobbyStatus.jsx';
import SandboxRoom from './SandboxRoom.jsx';
import {messagesFor} from './i18n.js';
import {useLobbyState} from './lobby.js';
import {EXPIRED, UNAVAILABLE, requestSession} from './session.js';

const LOADING = Object.freeze({status: 'loading'});

/**
 * The meeting page: fetches the session once per attempt, then shows the live widget, the sandbox panel or a
 * plain message, and, while it holds a session, where the guest stands at the meeting's door. data-state on the
 * landmark (loading, ready, expired, unavailable) lets a browser test wait for the outcome.
 *
 * @param {{config: object, loadWidget: () => Promise<{default: Function}>, fetch?: typeof fetch, now?: () => Date,
 *   pollInterval?: number}} props pollInterval: milliseconds between two looks at the lobby status
 */
export default function MeetingPage({config, loadWidget, fetch, now, pollInterval}) {
  const t = messagesFor(config.language);
  const [outcome, setOutcome] = useState(LOADING);
  const [attempt, setAttempt] = useState(0);
  const headingRef = useRef(null);

  useEffect(() => {
    const controller = new AbortController();
    setOutcome(LOADING);
    requestSession(config, {fetch, now, signal: controller.signal}).then(
      (result) => controller.signal.aborted || setOutcome(result),
      () => controller.signal.aborted || setOutcome(UNAVAILABLE),
    );
    return () => controller.abort();
  }, [config, fetch, now, attempt]);

  const retry = useCallback(() => {
    // The retry button disappears while loading; keep keyboard focus on the page instead of losing it.
    headingRef.current?.focus();
    // Leave the old session in the same render: the next attempt must never mount the widget with it.
    setOutcome(LOADING);
    setAttempt((n) => n + 1);
  }, []);

  const Landmark = config.landmark;
  const Heading = `h${config.headingLevel}`;
  const subHeadingLevel = Math.min(config.headingLevel + 1, 6);
  const session = outcome.status === 'ready' ? outcome.session : null;

  // The status endpoint answering "ended" means what the session endpoint's 401/403/404/410 means.
  const endSession = useCallback(() => setOutcome(EXPIRED), []);
  const lobby = useLobbyState({statusUrl: config.statusUrl, session, fetch, interval: pollInterval, onEnded: endSession});

  return (
    <Landmark
      className="gg-meeting"
      lang={config.language}
      aria-labelledby="gg-meeting-title"
      data-testid="meeting-page"
      data-state={outcome.status}
    >
      <Heading id="gg-meeting-title" ref={headingRef} tabIndex={-1}>{t.title}</Heading>
      <p className="gg-status" role="status">{outcome.status === 'loading' ? t.loading : ''}</p>
      {outcome.status === 'expired' ? <ErrorNotice kind="expired" message={t.expired} /> : null}
      {outcome.status === 'unavailable' ? (
        <ErrorNotice kind="unavailable" message={t.unavailable} retryLabel={t.retry} onRetry={retry} />
      ) : null}
      {lobby ? <LobbyStatus lobby={lobby} messages={t} /> : null}
      {session?.sandbox ? (
        <SandboxRoom
          session={session}
          config={config}
          fetch={fetch}
          messages={t}
          headingLevel={subHeadingLevel}
        />
      ) : null}
      {session && !session.sandbox ? (
        <LiveMeeting key={attempt} session={session} messages={t} loadWidget={loadWidget} onRetry={retry} />
      ) : null}
    </Landmark>
  );
}
