import {useEffect, useState} from 'react';
import ErrorNotice from './ErrorNotice.jsx';
import WidgetErrorBoundary from './WidgetErrorBoundary.jsx';
import {describeFailure} from './failure.js';

/**
 * The live meeting: the verified name the guest appears as, then the Webex Meetings widget, loaded on demand.
 * The widget gets the verified name and, when the meeting has one, its password, so it asks the guest for
 * neither (see WebexWidget.jsx).
 *
 * The wrapper around the widget carries data-testid="webex-widget" and data-destination so a browser test can
 * see that the widget was mounted for the right meeting without reaching Webex.
 */
export default function LiveMeeting({session, messages: t, loadWidget, onRetry}) {
  const [Widget, setWidget] = useState(null);
  const [failed, setFailed] = useState(false);
  const token = session.accessToken;

  useEffect(() => {
    const fail = (error) => {
      console.error(`Webex widget failed: ${describeFailure(error, token)}`);
      setFailed(true);
    };

    // Loaded in an effect rather than with React.lazy: an effect runs once per mounted page, so a retry
    // (which remounts this component) downloads a failed chunk again, and a render React throws away never
    // starts a download.
    let mounted = true;
    loadWidget().then(
      (module) => mounted && setWidget(() => module.default),
      (error) => mounted && fail(error),
    );

    // The widget connects to Webex in a promise nobody awaits (its adapter's connect()), so an invalid token
    // or an unreachable Webex surfaces only as an unhandled rejection. While the widget is mounted, this page
    // runs no other code that could leave one, so such a rejection is the widget's. The widget stays in
    // place: if a rejection was harmless, the guest only sees a message and keeps the meeting.
    const onRejection = (event) => {
      event.preventDefault();
      fail(event.reason);
    };
    window.addEventListener('unhandledrejection', onRejection);
    return () => {
      mounted = false;
      window.removeEventListener('unhandledrejection', onRejection);
    };
  }, [loadWidget, token]);

  const onRenderError = (error) => {
    console.error(`Webex widget failed: ${describeFailure(error, token)}`);
    setFailed(true);
  };

  return (
    <div className="gg-live">
      <div className="gg-identity">
        <p>{t.joiningAs} <strong data-testid="display-name">{session.displayName}</strong></p>
        <p className="gg-hint">{t.joiningAsHint}</p>
      </div>
      {failed ? (
        <ErrorNotice kind="widget" message={t.widgetFailed} retryLabel={t.retry} onRetry={onRetry} />
      ) : null}
      <div className="gg-widget" data-testid="webex-widget" data-destination={session.destination}>
        {Widget ? (
          <WidgetErrorBoundary onError={onRenderError}>
            <Widget
              accessToken={token}
              destination={session.destination}
              displayName={session.displayName}
              {...(session.password ? {password: session.password} : {})}
            />
          </WidgetErrorBoundary>
        ) : null}
        {!Widget && !failed ? <p className="gg-status" role="status">{t.widgetLoading}</p> : null}
      </div>
    </div>
  );
}
