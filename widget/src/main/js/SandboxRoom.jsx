import {useSandboxJoin} from './sandboxJoin.js';

/**
 * Stands in for the live widget in the sandbox, where no Webex cloud is reachable: it shows who would join and
 * where, and joins the emulated meeting as the widget would. The token, its expiry (which means nothing to a guest)
 * and the password are never rendered.
 */
export default function SandboxRoom({session, config, fetch, messages: t, headingLevel}) {
  const Heading = `h${headingLevel}`;
  const join = useSandboxJoin(config, session, fetch);
  return (
    <section
      className="gg-sandbox"
      aria-labelledby="gg-sandbox-title"
      data-testid="sandbox-room"
      data-destination={session.destination}
    >
      <Heading id="gg-sandbox-title">{t.sandboxTitle}</Heading>
      <p>{t.sandboxIntro}</p>
      <dl className="gg-facts">
        <dt>{t.sandboxWho}</dt>
        <dd data-testid="display-name">{session.displayName}</dd>
        <dt>{t.sandboxDestination}</dt>
        <dd><code>{session.destination}</code></dd>
      </dl>
      <p>{t.sandboxTokenIssued}</p>
      {join === 'failed' ? (
        <p className="gg-sandbox-error" role="alert" data-testid="sandbox-join-error">{t.sandboxJoinFailed}</p>
      ) : null}
    </section>
  );
}
