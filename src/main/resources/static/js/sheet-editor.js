// The parameter-sheet definition page: a form for the sheet, its column groups and its items, turned into the
// body of create/define/execute/ and posted to the page's save URL; the server's reasons are shown by field.
(function () {
  'use strict';

  var main = document.getElementById('content');
  var masters = JSON.parse(main.getAttribute('data-masters'));
  var definition = JSON.parse(main.getAttribute('data-definition') || 'null');
  var text = JSON.parse(main.getAttribute('data-labels'));
  var groupsBody = document.getElementById('groups');
  var itemsBox = document.getElementById('items');
  var next = {group: 1, item: 1};

  // Which fields each column class has, in the body's keys; numbers are sent as numbers.
  var CLASS_FIELDS = {
    SingleTextColumn: [['single_string_maximum_bytes', 'number'], ['single_string_regular_expression', 'text'],
      ['single_string_default_value', 'text']],
    MultiTextColumn: [['multi_string_maximum_bytes', 'number'], ['multi_string_regular_expression', 'text'],
      ['multi_string_default_value', 'textarea']],
    NumColumn: [['integer_minimum_value', 'number'], ['integer_maximum_value', 'number'],
      ['integer_default_value', 'number']],
    FloatColumn: [['decimal_minimum_value', 'decimal'], ['decimal_maximum_value', 'decimal'],
      ['decimal_digit', 'number'], ['decimal_default_value', 'decimal']],
    DateTimeColumn: [['datetime_default_value', 'text']],
    DateColumn: [['date_default_value', 'text']],
    IDColumn: [['pulldown_selection', 'pulldown'], ['pulldown_selection_default_value', 'text'],
      ['reference_item', 'list']],
    PasswordColumn: [['password_maximum_bytes', 'number']],
    FileUploadColumn: [['file_upload_maximum_bytes', 'number']],
    HostInsideLinkTextColumn: [['link_maximum_bytes', 'number'], ['link_default_value', 'text']],
    ParameterSheetReference: [['parameter_sheet_reference', 'sheet-reference']]
  };

  function el(tag, attributes, children) {
    var element = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === 'text') {
        element.textContent = attributes[name];
      } else if (attributes[name] !== null && attributes[name] !== undefined && attributes[name] !== false) {
        element.setAttribute(name, attributes[name] === true ? '' : attributes[name]);
      }
    });
    (children || []).forEach(function (child) { if (child) { element.appendChild(child); } });
    return element;
  }

  function label(key) {
    return text[key] || key;
  }

  /** A labelled input whose data-field is the reason key the server uses for it. */
  function field(id, field, kind, value, options) {
    var input;
    if (kind === 'textarea') {
      input = el('textarea', {id: id, 'data-field': field});
      input.value = value === null || value === undefined ? '' : value;
    } else if (kind === 'select') {
      input = el('select', {id: id, 'data-field': field}, options.map(function (option) {
        return el('option', {value: option[0], text: option[1]});
      }));
      input.value = value === null || value === undefined ? options[0][0] : value;
    } else if (kind === 'checkbox') {
      input = el('input', {id: id, type: 'checkbox', 'data-field': field});
      input.checked = value === '1' || value === true;
    } else {
      input = el('input', {id: id, 'data-field': field, inputmode: kind === 'number' || kind === 'decimal' ? 'decimal' : null});
      input.value = value === null || value === undefined ? '' : (Array.isArray(value) ? value.join(', ') : value);
    }
    return el('div', {'class': 'sheet-field'}, [el('label', {'for': id, text: label(field.split('.').pop())}), input,
      el('span', {'class': 'field-error', role: 'alert', 'data-error-for': field})]);
  }

  // The sheet itself.

  var menu = definition ? definition.menu : {};
  var sheetTypes = masters.sheet_type_list.map(function (t) { return [t.sheet_type_id, t.sheet_type_name]; });
  var menuBox = document.getElementById('menu-fields');
  [['menu_name', 'text'], ['menu_name_rest', 'text'], ['sheet_type', 'select'], ['vertical', 'checkbox'],
    ['display_order', 'number'], ['description', 'textarea'], ['remarks', 'textarea'],
    ['unique_constraint', 'text']].forEach(function (spec) {
    var value = menu[spec[0]];
    if (spec[0] === 'sheet_type') {
      value = menu.sheet_type_id || '1';
    }
    if (spec[0] === 'unique_constraint') {
      value = (menu.unique_constraint || []).map(function (key) { return key.join(', '); }).join('; ');
    }
    menuBox.appendChild(field('menu-' + spec[0], 'menu.' + spec[0], spec[1], value, sheetTypes));
  });
  if (definition) {
    // Initialize and Edit keep what makes the sheet's menus what they are.
    ['menu-menu_name_rest', 'menu-sheet_type', 'menu-vertical'].forEach(function (id) {
      document.getElementById(id).disabled = true;
    });
  }

  // Column groups: a name and the group it sits in.

  function groupOptions(exceptKey) {
    var options = [['', '—']];
    Array.prototype.forEach.call(groupsBody.querySelectorAll('tr'), function (row) {
      if (row.getAttribute('data-key') !== exceptKey) {
        options.push([row.getAttribute('data-key'), row.querySelector('.group-name').value || row.getAttribute('data-key')]);
      }
    });
    return options;
  }

  function refreshGroupChoices() {
    Array.prototype.forEach.call(document.querySelectorAll('select.group-choice'), function (select) {
      var current = select.value;
      var owner = select.getAttribute('data-owner');
      select.replaceChildren.apply(select, groupOptions(owner).map(function (option) {
        return el('option', {value: option[0], text: option[1]});
      }));
      select.value = current;
    });
  }

  function addGroup(key, name, parentKey) {
    key = key || 'g' + next.group++;
    var nameInput = el('input', {'class': 'group-name', id: 'group-' + key + '-name', 'data-field': 'group.' + key + '.group_name'});
    nameInput.value = name || '';
    nameInput.addEventListener('input', refreshGroupChoices);
    var parent = el('select', {'class': 'group-choice', id: 'group-' + key + '-parent', 'data-owner': key,
      'data-field': 'group.' + key + '.parent_full_col_group_name', 'aria-label': label('parent_full_col_group_name')});
    var remove = el('button', {type: 'button', 'class': 'remove', text: label('remove')});
    var row = el('tr', {'data-key': key}, [
      el('td', {}, [nameInput, el('span', {'class': 'field-error', 'data-error-for': 'group.' + key + '.group_name'})]),
      el('td', {}, [parent, el('span', {'class': 'field-error', 'data-error-for': 'group.' + key + '.parent_full_col_group_name'})]),
      el('td', {}, [remove])]);
    nameInput.setAttribute('aria-label', label('group_name'));
    remove.addEventListener('click', function () { row.remove(); refreshGroupChoices(); });
    groupsBody.appendChild(row);
    refreshGroupChoices();
    if (parentKey) {
      parent.value = parentKey;
    }
    return key;
  }

  document.getElementById('add-group').addEventListener('click', function () { addGroup(); });

  /** The group's full name "A/B", by its parents' names. */
  function fullName(key, seen) {
    var row = groupsBody.querySelector('tr[data-key="' + key + '"]');
    if (!row || (seen || []).indexOf(key) >= 0) {
      return null;
    }
    var parent = row.querySelector('select.group-choice').value;
    var name = row.querySelector('.group-name').value;
    var above = parent ? fullName(parent, (seen || []).concat([key])) : null;
    return above ? above + '/' + name : name;
  }

  // Items: the common settings, then those of the chosen column class.

  function classFields(key, columnClass, column) {
    return (CLASS_FIELDS[columnClass] || []).map(function (spec) {
      var name = spec[0];
      var id = 'item-' + key + '-' + name;
      if (spec[1] === 'pulldown') {
        var options = masters.pulldown_item_list.map(function (p) { return [p.link_id, p.link_pulldown]; });
        return field(id, 'column.' + key + '.' + name, 'select', column.pulldown_selection_id, options.length ? options : [['', '—']]);
      }
      if (spec[1] === 'sheet-reference') {
        var references = masters.parameter_sheet_reference_list.map(function (r) {
          return [r.column_definition_id, r.select_full_name];
        });
        return field(id, 'column.' + key + '.' + name, 'select', column.parameter_sheet_reference_id,
          references.length ? references : [['', '—']]);
      }
      return field(id, 'column.' + key + '.' + name, spec[1], column[name]);
    });
  }

  /** Items are headed by their position, as the refusal summary names them. */
  function numberItems() {
    Array.prototype.forEach.call(itemsBox.querySelectorAll('fieldset.sheet-item > legend.item-legend'), function (legend, i) {
      legend.textContent = label('item') + ' ' + (i + 1);
    });
  }

  function addItem(key, column) {
    column = column || {};
    key = key || 'c' + next.item++;
    var classes = masters.column_class_list.map(function (c) { return [c.column_class_name, c.column_class_disp_name]; });
    var box = el('fieldset', {'class': 'sheet-item', 'data-key': key, 'data-create-column-id': column.create_column_id || null});
    var legend = el('legend', {'class': 'item-legend'});
    var common = el('div', {'class': 'sheet-fields'}, [
      field('item-' + key + '-item_name', 'column.' + key + '.item_name', 'text', column.item_name),
      field('item-' + key + '-item_name_rest', 'column.' + key + '.item_name_rest', 'text', column.item_name_rest),
      field('item-' + key + '-column_class', 'column.' + key + '.column_class', 'select', column.column_class, classes),
      field('item-' + key + '-required', 'column.' + key + '.required', 'checkbox', column.required),
      field('item-' + key + '-uniqued', 'column.' + key + '.uniqued', 'checkbox', column.uniqued),
      field('item-' + key + '-description', 'column.' + key + '.description', 'text', column.description),
      field('item-' + key + '-remarks', 'column.' + key + '.remarks', 'text', column.remarks)]);
    var group = el('select', {'class': 'group-choice', id: 'item-' + key + '-group', 'data-owner': '',
      'data-field': 'column.' + key + '.column_group'});
    common.appendChild(el('div', {'class': 'sheet-field'}, [el('label', {'for': 'item-' + key + '-group', text: label('column_group')}),
      group, el('span', {'class': 'field-error', 'data-error-for': 'column.' + key + '.column_group'})]));
    var specific = el('div', {'class': 'sheet-fields column-class-fields'});
    var remove = el('button', {type: 'button', 'class': 'remove', text: label('remove')});
    box.appendChild(legend);
    box.appendChild(common);
    box.appendChild(specific);
    box.appendChild(remove);
    itemsBox.appendChild(box);
    var classSelect = document.getElementById('item-' + key + '-column_class');
    function showClassFields() {
      specific.replaceChildren.apply(specific, classFields(key, classSelect.value, column));
    }
    classSelect.addEventListener('change', showClassFields);
    showClassFields();
    remove.addEventListener('click', function () { box.remove(); numberItems(); });
    numberItems();
    refreshGroupChoices();
    if (column.column_group) {
      Array.prototype.forEach.call(groupsBody.querySelectorAll('tr'), function (row) {
        if (fullName(row.getAttribute('data-key')) === column.column_group) {
          group.value = row.getAttribute('data-key');
        }
      });
    }
    if (definition && column.create_column_id) {
      // Edit keeps an existing item's name and class; Initialize may change them.
      classSelect.setAttribute('data-existing', '1');
    }
    return key;
  }

  document.getElementById('add-item').addEventListener('click', function () { addItem(); });

  // An existing definition: its groups (parents before children), then its items.
  if (definition) {
    var groups = definition.group || {};
    var keyByFullName = {};
    var pending = Object.keys(groups);
    for (var round = 0; pending.length && round < 50; round++) {
      pending = pending.filter(function (key) {
        var parent = groups[key].parent_full_col_group_name;
        if (parent && !keyByFullName[parent]) {
          return true;
        }
        addGroup(key, groups[key].group_name, parent ? keyByFullName[parent] : null);
        keyByFullName[parent ? parent + '/' + groups[key].group_name : groups[key].group_name] = key;
        return false;
      });
    }
    var columns = definition.column || {};
    Object.keys(columns).sort(function (a, b) {
      return (columns[a].display_order || 0) - (columns[b].display_order || 0);
    }).forEach(function (key) { addItem(key, columns[key]); });
    Object.keys(groups).concat(Object.keys(columns)).forEach(function (key) {
      var number = parseInt(key.replace(/^\D+/, ''), 10);
      if (!isNaN(number)) {
        next[key.charAt(0) === 'g' ? 'group' : 'item'] = Math.max(next[key.charAt(0) === 'g' ? 'group' : 'item'], number + 1);
      }
    });
  } else {
    addItem();
  }

  // The body of create/define/execute/.

  function valueOf(input, kind) {
    if (kind === 'checkbox') {
      return input.checked ? '1' : '0';
    }
    var value = input.value.trim();
    if (value === '') {
      return null;
    }
    if (kind === 'number' && /^-?\d+$/.test(value)) {
      return parseInt(value, 10);
    }
    if (kind === 'decimal' && /^-?\d+(\.\d+)?$/.test(value)) {
      return parseFloat(value);
    }
    return value;
  }

  function body() {
    var type = document.querySelector('input[name="create-type"]:checked');
    var request = {type: type ? type.value : 'create_new', menu: {}, group: {}, column: {}};
    var m = request.menu;
    m.menu_create_id = definition ? definition.menu.menu_create_id : null;
    m.menu_name = valueOf(document.getElementById('menu-menu_name'));
    m.menu_name_rest = valueOf(document.getElementById('menu-menu_name_rest'));
    m.sheet_type = sheetTypes.filter(function (t) { return t[0] === document.getElementById('menu-sheet_type').value; })[0][1];
    m.vertical = valueOf(document.getElementById('menu-vertical'), 'checkbox');
    m.hostgroup = document.getElementById('menu-sheet_type').value === '1' ? '0' : null;
    m.display_order = valueOf(document.getElementById('menu-display_order'), 'number');
    m.description = valueOf(document.getElementById('menu-description'));
    m.remarks = valueOf(document.getElementById('menu-remarks'));
    m.menu_group_for_input = null;
    m.menu_group_for_subst = null;
    m.menu_group_for_ref = null;
    m.role_list = [];
    var unique = valueOf(document.getElementById('menu-unique_constraint'));
    m.unique_constraint = unique ? unique.split(';').map(function (key) {
      return key.split(',').map(function (name) { return name.trim(); }).filter(function (name) { return name; });
    }).filter(function (key) { return key.length; }) : null;
    if (definition) {
      m.last_update_date_time = definition.menu.last_update_date_time;
    }
    Array.prototype.forEach.call(groupsBody.querySelectorAll('tr'), function (row) {
      var key = row.getAttribute('data-key');
      var parent = row.querySelector('select.group-choice').value;
      request.group[key] = {group_name: row.querySelector('.group-name').value.trim(),
        parent_full_col_group_name: parent ? fullName(parent) : null, columns: []};
    });
    Object.keys(request.group).forEach(function (key) {
      var parent = groupsBody.querySelector('tr[data-key="' + key + '"] select.group-choice').value;
      if (parent && request.group[parent]) {
        request.group[parent].columns.push(key);
      }
    });
    var order = 0;
    Array.prototype.forEach.call(itemsBox.querySelectorAll('fieldset.sheet-item'), function (box) {
      var key = box.getAttribute('data-key');
      var get = function (name, kind) { return valueOf(document.getElementById('item-' + key + '-' + name), kind); };
      var columnClass = document.getElementById('item-' + key + '-column_class').value;
      var groupKey = document.getElementById('item-' + key + '-group').value;
      var column = {item_name: get('item_name'), item_name_rest: get('item_name_rest'), column_class: columnClass,
        required: get('required', 'checkbox'), uniqued: get('uniqued', 'checkbox'), description: get('description'),
        remarks: get('remarks'), column_group: groupKey ? fullName(groupKey) : null, display_order: order++,
        create_column_id: box.getAttribute('data-create-column-id') || null};
      if (definition) {
        column.last_update_date_time = definition.menu.last_update_date_time;
      }
      (CLASS_FIELDS[columnClass] || []).forEach(function (spec) {
        var value = get(spec[0], spec[1]);
        if (spec[1] === 'list') {
          value = value ? String(value).split(',').map(function (name) { return name.trim(); })
            .filter(function (name) { return name; }) : null;
        }
        column[spec[0]] = value;
      });
      if (groupKey && request.group[groupKey]) {
        request.group[groupKey].columns.push(key);
      }
      request.column[key] = column;
    });
    return request;
  }

  // Saving; a refusal's reasons sit next to their fields, and the summary links to them.

  function clearErrors() {
    Array.prototype.forEach.call(document.querySelectorAll('.field-error'), function (span) { span.textContent = ''; });
    Array.prototype.forEach.call(document.querySelectorAll('[aria-invalid]'), function (input) {
      input.removeAttribute('aria-invalid');
    });
    document.getElementById('save-errors').replaceChildren();
    document.getElementById('save-result').hidden = true;
  }

  /** Which item or group of the page a reason key names: "Item 2 (port)", else by its position alone. */
  function whose(kind, key) {
    var boxes = kind === 'column' ? itemsBox.querySelectorAll('fieldset.sheet-item') : groupsBody.querySelectorAll('tr');
    var position = Array.prototype.map.call(boxes, function (box) { return box.getAttribute('data-key'); }).indexOf(key);
    if (position < 0) {
      return null;
    }
    var nameInput = document.getElementById(kind === 'column' ? 'item-' + key + '-item_name' : 'group-' + key + '-name');
    var name = nameInput ? nameInput.value.trim() : '';
    return label(kind === 'column' ? 'item' : 'group') + ' ' + (position + 1) + (name ? ' (' + name + ')' : '');
  }

  /** A reason key (menu.x, group.g1.x, column.c1.x) as the page shows that field: its label, and whose it is. */
  function fieldTitle(key, input) {
    var parts = key.split('.');
    var own = input ? document.querySelector('label[for="' + input.id + '"]') : null;
    var title = own ? own.textContent : input && input.getAttribute('aria-label')
      ? input.getAttribute('aria-label') : label(parts[parts.length - 1]);
    var owner = parts.length > 1 && (parts[0] === 'column' || parts[0] === 'group') ? whose(parts[0], parts[1]) : null;
    if (owner && parts.length === 2) {
      return owner;
    }
    return owner ? owner + ' – ' + title : title;
  }

  function showRefusal(status, answer) {
    var list = document.getElementById('save-errors');
    var reasons = answer && answer.data && answer.data.errors;
    if (reasons && typeof reasons === 'object') {
      Object.keys(reasons).forEach(function (key) {
        var items = [].concat(reasons[key]).map(String);
        var input = document.querySelector('[data-field="' + key + '"]');
        var span = document.querySelector('[data-error-for="' + key + '"]');
        if (span) {
          span.textContent = items.join(' ');
        }
        if (input) {
          input.setAttribute('aria-invalid', 'true');
        }
        items.forEach(function (reason) {
          var title = fieldTitle(key, input);
          var link = input ? el('a', {href: '#' + input.id, text: title}) : el('strong', {text: title});
          list.appendChild(el('li', {'data-key': key}, [link, el('span', {text: ': ' + reason})]));
        });
      });
    }
    document.getElementById('save-error').textContent = !answer || !answer.result ? 'HTTP ' + status
      : answer.result + ' ' + (reasons && typeof reasons === 'object' ? text.invalid : answer.message || '');
    document.getElementById('save-result').hidden = false;
    document.getElementById('save-error').focus();
  }

  var save = document.getElementById('save');
  if (save) {
    save.addEventListener('click', function () {
      clearErrors();
      save.disabled = true;
      var status = document.getElementById('editor-message');
      status.textContent = text.saving;
      window.jita.postJson(main.getAttribute('data-save-url'), main, body())
        .then(function (answer) {
          save.disabled = false;
          status.textContent = '';
          if (answer.status === 200 && answer.body && answer.body.data && answer.body.data.history_id) {
            window.location.assign(main.getAttribute('data-list-url') + '?requested='
              + encodeURIComponent(answer.body.data.menu_name_rest));
            return;
          }
          if (answer.redirected && !answer.body) {
            // An ended session: the server sent the post to the login page and kept nothing.
            showRefusal(answer.status, null);
            document.getElementById('save-error').textContent = text.session_ended;
            return;
          }
          showRefusal(answer.status, answer.body);
        })
        .catch(function () {
          save.disabled = false;
          status.textContent = text.save_failed;
        });
    });
  }
})();
