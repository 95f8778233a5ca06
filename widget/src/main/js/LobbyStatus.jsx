import {lobbyText} from './i18n.js';

/**
 * Where the guest stands at the door, in a polite live region: a screen reader announces each change without
 * moving focus. data-lobby-state (connecting, lobby, admitted, refused) is the hook for the browser test.
 */
export default function LobbyStatus({lobby, messages}) {
  return (
    <p className="gg-lobby" role="status" aria-live="polite" data-testid="lobby-state" data-lobby-state={lobby.state}>
      {lobbyText(messages, lobby)}
    </p>
  );
}
