const MAX_LENGTH = 500;

/**
 * One log line for a widget failure, with the guest token cut out wherever it appears: the Webex SDK builds
 * its error messages from requests, and the token must never reach a log. The SDK's HTTP errors put the
 * request and its tracking id on later lines of the message, which support needs, so all lines are kept.
 */
export function describeFailure(reason, secret) {
  const name = reason?.name ?? typeof reason;
  const status = typeof reason?.statusCode === 'number' ? ` (status ${reason.statusCode})` : '';
  const message = String(reason?.message ?? reason ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' | ');
  const text = `${name}${status}: ${message}`;
  const redacted = secret ? text.split(secret).join('[redacted]') : text;
  return redacted.length > MAX_LENGTH ? `${redacted.slice(0, MAX_LENGTH)}…` : redacted;
}
