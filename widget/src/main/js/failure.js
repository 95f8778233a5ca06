/**
 * One log line for a widget failure, with the guest token cut out wherever it appears: the Webex SDK builds
 * its error messages from requests, and the token must never reach a log.
 */
export function describeFailure(reason, secret) {
  const name = reason?.name ?? typeof reason;
  const firstLine = String(reason?.message ?? reason ?? '').split('\n')[0];
  const text = `${name}: ${firstLine}`;
  return secret ? text.split(secret).join('[redacted]') : text;
}
