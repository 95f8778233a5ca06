// The console's view of Webex's door: the organizer's meetings at the emulator, who is in them or waits in their
// lobby (refreshed every second), and a form to knock as anyone, the way a stranger with the meeting's address would.
(function () {
  'use strict';
  var S = window.Sandbox;
  var list = document.getElementById('lobby-meetings');
  var select = document.getElementById('knock-meeting');
  var status = document.getElementById('lobby-status');

  function render(meetings) {
    list.textContent = '';
    if (meetings.length === 0) {
      list.appendChild(S.el('li', 'hint', S.t('noMeetings')));
    }
    meetings.forEach(function (meeting) {
      var item = S.el('li', 'lobby-meeting');
      item.setAttribute('data-meeting-id', meeting.id);
      item.appendChild(S.el('strong', null, meeting.title));
      var people = S.el('ul', 'lobby-people');
      if (meeting.participants.length === 0) {
        people.appendChild(S.el('li', 'hint', S.t('nobody')));
      }
      meeting.participants.forEach(function (p) {
        var person = S.el('li', 'lobby-person state-' + p.state,
          p.displayName + (p.email ? ' <' + p.email + '>' : '') + ' – ' + S.t('state.' + p.state) + ' (' +
          S.t(p.signedIn ? 'signedIn' : 'notSignedIn') + ')');
        person.setAttribute('data-participant-id', p.id);
        person.setAttribute('data-state', p.state);
        people.appendChild(person);
      });
      item.appendChild(people);
      list.appendChild(item);
    });
    var chosen = select.value;
    select.textContent = '';
    meetings.forEach(function (meeting) {
      var option = S.el('option', null, meeting.title);
      option.value = meeting.id;
      select.appendChild(option);
    });
    if (chosen) { select.value = chosen; }
  }

  function refresh() {
    return S.api('GET', '/sandbox/api/lobby').then(function (state) {
      render(state.meetings);
    }, function (error) {
      status.textContent = S.errorText(error);
    });
  }

  document.getElementById('knock').addEventListener('submit', function (event) {
    event.preventDefault();
    var name = document.getElementById('knock-name').value.trim();
    var email = document.getElementById('knock-email').value.trim();
    status.textContent = '';
    S.api('POST', '/sandbox/api/knock', { meetingId: select.value, displayName: name, email: email })
      .then(function () {
        status.textContent = S.t('knocked', name);
        return refresh();
      }, function (error) {
        status.textContent = S.errorText(error);
      });
  });

  refresh();
  setInterval(refresh, 1000);
})();
