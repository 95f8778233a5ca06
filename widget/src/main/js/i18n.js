// The page speaks German or English. The landing passes the language it chose from Accept-Language as
// data-lang; without it the browser's own preference decides, and English is the last resort.

const SUPPORTED = ['de', 'en'];
const FALLBACK = 'en';

/**
 * @param {string|undefined|null} requested the mount element's data-lang
 * @param {readonly string[]} browserLanguages navigator.languages (or [navigator.language])
 * @returns {'de'|'en'}
 */
export function chooseLanguage(requested, browserLanguages = []) {
  const candidates = [requested, ...browserLanguages];
  for (const candidate of candidates) {
    const primary = String(candidate ?? '').trim().toLowerCase().split(/[-_]/)[0];
    if (SUPPORTED.includes(primary)) {
      return primary;
    }
  }
  return FALLBACK;
}

const MESSAGES = {
  en: {
    title: 'Your meeting',
    loading: 'Preparing your meeting …',
    joiningAs: 'You join as',
    joiningAsHint: 'This name comes from your verified identity and cannot be changed.',
    widgetLoading: 'Loading the meeting …',
    expired: 'Your session has ended. Please open the link from your invitation email again.',
    unavailable: 'The meeting could not be loaded. Please check your connection and try again.',
    widgetFailed: 'The meeting could not be started.',
    retry: 'Try again',
    sandboxTitle: 'Sandbox meeting room',
    sandboxIntro: 'This is the sandbox. No Webex cloud is reachable here, so this panel stands in for the live meeting.',
    sandboxWho: 'Would join as',
    sandboxDestination: 'Meeting destination',
    sandboxTokenIssued: 'A Webex guest token was issued for this visit. It is never shown.',
    sandboxJoinFailed: 'The sandbox could not take you into the meeting\'s lobby.',
    lobbyConnecting: 'You will be let in automatically as soon as you reach the meeting\'s lobby.',
    lobbyWaiting: 'You are waiting in the lobby. GuestGate is letting you in — no need to do anything.',
    lobbyAdmitted: 'You are in the meeting.',
    lobbyRefused: 'You cannot be let in with this invitation.',
    lobbyAskOrganizer: 'Please ask the organizer.',
    lobbyAskNamedOrganizer: 'Please ask the organizer, {organizer}.',
  },
  de: {
    title: 'Ihr Meeting',
    loading: 'Ihr Meeting wird vorbereitet …',
    joiningAs: 'Sie nehmen teil als',
    joiningAsHint: 'Dieser Name stammt aus Ihrer bestätigten Identität und kann nicht geändert werden.',
    widgetLoading: 'Das Meeting wird geladen …',
    expired: 'Ihre Sitzung ist abgelaufen. Bitte öffnen Sie den Link aus Ihrer Einladungs-E-Mail erneut.',
    unavailable: 'Das Meeting konnte nicht geladen werden. Bitte prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    widgetFailed: 'Das Meeting konnte nicht gestartet werden.',
    retry: 'Erneut versuchen',
    sandboxTitle: 'Sandbox-Meetingraum',
    sandboxIntro: 'Dies ist die Sandbox. Hier ist keine Webex-Cloud erreichbar, daher steht dieses Feld für das echte Meeting.',
    sandboxWho: 'Würde teilnehmen als',
    sandboxDestination: 'Meeting-Ziel',
    sandboxTokenIssued: 'Für diesen Besuch wurde ein Webex-Gast-Token ausgestellt. Es wird nie angezeigt.',
    sandboxJoinFailed: 'Die Sandbox konnte Sie nicht in die Lobby des Meetings bringen.',
    lobbyConnecting: 'Sie werden automatisch eingelassen, sobald Sie in der Lobby des Meetings sind.',
    lobbyWaiting: 'Sie warten in der Lobby. GuestGate lässt Sie ein – Sie müssen nichts weiter tun.',
    lobbyAdmitted: 'Sie sind im Meeting.',
    lobbyRefused: 'Mit dieser Einladung können Sie nicht eingelassen werden.',
    lobbyAskOrganizer: 'Bitte wenden Sie sich an die Organisatorin oder den Organisator des Meetings.',
    lobbyAskNamedOrganizer: 'Bitte wenden Sie sich an die Organisatorin oder den Organisator des Meetings, {organizer}.',
  },
};

/** @returns {typeof MESSAGES.en} the messages of one language */
export function messagesFor(language) {
  return MESSAGES[language] ?? MESSAGES[FALLBACK];
}

/** The sentence for one lobby state; the organizer's name, when the server gives one, is plain text. */
export function lobbyText(t, {state, organizer}) {
  switch (state) {
    case 'lobby':
      return t.lobbyWaiting;
    case 'admitted':
      return t.lobbyAdmitted;
    case 'refused': {
      const ask = organizer ? t.lobbyAskNamedOrganizer.split('{organizer}').join(organizer) : t.lobbyAskOrganizer;
      return `${t.lobbyRefused} ${ask}`;
    }
    default:
      return t.lobbyConnecting;
  }
}
