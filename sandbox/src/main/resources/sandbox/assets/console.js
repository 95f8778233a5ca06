// The console: the organizer's 1:1 space with the bot. Polls the sandbox API (which reads the space at the Webex
// emulator) and appends new messages; writing and card buttons go through the emulator as Webex would.
(function () {
  'use strict';
  var S = window.Sandbox;
  var list = document.getElementById('messages');
  var status = document.getElementById('status');
  var text = document.getElementById('text');
  var shown = {};
  var empty = null;

  S.applyTexts();

  function showMessage(m) {
    var item = S.el('li', 'message' + (m.fromBot ? ' bot' : ' mine'));
    item.setAttribute('data-message-id', m.id);
    item.appendChild(S.el('div', 'meta', (m.author || '') + ' · ' + S.time(m.created)));
    var body = S.el('div', 'body');
    S.appendMarkdown(body, m.markdown || m.text || '');
    item.appendChild(body);
    if (m.card) {
      item.appendChild(window.SandboxCards.render(m.card, function (inputs) {
        return S.api('POST', '/sandbox/api/console/actions', { messageId: m.id, inputs: inputs }).then(refresh);
      }));
    }
    list.appendChild(item);
  }

  function refresh() {
    return S.api('GET', '/sandbox/api/console').then(function (state) {
      document.getElementById('who').textContent = S.t('who',
        state.organizer.name + ' <' + state.organizer.email + '>', state.bot.name + ' <' + state.bot.email + '>');
      var nearBottom = window.innerHeight + window.scrollY >= document.body.scrollHeight - 80;
      var added = false;
      state.messages.forEach(function (m) {
        if (!shown[m.id]) {
          shown[m.id] = true;
          showMessage(m);
          added = true;
        }
      });
      if (state.messages.length === 0 && !empty) {
        empty = S.el('li', 'hint', S.t('noMessages'));
        list.appendChild(empty);
      } else if (state.messages.length > 0 && empty) {
        empty.remove();
        empty = null;
      }
      if (added && nearBottom) { window.scrollTo(0, document.body.scrollHeight); }
      if (status.getAttribute('data-source') === 'poll') { status.textContent = ''; }
    }, function (error) {
      status.setAttribute('data-source', 'poll');
      status.textContent = S.errorText(error);
    });
  }

  document.getElementById('compose').addEventListener('submit', function (event) {
    event.preventDefault();
    var value = text.value.trim();
    if (!value) { return; }
    status.removeAttribute('data-source');
    status.textContent = '';
    S.api('POST', '/sandbox/api/console/messages', { text: value }).then(function () {
      text.value = '';
      return refresh();
    }, function (error) {
      status.textContent = S.errorText(error);
    });
  });

  text.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      document.getElementById('compose').requestSubmit();
    }
  });

  refresh();
  setInterval(refresh, 1500);
})();
