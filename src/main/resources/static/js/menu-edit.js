// The menu table's edit mode: the rows shown become inputs; rows are added, duplicated, discarded or restored;
// "Apply" sends every change at once (all or nothing) and shows each refusal by its row and field.
(function () {
  'use strict';
  // The single-record form's error summary: each link moves the focus to its field.
  document.querySelectorAll('#form-errors a').forEach(function (link) {
    link.addEventListener('click', function (event) {
      var field = document.getElementById(link.getAttribute('href').substring(1));
      if (field) {
        event.preventDefault();
        field.focus();
      }
    });
  });
  var section = document.getElementById('edit-mode');
  var start = document.getElementById('edit-start');
  if (!section || !start) {
    return;
  }
  var data = JSON.parse(section.getAttribute('data-edit'));
  var words = data.words;
  var view = document.getElementById('records-view');
  var editor = null;
  var rows = [];
  var sequence = 0;

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === 'text') {
        node.textContent = attributes[name];
      } else if (attributes[name] !== null && attributes[name] !== undefined) {
        node.setAttribute(name, attributes[name]);
      }
    });
    (children || []).forEach(function (child) {
      node.appendChild(child);
    });
    return node;
  }

  // Date-time values travel as YYYY/MM/DD hh:mm:ss; the browser's inputs take YYYY-MM-DDThh:mm:ss.
  function toInput(column, value) {
    if (column.type === 'DATETIME' && value) {
      return value.replace(/\//g, '-').replace(' ', 'T');
    }
    if (column.type === 'DATE' && value) {
      return value.replace(/\//g, '-');
    }
    return value;
  }

  function fromInput(column, value) {
    if (column.type === 'DATETIME' && value) {
      var text = value.replace(/-/g, '/').replace('T', ' ');
      return text.length === 16 ? text + ':00' : text;
    }
    if (column.type === 'DATE' && value) {
      return value.replace(/-/g, '/');
    }
    return value;
  }

  function input(column, row, value) {
    var id = 'e-' + row.key + '-' + column.name;
    var field;
    if (column.type === 'CHOICE') {
      field = el('select', {id: id}, [el('option', {value: ''})]);
      column.choices.forEach(function (choice) {
        field.appendChild(el('option', {value: choice, text: choice}));
      });
      field.value = value;
    } else if (column.type === 'MULTILINE') {
      field = el('textarea', {id: id, rows: '2'});
      field.value = value;
    } else {
      var type = {INTEGER: 'number', FLOAT: 'number', DATETIME: 'datetime-local', DATE: 'date', PASSWORD: 'password'}[column.type] || 'text';
      field = el('input', {id: id, type: type, 'data-choices': column.list,
        step: column.type === 'FLOAT' ? 'any' : (column.type === 'DATETIME' ? '1' : null),
        autocomplete: column.type === 'PASSWORD' ? 'new-password' : null,
        placeholder: column.type === 'PASSWORD' ? words.password_unchanged : null});
      field.value = column.type === 'PASSWORD' ? '' : toInput(column, value);
    }
    field.setAttribute('aria-label', column.label + ' (' + words.row.replace('{0}', row.number) + ')');
    field.setAttribute('data-column', column.name);
    return field;
  }

  function values(row) {
    var given = {};
    data.columns.concat([{name: 'remarks', type: 'MULTILINE'}]).forEach(function (column) {
      var field = row.fields[column.name];
      if (field) {
        given[column.name] = fromInput(column, field.value);
      }
    });
    return given;
  }

  function renumber() {
    rows.forEach(function (row, index) {
      row.number = index + 1;
      row.tr.querySelector('th.row-number').textContent = String(row.number);
    });
  }

  function button(text, className, action) {
    var node = el('button', {type: 'button', 'class': className, text: text});
    node.addEventListener('click', action);
    return node;
  }

  function markRow(row) {
    var marked = row.state === 'discard' || row.state === 'restore';
    row.tr.classList.toggle('marked', marked);
    row.status.textContent = row.state === 'discard' ? words.marked_discard
      : row.state === 'restore' ? words.marked_restore : (row.id ? '' : words.new_row);
    Object.keys(row.fields).forEach(function (name) {
      row.fields[name].disabled = marked || row.discarded;
    });
  }

  function addRow(record, copyOf, after) {
    var row = {key: 'r' + (++sequence), id: record ? record.id : null, discarded: record ? record.discarded : false,
      original: record ? record.values : {}, fields: {}, state: record ? 'kept' : 'new'};
    var given = record ? record.values : (copyOf ? values(copyOf) : {});
    var tr = el('tr', {'data-row': row.key, 'data-id': row.id});
    row.tr = tr;
    tr.appendChild(el('th', {scope: 'row', 'class': 'row-number'}));
    var actions = el('td', {'class': 'edit-actions'});
    actions.appendChild(button(words.duplicate, 'duplicate', function () {
      addRow(null, row, row);
    }));
    if (!row.id) {
      actions.appendChild(button(words.remove, 'remove', function () {
        rows.splice(rows.indexOf(row), 1);
        tr.remove();
        renumber();
      }));
    } else {
      var toggle = button(row.discarded ? words.restore : words.discard, row.discarded ? 'restore' : 'discard', function () {
        if (row.state === 'kept') {
          if (!window.confirm(row.discarded ? words.confirm_restore : words.confirm_discard)) {
            return;
          }
          row.state = row.discarded ? 'restore' : 'discard';
          toggle.textContent = words.undo;
        } else {
          row.state = 'kept';
          toggle.textContent = row.discarded ? words.restore : words.discard;
        }
        markRow(row);
      });
      actions.appendChild(toggle);
    }
    tr.appendChild(actions);
    row.status = el('span', {'class': 'row-state'});
    row.rowError = el('div', {'class': 'field-error row-error', id: 'e-' + row.key + '-row-error', tabindex: '-1'});
    tr.appendChild(el('td', {'class': 'row-status'}, [row.status, row.rowError]));
    data.columns.forEach(function (column) {
      var td = el('td', {'data-column': column.name});
      if (column.readOnly) {
        td.textContent = row.id ? (given[column.name] || '') : '';
        if (column.type === 'FILE') {
          td.title = words.file_kept;
        }
      } else {
        row.fields[column.name] = input(column, row, column.type === 'PASSWORD' ? '' : (given[column.name] || ''));
        td.appendChild(row.fields[column.name]);
      }
      td.appendChild(el('p', {'class': 'field-error', id: 'e-' + row.key + '-' + column.name + '-error'}));
      tr.appendChild(td);
    });
    var remarks = el('td', {'data-column': 'remarks'});
    row.fields.remarks = input({name: 'remarks', type: 'MULTILINE', label: words.remarks}, row, given.remarks || '');
    remarks.appendChild(row.fields.remarks);
    remarks.appendChild(el('p', {'class': 'field-error', id: 'e-' + row.key + '-remarks-error'}));
    tr.appendChild(remarks);
    var tbody = editor.querySelector('tbody');
    if (after) {
      tbody.insertBefore(tr, after.tr.nextSibling);
      rows.splice(rows.indexOf(after) + 1, 0, row);
    } else {
      tbody.appendChild(tr);
      rows.push(row);
    }
    data.columns.forEach(function (column) {
      if (column.list && row.fields[column.name] && window.jitaReferencePicker) {
        window.jitaReferencePicker(row.fields[column.name]);
      }
    });
    markRow(row);
    renumber();
    return row;
  }

  // The operation a row asks for, or null when it asks for nothing.
  function operation(row) {
    if (row.state === 'discard' || row.state === 'restore') {
      return {type: row.state === 'discard' ? 'Discard' : 'Restore',
        parameter: {uuid: row.id, last_update_date_time: row.original.last_update_date_time}};
    }
    var given = values(row);
    var parameter = {};
    var changed = false;
    data.columns.concat([{name: 'remarks', type: 'MULTILINE'}]).forEach(function (column) {
      if (!(column.name in given)) {
        return;
      }
      var value = given[column.name];
      if (column.type === 'PASSWORD') {
        if (value !== '') {
          parameter[column.name] = value;
          changed = true;
        }
      } else if (!row.id) {
        if (value !== '') {
          parameter[column.name] = value;
          changed = true;
        }
      } else if (value !== fromInput(column, toInput(column, row.original[column.name] || ''))) {
        parameter[column.name] = value;
        changed = true;
      }
    });
    if (!changed) {
      return null;
    }
    if (!row.id) {
      return {type: 'Register', parameter: parameter};
    }
    parameter.uuid = row.id;
    parameter.last_update_date_time = row.original.last_update_date_time;
    return {type: 'Update', parameter: parameter};
  }

  function clearErrors() {
    editor.querySelectorAll('.field-error').forEach(function (node) {
      node.textContent = '';
    });
    editor.querySelectorAll('[aria-invalid]').forEach(function (node) {
      node.removeAttribute('aria-invalid');
      node.removeAttribute('aria-describedby');
    });
    var summary = document.getElementById('edit-errors');
    summary.hidden = true;
    summary.querySelector('ul').textContent = '';
  }

  function showRefusal(answer, sent) {
    var summary = document.getElementById('edit-errors');
    var list = summary.querySelector('ul');
    summary.querySelector('p').textContent = answer.message || words.refused;
    var items = (answer.data && answer.data.items) || {};
    Object.keys(items).forEach(function (index) {
      var row = sent[Number(index)];
      if (!row) {
        return;
      }
      var item = items[index];
      var rowLabel = words.row.replace('{0}', row.number);
      if (item.conflict) {
        row.rowError.appendChild(el('p', {'class': 'conflict', text: item.conflict}));
        row.rowError.appendChild(button(words.reload, 'reload', function () {
          window.location.reload();
        }));
        list.appendChild(el('li', {}, [el('a', {href: '#' + row.rowError.id, text: rowLabel + ': ' + item.conflict})]));
      }
      Object.keys(item.reasons || {}).forEach(function (column) {
        var text = item.reasons[column].join(' ');
        var field = row.fields[column];
        var error = field ? document.getElementById(field.id + '-error') : null;
        if (field && error) {
          error.textContent = text;
          field.setAttribute('aria-invalid', 'true');
          field.setAttribute('aria-describedby', error.id);
        } else {
          row.rowError.appendChild(el('p', {text: text}));
        }
        var name = data.columns.filter(function (c) {
          return c.name === column;
        }).map(function (c) {
          return c.label;
        })[0] || (column === 'remarks' ? words.remarks : column);
        var link = el('a', {href: '#' + (field ? field.id : row.rowError.id), text: rowLabel + ' ' + name + ': ' + text});
        link.addEventListener('click', function (event) {
          event.preventDefault();
          (field || row.rowError).focus();
        });
        list.appendChild(el('li', {}, [link]));
      });
    });
    summary.hidden = false;
    summary.focus();
  }

  function apply() {
    clearErrors();
    var operations = [];
    var sent = [];
    rows.forEach(function (row) {
      var one = operation(row);
      if (one) {
        operations.push(one);
        sent.push(row);
      }
    });
    var message = document.getElementById('edit-message');
    if (!operations.length) {
      message.textContent = words.nothing;
      return;
    }
    var applyButton = document.getElementById('edit-apply');
    applyButton.disabled = true;
    message.textContent = words.applying;
    window.jita.postJson(section.getAttribute('data-apply-url'), section, operations)
      .then(function (answer) {
        applyButton.disabled = false;
        message.textContent = '';
        if (answer.status === 200 && answer.body && answer.body.data) {
          var query = new URLSearchParams(window.location.search);
          query.set('done', '');
          window.location.assign(window.location.pathname + '?' + query.toString());
          return;
        }
        if (answer.redirected && !answer.body) {
          message.textContent = words.session_ended;
          return;
        }
        if (answer.status === 499 && answer.body) {
          showRefusal(answer.body, sent);
          return;
        }
        message.textContent = answer.body && answer.body.message
          ? answer.body.result + ' ' + answer.body.message : words.failed;
      })
      .catch(function () {
        applyButton.disabled = false;
        message.textContent = words.failed;
      });
  }

  function leave() {
    editor.remove();
    editor = null;
    rows = [];
    view.hidden = false;
    start.hidden = false;
    start.focus();
  }

  function enter() {
    var head = el('tr', {}, [el('th', {scope: 'col', text: '#'}), el('th', {scope: 'col', text: words.actions}),
      el('th', {scope: 'col'})]);
    data.columns.forEach(function (column) {
      head.appendChild(el('th', {scope: 'col', text: column.label + (column.required && !column.readOnly ? ' *' : '')}));
    });
    head.appendChild(el('th', {scope: 'col', text: words.remarks}));
    var summary = el('div', {id: 'edit-errors', 'class': 'error-summary', role: 'alert', tabindex: '-1'},
      [el('p'), el('ul')]);
    summary.hidden = true;
    editor = el('div', {id: 'edit-editor'}, [
      summary,
      el('div', {'class': 'menu-links'}, [
        button(words.apply, 'primary', apply),
        button(words.cancel, 'cancel', leave),
        button(words.add, 'add', function () {
          addRow(null, null, null).fields[Object.keys(rows[rows.length - 1].fields)[0]].focus();
        })
      ]),
      el('p', {id: 'edit-message', role: 'status'}),
      el('p', {'class': 'meta', text: words.file_kept, hidden: data.columns.some(function (column) {
        return column.type === 'FILE';
      }) ? null : 'hidden'}),
      el('div', {'class': 'scroll'}, [el('table', {'class': 'table', id: 'edit-table'},
        [el('thead', {}, [head]), el('tbody')])])
    ]);
    var buttons = editor.querySelectorAll('.menu-links button');
    buttons[0].id = 'edit-apply';
    buttons[1].id = 'edit-cancel';
    buttons[2].id = 'edit-add';
    section.appendChild(editor);
    data.rows.forEach(function (record) {
      addRow(record, null, null);
    });
    view.hidden = true;
    start.hidden = true;
    var first = editor.querySelector('#edit-table input, #edit-table select, #edit-table textarea');
    (first || buttons[0]).focus();
  }

  start.addEventListener('click', enter);
})();
