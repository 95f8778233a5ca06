// Renders an Adaptive Card (the subset Webex supports) as plain DOM: text blocks, fact sets, containers, columns,
// inputs and actions. Every value goes in as text. Action.Submit hands {data + input values} to onSubmit, which is how
// Webex fills an attachment action's "inputs".
(function () {
  'use strict';
  var S = window.Sandbox;

  function render(card, onSubmit) {
    var root = S.el('div', 'card');
    var status = S.el('p', 'card-status');
    renderInto(root, card || {}, root, status, onSubmit);
    root.appendChild(status);
    return root;
  }

  function renderInto(parent, card, root, status, onSubmit) {
    renderElements(parent, card.body, root, status, onSubmit);
    renderActions(parent, card.actions, root, status, onSubmit);
  }

  function renderElements(parent, elements, root, status, onSubmit) {
    if (!Array.isArray(elements)) { return; }
    elements.forEach(function (element) {
      if (element && element.isVisible !== false) {
        var node = renderElement(element, root, status, onSubmit);
        if (node) { parent.appendChild(node); }
      }
    });
  }

  function renderElement(e, root, status, onSubmit) {
    switch (e.type) {
      case 'TextBlock': {
        var p = S.el('p', textClass(e));
        return S.appendRich(p, e.text);
      }
      case 'RichTextBlock': {
        var rich = S.el('p');
        (e.inlines || []).forEach(function (inline) {
          rich.appendChild(S.el('span', textClass(inline), typeof inline === 'string' ? inline : inline.text));
        });
        return rich;
      }
      case 'FactSet': {
        var dl = S.el('dl');
        (e.facts || []).forEach(function (fact) {
          dl.appendChild(S.el('dt', null, fact.title));
          dl.appendChild(S.appendRich(S.el('dd'), fact.value));
        });
        return dl;
      }
      case 'Container': {
        var box = S.el('div', 'container');
        renderElements(box, e.items, root, status, onSubmit);
        return box;
      }
      case 'ColumnSet': {
        var columns = S.el('div', 'columns');
        (e.columns || []).forEach(function (column) {
          var cell = S.el('div');
          renderElements(cell, column.items, root, status, onSubmit);
          columns.appendChild(cell);
        });
        return columns;
      }
      case 'Image':
        return S.el('p', 'subtle', S.t('image', e.altText || ''));
      case 'ActionSet': {
        var holder = S.el('div');
        renderActions(holder, e.actions, root, status, onSubmit);
        return holder;
      }
      case 'Input.Text': return input(e, e.isMultiline ? 'textarea' : 'text');
      case 'Input.Number': return input(e, 'number');
      case 'Input.Date': return input(e, 'date');
      case 'Input.Time': return input(e, 'time');
      case 'Input.Toggle': return toggle(e);
      case 'Input.ChoiceSet': return choices(e);
      default:
        return S.el('p', 'unsupported', S.t('unsupported', e.type));
    }
  }

  function textClass(e) {
    var classes = [];
    if (e.weight === 'bolder' || e.weight === 'Bolder') { classes.push('bolder'); }
    if (/^(large|extraLarge)$/i.test(e.size || '')) { classes.push('large'); }
    if (e.isSubtle) { classes.push('subtle'); }
    return classes.join(' ');
  }

  function labelled(e, control) {
    var wrapper = S.el('div', 'input');
    var label = S.el('label', null, e.label || e.title || e.placeholder || e.id);
    label.htmlFor = control.id;
    wrapper.appendChild(label);
    wrapper.appendChild(control);
    return wrapper;
  }

  function inputId(e) {
    return 'card-input-' + Math.random().toString(36).substring(2) + '-' + String(e.id).replace(/[^A-Za-z0-9_-]/g, '');
  }

  function input(e, kind) {
    var control = kind === 'textarea' ? S.el('textarea') : S.el('input');
    if (kind !== 'textarea') { control.type = kind; }
    control.id = inputId(e);
    control.setAttribute('data-input-id', e.id);
    control.setAttribute('data-label', e.label || e.placeholder || e.id);
    if (e.placeholder) { control.placeholder = e.placeholder; }
    if (e.value !== undefined && e.value !== null) { control.value = String(e.value); }
    if (e.maxLength) { control.maxLength = e.maxLength; }
    if (e.min !== undefined) { control.min = e.min; }
    if (e.max !== undefined) { control.max = e.max; }
    if (e.isRequired) { control.setAttribute('data-required', 'true'); }
    return labelled(e, control);
  }

  function toggle(e) {
    var control = S.el('input');
    control.type = 'checkbox';
    control.id = inputId(e);
    control.setAttribute('data-input-id', e.id);
    control.setAttribute('data-toggle-on', e.valueOn !== undefined ? e.valueOn : 'true');
    control.setAttribute('data-toggle-off', e.valueOff !== undefined ? e.valueOff : 'false');
    control.checked = String(e.value) === String(e.valueOn !== undefined ? e.valueOn : 'true');
    var wrapper = S.el('div', 'input');
    var label = S.el('label');
    label.appendChild(control);
    label.appendChild(document.createTextNode(' ' + (e.title || e.label || e.id)));
    wrapper.appendChild(label);
    return wrapper;
  }

  function choices(e) {
    var select = S.el('select');
    select.id = inputId(e);
    select.setAttribute('data-input-id', e.id);
    select.setAttribute('data-label', e.label || e.placeholder || e.id);
    if (e.isRequired) { select.setAttribute('data-required', 'true'); }
    if (e.isMultiSelect) { select.multiple = true; }
    var selected = String(e.value || '').split(',');
    if (!e.isMultiSelect && !e.value) { select.appendChild(S.el('option', null, e.placeholder || '')); }
    (e.choices || []).forEach(function (choice) {
      var option = S.el('option', null, choice.title);
      option.value = choice.value;
      option.selected = selected.indexOf(String(choice.value)) >= 0;
      select.appendChild(option);
    });
    return labelled(e, select);
  }

  function renderActions(parent, actions, root, status, onSubmit) {
    if (!Array.isArray(actions) || actions.length === 0) { return; }
    var bar = S.el('div', 'actions');
    actions.forEach(function (action) {
      if (action.type === 'Action.Submit') {
        var button = S.el('button', null, action.title || 'Submit');
        button.type = 'button';
        button.addEventListener('click', function () { submit(action, root, status, button, onSubmit); });
        bar.appendChild(button);
      } else if (action.type === 'Action.OpenUrl' && S.safeUrl(action.url)) {
        bar.appendChild(S.link(action.url, action.title || action.url));
      } else if (action.type === 'Action.ShowCard' && action.card) {
        var show = S.el('button', null, action.title || '…');
        show.type = 'button';
        var nested = S.el('div', 'card');
        nested.hidden = true;
        renderInto(nested, action.card, root, status, onSubmit);
        show.addEventListener('click', function () { nested.hidden = !nested.hidden; });
        bar.appendChild(show);
        parent.appendChild(bar);
        parent.appendChild(nested);
        bar = S.el('div', 'actions');
      } else {
        bar.appendChild(S.el('span', 'unsupported', S.t('unsupported', action.type)));
      }
    });
    parent.appendChild(bar);
  }

  function values(root) {
    var result = {};
    var missing = [];
    var controls = root.querySelectorAll('[data-input-id]');
    for (var i = 0; i < controls.length; i++) {
      var c = controls[i];
      var id = c.getAttribute('data-input-id');
      var value;
      if (c.type === 'checkbox') {
        value = c.checked ? c.getAttribute('data-toggle-on') : c.getAttribute('data-toggle-off');
      } else if (c.multiple) {
        value = Array.prototype.filter.call(c.options, function (o) { return o.selected; })
          .map(function (o) { return o.value; }).join(',');
      } else {
        value = c.value;
      }
      if (c.getAttribute('data-required') === 'true' && String(value).trim() === '') {
        missing.push(c.getAttribute('data-label'));
      }
      result[id] = value;
    }
    return { values: result, missing: missing };
  }

  function submit(action, root, status, button, onSubmit) {
    var collected = values(root);
    status.className = 'card-status';
    if (collected.missing.length > 0) {
      status.className = 'card-status error';
      status.textContent = S.t('required', collected.missing.join(', '));
      return;
    }
    var inputs = {};
    if (action.data && typeof action.data === 'object') {
      Object.keys(action.data).forEach(function (key) { inputs[key] = action.data[key]; });
    }
    Object.keys(collected.values).forEach(function (key) { inputs[key] = collected.values[key]; });
    button.disabled = true;
    status.textContent = S.t('sending');
    onSubmit(inputs).then(function () {
      status.textContent = S.t('submitted');
    }, function (error) {
      status.className = 'card-status error';
      status.textContent = S.errorText(error);
    }).then(function () { button.disabled = false; });
  }

  window.SandboxCards = { render: render };
})();
