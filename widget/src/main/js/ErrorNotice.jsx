/**
 * A plain message in an alert region, with a retry button when trying again can help.
 * data-error names the kind for the browser test: expired, unavailable or widget.
 */
export default function ErrorNotice({kind, message, retryLabel, onRetry}) {
  return (
    <div className="gg-notice" role="alert" data-testid="meeting-error" data-error={kind}>
      <p>{message}</p>
      {onRetry ? (
        <button type="button" className="gg-button" onClick={onRetry}>{retryLabel}</button>
      ) : null}
    </div>
  );
}
