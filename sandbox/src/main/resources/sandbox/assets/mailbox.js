// The mailbox: every mail GreenMail received, newest first, with its links and its calendar part as text.
(function () {
  'use strict';
  var S = window.Sandbox;
  var list = document.getElementById('mails');
  var status = document.getElementById('status');
  var lastKey = null;

  S.applyTexts();

  function field(parent, label, value) {
    var line = S.el('div', 'meta');
    line.appendChild(S.el('strong', null, label + ': '));
    line.appendChild(document.createTextNode(value));
    parent.appendChild(line);
  }

  function showMail(mail) {
    var item = S.el('li', 'mail');
    item.setAttribute('data-mail', String(mail.number));
    item.appendChild(S.el('h2', null, mail.subject));
    field(item, S.t('from'), mail.from);
    field(item, S.t('to'), (mail.to || []).join(', '));
    field(item, S.t('received'), S.time(mail.received));
    if (mail.links && mail.links.length) {
      item.appendChild(S.el('h3', null, S.t('links')));
      var links = S.el('ul', 'links');
      mail.links.forEach(function (url) {
        if (S.safeUrl(url)) {
          var li = S.el('li');
          li.appendChild(S.link(url));
          links.appendChild(li);
        }
      });
      item.appendChild(links);
    }
    item.appendChild(S.appendRich(S.el('pre', 'text'), mail.text));
    if (mail.calendar) {
      var details = S.el('details');
      details.open = true;
      details.appendChild(S.el('summary', null, S.t('calendar')));
      details.appendChild(S.el('pre', 'calendar', mail.calendar));
      item.appendChild(details);
    }
    if (mail.attachments && mail.attachments.length) {
      field(item, S.t('attachments'), mail.attachments.join(', '));
    }
    list.appendChild(item);
  }

  function refresh() {
    return S.api('GET', '/sandbox/api/mails').then(function (body) {
      status.textContent = '';
      var key = body.mails.map(function (m) { return m.number; }).join(',');
      if (key === lastKey) { return; }
      lastKey = key;
      list.textContent = '';
      if (body.mails.length === 0) { list.appendChild(S.el('li', 'hint', S.t('noMails'))); }
      body.mails.forEach(showMail);
    }, function (error) {
      status.textContent = S.errorText(error);
    });
  }

  document.getElementById('refresh').addEventListener('click', function () { lastKey = null; refresh(); });
  refresh();
  setInterval(refresh, 3000);
})();
