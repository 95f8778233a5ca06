// Shared by the sandbox's pages: German/English texts, safe text rendering (everything goes in as text nodes; only
// http(s) links become anchors) and JSON calls to the sandbox API.
(function () {
  'use strict';

  var texts = {
    en: {
      consoleTitle: 'Console', mailboxTitle: 'Mailbox', toMailbox: 'Mailbox', toConsole: 'Console',
      consoleHint: 'You are the organizer, chatting 1:1 with the bot through the Webex emulator. Try: login, help, ' +
        'create Review | tomorrow 10:00 | 30m, add Anna Muster <anna@example.test>',
      mailboxHint: 'Every mail the sandbox sent, newest first. Mail clients can read the same mail over IMAP.',
      who: 'You are {0}, chatting with {1}.',
      messageLabel: 'Message', send: 'Send', refresh: 'Refresh', noMessages: 'No messages yet. Write to the bot.',
      noMails: 'No mail yet.', from: 'From', to: 'To', received: 'Received', links: 'Links', calendar: 'Calendar (.ics)',
      attachments: 'Attachments', submitted: 'Submitted; the bot answers in the chat.', sending: 'Sending…',
      required: 'Please fill in: {0}',
      'error.empty-text': 'Write something first.',
      'error.text-too-long': 'The message is too long for Webex.',
      'error.no-card': 'This card cannot be submitted.',
      'error.bad-inputs': 'The card\'s inputs were not accepted.',
      'error.emulator': 'The Webex emulator refused the request (HTTP {0}).',
      'error.network': 'The sandbox does not answer. Is it still running?',
      'error.other': 'That did not work.',
      unsupported: 'This part of the card cannot be shown here: {0}', image: 'Image: {0}',
      lobbyTitle: 'Lobby at Webex',
      lobbyHint: 'Who is in your meetings at the Webex emulator, or waiting in their lobby. GuestGate lets verified ' +
        'guests in by itself; anyone else waits, and you get a card. Try knocking as someone who was invited.',
      knockMeeting: 'Meeting', knockName: 'Someone knocks as', knockEmail: 'with the email', knock: 'Knock',
      noMeetings: 'No meeting at Webex yet. Create one in the chat.', nobody: 'Nobody here yet.',
      'state.lobby': 'waiting in the lobby', 'state.joined': 'in the meeting', 'state.end': 'left',
      signedIn: 'Webex identity', notSignedIn: 'typed name, not signed in',
      knocked: '{0} knocks and waits in the lobby.',
      'error.bad-knock': 'Choose a meeting and type a name.',
      'mark.ok': 'Done', 'mark.warn': 'Warning', 'mark.stop': 'Refused', 'mark.wait': 'Timed out',
      'mark.door': 'Someone at the door', 'mark.key': 'Sign-in needed', 'mark.other': 'Note'
    },
    de: {
      consoleTitle: 'Konsole', mailboxTitle: 'Postfach', toMailbox: 'Postfach', toConsole: 'Konsole',
      consoleHint: 'Sie sind die Organisatorin und schreiben dem Bot 1:1 über den Webex-Emulator. Zum Beispiel: ' +
        'login, hilfe, erstellen Review | morgen 10:00 | 30m, hinzufügen Anna Muster <anna@example.test>',
      mailboxHint: 'Alle Mails, die die Sandbox verschickt hat, die neueste zuerst. Mailprogramme lesen dieselben ' +
        'Mails über IMAP.',
      who: 'Sie sind {0} und schreiben mit {1}.',
      messageLabel: 'Nachricht', send: 'Senden', refresh: 'Aktualisieren',
      noMessages: 'Noch keine Nachrichten. Schreiben Sie dem Bot.', noMails: 'Noch keine Mails.', from: 'Von',
      to: 'An', received: 'Empfangen', links: 'Links', calendar: 'Kalender (.ics)', attachments: 'Anhänge',
      submitted: 'Abgeschickt; der Bot antwortet im Chat.', sending: 'Wird gesendet …',
      required: 'Bitte ausfüllen: {0}',
      'error.empty-text': 'Schreiben Sie zuerst etwas.',
      'error.text-too-long': 'Die Nachricht ist für Webex zu lang.',
      'error.no-card': 'Diese Karte kann nicht abgeschickt werden.',
      'error.bad-inputs': 'Die Eingaben der Karte wurden nicht angenommen.',
      'error.emulator': 'Der Webex-Emulator hat die Anfrage abgelehnt (HTTP {0}).',
      'error.network': 'Die Sandbox antwortet nicht. Läuft sie noch?',
      'error.other': 'Das hat nicht geklappt.',
      unsupported: 'Dieser Teil der Karte kann hier nicht angezeigt werden: {0}', image: 'Bild: {0}',
      lobbyTitle: 'Wartebereich bei Webex',
      lobbyHint: 'Wer in Ihren Meetings beim Webex-Emulator ist oder im Wartebereich wartet. GuestGate lässt ' +
        'verifizierte Gäste selbst herein; alle anderen warten, und Sie bekommen eine Karte. Klopfen Sie doch einmal ' +
        'als jemand an, der eingeladen wurde.',
      knockMeeting: 'Meeting', knockName: 'Jemand klopft an als', knockEmail: 'mit der E-Mail', knock: 'Anklopfen',
      noMeetings: 'Noch kein Meeting bei Webex. Erstellen Sie eines im Chat.', nobody: 'Noch niemand da.',
      'state.lobby': 'wartet im Wartebereich', 'state.joined': 'im Meeting', 'state.end': 'gegangen',
      signedIn: 'Webex-Identität', notSignedIn: 'eingetippter Name, nicht angemeldet',
      knocked: '{0} klopft an und wartet im Wartebereich.',
      'error.bad-knock': 'Wählen Sie ein Meeting und geben Sie einen Namen ein.',
      'mark.ok': 'Erledigt', 'mark.warn': 'Warnung', 'mark.stop': 'Abgelehnt', 'mark.wait': 'Zeit abgelaufen',
      'mark.door': 'Jemand an der Tür', 'mark.key': 'Anmeldung nötig', 'mark.other': 'Hinweis'
    }
  };

  var languages = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'en'];
  var lang = 'en';
  for (var i = 0; i < languages.length; i++) {
    var code = String(languages[i]).toLowerCase().substring(0, 2);
    if (texts[code]) { lang = code; break; }
  }

  function t(key) {
    var text = texts[lang][key] || texts.en[key] || key;
    for (var i = 1; i < arguments.length; i++) {
      text = text.split('{' + (i - 1) + '}').join(String(arguments[i]));
    }
    return text;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function safeUrl(url) {
    return /^https?:\/\//i.test(String(url || '')) ? String(url) : null;
  }

  function link(url, label) {
    var a = el('a', null, label || url);
    a.href = url;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    return a;
  }

  // A little of Webex markdown, as text: **bold**, `code`, [label](http…), bare http(s) links, backslash escapes
  // such as \( (the bot escapes what people typed), and pictographs (see MARKS).
  var INLINE = /\*\*([^*]+)\*\*|`([^`]+)`|\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)|(https?:\/\/[^\s<>"')\]]+)|\\([!-\/:-@\[-`{-~])|(\p{Extended_Pictographic}\uFE0F?)/gu;

  // The bot starts notices with an emoji. Many machines running the sandbox have no emoji font, where an emoji is an
  // empty box, so the console draws each as a small badge of its own (sandbox.css) that needs no font, and names it
  // for screen readers.
  var MARKS = {
    '\u2705': 'ok', '\u26A0': 'warn', '\u26D4': 'stop', '\u231B': 'wait', '\uD83D\uDEAA': 'door', '\uD83D\uDD11': 'key'
  };

  function mark(emoji) {
    var kind = MARKS[emoji.replace('\uFE0F', '')] || 'other';
    var badge = el('span', 'mark mark-' + kind);
    badge.setAttribute('role', 'img');
    badge.setAttribute('aria-label', t('mark.' + kind));
    badge.setAttribute('data-mark', kind);
    return badge;
  }

  function appendRich(parent, text) {
    text = String(text || '');
    var last = 0;
    var match;
    var inline = new RegExp(INLINE.source, 'gu'); // its own lastIndex: bold text is rendered recursively
    while ((match = inline.exec(text)) !== null) {
      parent.appendChild(document.createTextNode(text.substring(last, match.index)));
      if (match[1] !== undefined) { parent.appendChild(appendRich(el('strong'), match[1])); }
      else if (match[2] !== undefined) { parent.appendChild(el('code', null, match[2])); }
      else if (match[3] !== undefined) { parent.appendChild(link(match[4], match[3])); }
      else if (match[5] !== undefined) { parent.appendChild(link(match[5])); }
      else if (match[6] !== undefined) { parent.appendChild(document.createTextNode(match[6])); }
      else { parent.appendChild(mark(match[7])); }
      last = inline.lastIndex;
    }
    parent.appendChild(document.createTextNode(text.substring(last)));
    return parent;
  }

  // A message as Webex shows it: lines starting with "- " become a list, everything else goes through appendRich.
  function appendMarkdown(parent, text) {
    var lines = String(text || '').split('\n');
    var list = null;
    var pending = [];
    function flush() {
      if (pending.length) {
        appendRich(parent, pending.join('\n'));
        pending = [];
      }
    }
    lines.forEach(function (line, index) {
      var item = /^\s*[-*] (.*)$/.exec(line);
      if (item) {
        flush();
        if (!list) { list = el('ul', 'md-list'); parent.appendChild(list); }
        list.appendChild(appendRich(el('li'), item[1]));
      } else {
        list = null;
        pending.push(line);
        if (index === lines.length - 1) { flush(); }
      }
    });
    flush();
    return parent;
  }

  function applyTexts() {
    document.documentElement.lang = lang;
    var nodes = document.querySelectorAll('[data-i18n]');
    for (var i = 0; i < nodes.length; i++) {
      nodes[i].textContent = t(nodes[i].getAttribute('data-i18n'));
    }
  }

  function api(method, path, body) {
    var options = { method: method, headers: { 'Accept': 'application/json' }, credentials: 'same-origin' };
    if (body !== undefined) {
      options.headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(body);
    }
    return fetch(path, options).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (json) {
        if (!response.ok) {
          var error = new Error(json.error || 'other');
          error.code = json.error || 'other';
          error.status = json.status;
          throw error;
        }
        return json;
      });
    }, function () {
      var error = new Error('network');
      error.code = 'network';
      throw error;
    });
  }

  function errorText(error) {
    var code = error && error.code ? error.code : 'other';
    return t('error.' + code, error && error.status !== undefined ? error.status : '');
  }

  function time(iso) {
    if (!iso) { return ''; }
    var date = new Date(iso);
    return isNaN(date.getTime()) ? String(iso) : date.toLocaleString(lang === 'de' ? 'de-AT' : 'en-GB');
  }

  window.Sandbox = { lang: lang, t: t, el: el, link: link, safeUrl: safeUrl, appendRich: appendRich,
    appendMarkdown: appendMarkdown,
    applyTexts: applyTexts, api: api, errorText: errorText, time: time };
})();
