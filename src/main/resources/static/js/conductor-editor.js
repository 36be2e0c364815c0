// The conductor class editor: builds the class JSON (nodes, terminals, line-N edges, config counters) by hand,
// draws it with ConductorDiagram, and posts it to the page's save URL; the server's reasons are shown by node.
(function () {
  'use strict';

  var main = document.getElementById('content');
  var svg = document.getElementById('diagram');
  var inspector = document.getElementById('inspector');
  var info = JSON.parse(main.getAttribute('data-info'));
  var text = JSON.parse(main.getAttribute('data-labels'));
  var loaded = main.getAttribute('data-class');
  var cls = loaded ? JSON.parse(loaded) : {
    config: {nodeNumber: 0, terminalNumber: 0, edgeNumber: 0, editorVersion: '1'},
    conductor: {id: null, conductor_name: '', note: null, last_update_date_time: null, notice_info: {}}
  };
  var D = ConductorDiagram;
  var selected = null;
  var errors = {};

  var SIZES = {
    'start': [80, 40], 'end': [80, 40], 'movement': [180, 64], 'call': [180, 64], 'parallel-branch': [120, 48],
    'merge': [120, 48], 'pause': [110, 44], 'conditional-branch': [140, 60], 'status-file-branch': [140, 60]
  };
  var ONE_OUT = {'start': true, 'movement': true, 'call': true, 'pause': true, 'merge': true};
  var MANY_INS = {'merge': true};

  function number(key) {
    return parseInt(String(key).replace(/^\D+/, ''), 10) || 0;
  }

  /** The config counters: at least the highest number in use, so that new keys never clash. */
  function counters() {
    var config = cls.config = cls.config || {};
    config.editorVersion = config.editorVersion || '1';
    var nodes = 0, terminals = 0, lines = 0;
    D.nodes(cls).forEach(function (key) {
      nodes = Math.max(nodes, number(key));
      Object.keys(cls[key].terminal || {}).forEach(function (t) { terminals = Math.max(terminals, number(t)); });
    });
    D.edges(cls).forEach(function (key) { lines = Math.max(lines, number(key)); });
    config.nodeNumber = Math.max(parseInt(config.nodeNumber, 10) || 0, nodes);
    config.terminalNumber = Math.max(parseInt(config.terminalNumber, 10) || 0, terminals);
    config.edgeNumber = Math.max(parseInt(config.edgeNumber, 10) || 0, lines);
  }

  function message(value) {
    document.getElementById('editor-message').textContent = value || '';
  }

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

  function typeName(type) {
    return text['type.' + type] || type;
  }

  function describe(key) {
    var node = cls[key];
    if (!node) {
      return key;
    }
    var what = node.type === 'movement' ? node.movement_name : node.type === 'call' ? node.call_conductor_name : null;
    return key + ' (' + typeName(node.type) + (what ? ': ' + what : '') + ')';
  }

  function ins(key) { return D.terminals(cls[key], 'in'); }
  function outs(key) { return D.terminals(cls[key], 'out'); }

  /** Branch and merge nodes grow with their terminals, so that each has room on the side. */
  function fit(key) {
    var node = cls[key];
    var base = (SIZES[node.type] || [120, 48])[1];
    var count = Math.max(ins(key).length, outs(key).length);
    node.h = Math.max(base, count * 28 + 8);
  }

  function draw() {
    counters();
    D.layout(cls);
    D.render(svg, cls, null, {selected: selected, errors: errors, fit: false, minWidth: 1100, minHeight: 560,
      statusNames: info.node_status});
    D.nodes(cls).forEach(function (key) {
      var node = cls[key];
      if (node.type === 'end' || (ONE_OUT[node.type] && outs(key).length >= 1)) {
        return;
      }
      var group = svg.querySelector('g.cd-node[data-node="' + key + '"]');
      var handle = document.createElementNS('http://www.w3.org/2000/svg', 'circle');
      handle.setAttribute('class', 'cd-handle');
      handle.setAttribute('data-handle', key);
      // At the top right corner: the right side holds the out terminals and their labels.
      handle.setAttribute('cx', Number(node.x) + Number(node.w));
      handle.setAttribute('cy', Number(node.y));
      handle.setAttribute('r', 7);
      var title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
      title.textContent = text.drag_to_connect;
      handle.appendChild(title);
      group.appendChild(handle);
    });
  }

  function refresh() {
    draw();
    inspect();
  }

  function addNode(type) {
    counters();
    var key = 'node-' + (++cls.config.nodeNumber);
    var size = SIZES[type];
    var slot = freeSlot();
    var node = {id: key, type: type, x: slot.x, y: slot.y, w: size[0], h: size[1], note: null, terminal: {}};
    if (type === 'movement') {
      node.orchestra_id = info.orchestra.length ? info.orchestra[0].orchestra_id : '1';
      node.movement_id = '';
      node.movement_name = '';
    } else if (type === 'call') {
      node.call_conductor_id = '';
      node.call_conductor_name = '';
    } else if (type === 'end') {
      node.end_type = '6';
    }
    if (type === 'movement' || type === 'call') {
      node.operation_id = '';
      node.operation_name = '';
      node.skip_flag = '0';
    }
    cls[key] = node;
    selected = key;
    message(text.added + ' ' + key);
    refresh();
  }

  /** The first place of a grid, row by row, where a new node overlaps none. */
  function freeSlot() {
    for (var i = 0; ; i++) {
      var x = 40 + (i % 5) * 240, y = 40 + Math.floor(i / 5) * 130;
      var taken = D.nodes(cls).some(function (k) {
        var n = cls[k];
        return Number(n.x) < x + 200 && Number(n.x) + Number(n.w) > x && Number(n.y) < y + 80
          && Number(n.y) + Number(n.h) > y;
      });
      if (!taken) {
        return {x: x, y: y};
      }
    }
  }

  /** Why from → to cannot be connected, or null. */
  function refusal(from, to) {
    var source = cls[from], target = cls[to];
    if (!source || !target || from === to) {
      return text.refused_same;
    }
    if (source.type === 'end' || target.type === 'start') {
      return text.refused_direction;
    }
    if (ONE_OUT[source.type] && outs(from).length >= 1) {
      return text.refused_out;
    }
    if (!MANY_INS[target.type] && ins(to).length >= 1) {
      return text.refused_in;
    }
    var twice = D.edges(cls).some(function (key) { return cls[key].outNode === from && cls[key].inNode === to; });
    return twice ? text.refused_twice : null;
  }

  /** line-N from a new out terminal of {@code from} to a new in terminal of {@code to}, both naming it. */
  function connect(from, to) {
    var refused = refusal(from, to);
    if (refused) {
      message(refused);
      return;
    }
    counters();
    var line = 'line-' + (++cls.config.edgeNumber);
    var out = 'terminal-' + (++cls.config.terminalNumber);
    var into = 'terminal-' + (++cls.config.terminalNumber);
    var source = cls[from];
    var outTerminal = {id: out, type: 'out', targetNode: to, edge: line, x: 0, y: 0};
    var existing = outs(from);
    if (source.type === 'conditional-branch') {
      var taken = {};
      existing.forEach(function (t) { (source.terminal[t].condition || []).forEach(function (c) { taken[c] = true; }); });
      outTerminal.condition = !taken['5'] ? ['5'] : !taken['9999'] ? ['9999'] : [];
    } else if (source.type === 'status-file-branch') {
      var hasElse = existing.some(function (t) { return source.terminal[t]['case'] === 'else'; });
      outTerminal['case'] = existing.length === 1 && !hasElse ? 'else' : '0';
      outTerminal.condition = outTerminal['case'] === 'else' ? [] : [''];
    }
    source.terminal[out] = outTerminal;
    cls[to].terminal[into] = {id: into, type: 'in', targetNode: from, edge: line, x: 0, y: 0};
    cls[line] = {id: line, type: 'edge', outNode: from, outTerminal: out, inNode: to, inTerminal: into};
    renumberCases(from);
    fit(from);
    fit(to);
    message(text.connected + ' ' + from + ' → ' + to);
    refresh();
  }

  /** A status-file-branch's cases: 1..n in terminal order, the else apart. */
  function renumberCases(key) {
    var node = cls[key];
    if (node.type !== 'status-file-branch') {
      return;
    }
    var n = 0;
    outs(key).forEach(function (t) {
      if (node.terminal[t]['case'] !== 'else') {
        node.terminal[t]['case'] = String(++n);
      }
    });
  }

  function deleteEdge(line) {
    var edge = cls[line];
    if (!edge) {
      return;
    }
    [[edge.outNode, edge.outTerminal], [edge.inNode, edge.inTerminal]].forEach(function (end) {
      if (cls[end[0]] && cls[end[0]].terminal) {
        delete cls[end[0]].terminal[end[1]];
        renumberCases(end[0]);
        fit(end[0]);
      }
    });
    delete cls[line];
    if (selected === line) {
      selected = null;
    }
    message(text.deleted + ' ' + line);
    refresh();
  }

  function edgesOf(key) {
    return D.edges(cls).filter(function (line) { return cls[line].outNode === key || cls[line].inNode === key; });
  }

  function deleteNode(key) {
    edgesOf(key).forEach(function (line) {
      var edge = cls[line];
      [[edge.outNode, edge.outTerminal], [edge.inNode, edge.inTerminal]].forEach(function (end) {
        if (end[0] !== key && cls[end[0]] && cls[end[0]].terminal) {
          delete cls[end[0]].terminal[end[1]];
          renumberCases(end[0]);
          fit(end[0]);
        }
      });
      delete cls[line];
    });
    delete cls[key];
    delete errors[key];
    selected = null;
    message(text.deleted + ' ' + key);
    refresh();
  }

  // The inspector: the selected node's fields, its edges and what it may be connected to.

  function field(label, id, control) {
    control.id = id;
    return el('div', {'class': 'field'}, [el('label', {'for': id, text: label}), control]);
  }

  function select(options, value, onChange) {
    var s = el('select');
    options.forEach(function (o) {
      var option = el('option', {value: o[0], text: o[1]});
      if (String(o[0]) === String(value == null ? '' : value)) {
        option.selected = true;
      }
      s.appendChild(option);
    });
    s.addEventListener('change', function () { onChange(s.value, s.options[s.selectedIndex].text); });
    return s;
  }

  function input(type, value, onChange) {
    var i = el(type === 'textarea' ? 'textarea' : 'input', type === 'textarea' ? {} : {type: type});
    i.value = value == null ? '' : value;
    // On every keystroke: a redraw that follows a click in the diagram replaces the inspector before a change event.
    i.addEventListener('input', function () { onChange(i.value); });
    return i;
  }

  function checkbox(checked, onChange) {
    var c = el('input', {type: 'checkbox'});
    c.checked = !!checked;
    c.addEventListener('change', function () { onChange(c.checked); });
    return c;
  }

  function operationField(node) {
    var choices = [['', text.none]].concat(info.operation.map(function (o) { return [o.operation_id, o.operation_name]; }));
    return field(text.operation, 'node-operation', select(choices, node.operation_id, function (id, name) {
      node.operation_id = id;
      node.operation_name = id ? name : '';
      draw();
    }));
  }

  function skipField(node) {
    var box = checkbox(String(node.skip_flag) === '1', function (on) {
      node.skip_flag = on ? '1' : '0';
      draw();
    });
    box.id = 'node-skip';
    return el('div', {'class': 'check'}, [box, el('label', {'for': 'node-skip', text: text.skip})]);
  }

  function movementFields(node, panel) {
    var orchestras = info.orchestra.map(function (o) { return [o.orchestra_id, o.orchestra_name]; });
    panel.appendChild(field(text.orchestra, 'node-orchestra', select(orchestras, node.orchestra_id, function (id) {
      node.orchestra_id = id;
      node.movement_id = '';
      node.movement_name = '';
      refresh();
    })));
    var movements = (info.movement[String(node.orchestra_id)] || []).map(function (m) {
      return [m.movement_id, m.movement_name];
    });
    var current = node.movement_id || (movements.filter(function (m) { return m[1] === node.movement_name; })[0] || [''])[0];
    panel.appendChild(field(text.movement, 'node-movement', select([['', text.none]].concat(movements), current,
      function (id, name) {
        node.movement_id = id;
        node.movement_name = id ? name : '';
        draw();
      })));
    panel.appendChild(operationField(node));
    panel.appendChild(skipField(node));
  }

  function callFields(node, panel) {
    var own = cls.conductor && cls.conductor.id;
    var classes = info.conductor.filter(function (c) { return c.conductor_class_id !== own; })
      .map(function (c) { return [c.conductor_class_id, c.conductor_name]; });
    panel.appendChild(field(text.call, 'node-call', select([['', text.none]].concat(classes), node.call_conductor_id,
      function (id, name) {
        node.call_conductor_id = id;
        node.call_conductor_name = id ? name : '';
        draw();
      })));
    panel.appendChild(operationField(node));
    panel.appendChild(skipField(node));
  }

  function conditionFields(key, node, panel) {
    var statuses = Object.keys(info.node_status).map(function (id) { return [id, info.node_status[id]]; })
      .concat([['9999', text.otherwise]]);
    outs(key).forEach(function (t) {
      var terminal = node.terminal[t];
      var set = el('fieldset', {'class': 'conditions', id: 'conditions-' + t},
        [el('legend', {text: text.conditions + ' → ' + describe(terminal.targetNode)})]);
      statuses.forEach(function (s) {
        var id = 'cond-' + t + '-' + s[0];
        var box = checkbox((terminal.condition || []).map(String).indexOf(s[0]) >= 0, function (on) {
          var list = (terminal.condition || []).map(String).filter(function (c) { return c !== s[0]; });
          if (on) {
            list.push(s[0]);
          }
          terminal.condition = list;
          draw();
        });
        box.id = id;
        set.appendChild(el('span', {'class': 'check'}, [box, el('label', {'for': id, text: s[1]})]));
      });
      panel.appendChild(set);
    });
  }

  function caseFields(key, node, panel) {
    outs(key).forEach(function (t) {
      var terminal = node.terminal[t];
      var isElse = terminal['case'] === 'else';
      var set = el('fieldset', {'class': 'cases', id: 'cases-' + t},
        [el('legend', {text: text['case'] + ' → ' + describe(terminal.targetNode)})]);
      var elseBox = checkbox(isElse, function (on) {
        outs(key).forEach(function (other) {
          var o = node.terminal[other];
          if (other === t) {
            o['case'] = on ? 'else' : '0';
            o.condition = on ? [] : [''];
          } else if (on && o['case'] === 'else') {
            o['case'] = '0';
            o.condition = [''];
          }
        });
        renumberCases(key);
        refresh();
      });
      elseBox.id = 'case-else-' + t;
      set.appendChild(el('span', {'class': 'check'}, [elseBox, el('label', {'for': elseBox.id, text: text['else']})]));
      if (!isElse) {
        set.appendChild(field(text.case_value + ' ' + terminal['case'], 'case-value-' + t,
          input('text', (terminal.condition || [''])[0], function (value) {
            terminal.condition = [value];
            draw();
          })));
      }
      panel.appendChild(set);
    });
  }

  function inspectEdge(line) {
    var remove = el('button', {type: 'button', id: 'delete-edge', 'class': 'danger', text: text['delete']});
    remove.addEventListener('click', function () { deleteEdge(line); });
    inspector.appendChild(el('div', {'class': 'stack', id: 'edge-panel', 'data-edge': line},
      [el('h2', {text: line}), el('p', {text: describeEdge(line)}), remove]));
  }

  function inspect() {
    inspector.replaceChildren();
    if (selected && !cls[selected]) {
      selected = null;
    }
    if (selected && selected.indexOf('line-') === 0) {
      inspectEdge(selected);
      return;
    }
    var node = selected && cls[selected];
    if (!node) {
      inspector.appendChild(el('p', {id: 'inspector-empty', text: text.select}));
      return;
    }
    var key = selected;
    var panel = el('div', {'class': 'stack', id: 'node-panel', 'data-node': key});
    panel.appendChild(el('h2', {id: 'node-title', text: describe(key)}));
    var reasons = errors[key] || [];
    if (reasons.length) {
      var list = el('ul', {id: 'node-errors', 'class': 'save-errors'});
      reasons.forEach(function (r) { list.appendChild(el('li', {text: r})); });
      panel.appendChild(list);
    }
    var position = el('div', {'class': 'position'});
    ['x', 'y'].forEach(function (axis) {
      position.appendChild(field(axis, 'node-' + axis, input('number', node[axis], function (value) {
        node[axis] = Math.max(0, parseInt(value, 10) || 0);
        draw();
      })));
    });
    panel.appendChild(position);
    if (node.type === 'movement') {
      movementFields(node, panel);
    } else if (node.type === 'call') {
      callFields(node, panel);
    } else if (node.type === 'end') {
      var ends = Object.keys(info.end_type).map(function (id) { return [id, info.end_type[id]]; });
      panel.appendChild(field(text.end_type, 'node-end-type', select(ends, node.end_type || '6', function (id) {
        node.end_type = id;
        draw();
      })));
    } else if (node.type === 'conditional-branch') {
      conditionFields(key, node, panel);
    } else if (node.type === 'status-file-branch') {
      caseFields(key, node, panel);
    }
    panel.appendChild(field(text.note, 'node-note', input('textarea', node.note, function (value) {
      node.note = value === '' ? null : value;
    })));
    if (node.type !== 'end') {
      var targets = D.nodes(cls).filter(function (k) { return k !== key && cls[k].type !== 'start'; })
        .map(function (k) { return [k, describe(k)]; });
      var target = select(targets, '', function () {});
      var button = el('button', {type: 'button', id: 'connect', text: text.connect});
      button.addEventListener('click', function () { connect(key, target.value); });
      panel.appendChild(el('div', {'class': 'connect'}, [field(text.connect_to, 'connect-target', target), button]));
    }
    var edgeList = el('ul', {id: 'node-edges', 'class': 'node-edges'});
    edgesOf(key).forEach(function (line) {
      var edge = cls[line];
      var remove = el('button', {type: 'button', id: 'delete-' + line, 'class': 'danger small', text: text['delete']});
      remove.addEventListener('click', function () { deleteEdge(line); });
      edgeList.appendChild(el('li', {'data-edge': line},
        [el('span', {text: line + ': ' + edge.outNode + ' → ' + edge.inNode + ' '}), remove]));
    });
    panel.appendChild(el('h3', {text: text.edges}));
    panel.appendChild(edgeList);
    var removeNode = el('button', {type: 'button', id: 'delete-node', 'class': 'danger', text: text.delete_node});
    removeNode.addEventListener('click', function () { deleteNode(key); });
    panel.appendChild(removeNode);
    inspector.appendChild(panel);
  }

  // Pointer work on the diagram: select, drag a node, drag from a node's handle onto another to connect.

  function point(event) {
    var matrix = svg.getScreenCTM().inverse();
    var p = svg.createSVGPoint();
    p.x = event.clientX;
    p.y = event.clientY;
    return p.matrixTransform(matrix);
  }

  var drag = null;

  svg.addEventListener('pointerdown', function (event) {
    var handle = event.target.closest('[data-handle]');
    var nodeGroup = event.target.closest('g.cd-node');
    var edgeGroup = event.target.closest('g.cd-edge');
    var at = point(event);
    if (handle) {
      var from = handle.getAttribute('data-handle');
      var line = document.createElementNS('http://www.w3.org/2000/svg', 'line');
      line.setAttribute('class', 'cd-drawing');
      line.setAttribute('x1', handle.getAttribute('cx'));
      line.setAttribute('y1', handle.getAttribute('cy'));
      line.setAttribute('x2', at.x);
      line.setAttribute('y2', at.y);
      svg.appendChild(line);
      drag = {connect: from, line: line};
    } else if (nodeGroup) {
      var key = nodeGroup.getAttribute('data-node');
      selected = key;
      drag = {node: key, dx: at.x - Number(cls[key].x), dy: at.y - Number(cls[key].y), moved: false};
      refresh();
    } else if (edgeGroup) {
      selected = edgeGroup.getAttribute('data-edge');
      refresh();
      return;
    } else {
      selected = null;
      refresh();
      return;
    }
    event.preventDefault();
  });

  function describeEdge(line) {
    var edge = cls[line];
    return edge ? line + ': ' + describe(edge.outNode) + ' → ' + describe(edge.inNode) : '';
  }

  window.addEventListener('pointermove', function (event) {
    if (!drag) {
      return;
    }
    var at = point(event);
    if (drag.connect) {
      drag.line.setAttribute('x2', at.x);
      drag.line.setAttribute('y2', at.y);
    } else {
      var node = cls[drag.node];
      node.x = Math.max(0, Math.round((at.x - drag.dx) / 10) * 10);
      node.y = Math.max(0, Math.round((at.y - drag.dy) / 10) * 10);
      drag.moved = true;
      draw();
    }
  });

  window.addEventListener('pointerup', function (event) {
    if (!drag) {
      return;
    }
    var done = drag;
    drag = null;
    if (done.connect) {
      done.line.remove();
      var under = document.elementFromPoint(event.clientX, event.clientY);
      var target = under && under.closest && under.closest('g.cd-node');
      if (target && target.getAttribute('data-node') !== done.connect) {
        connect(done.connect, target.getAttribute('data-node'));
      } else {
        draw();
      }
    } else if (done.moved) {
      inspect();
    }
  });

  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Delete' || !selected || /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName)) {
      return;
    }
    if (selected.indexOf('line-') === 0) {
      deleteEdge(selected);
    } else {
      deleteNode(selected);
    }
  });

  Array.prototype.forEach.call(document.querySelectorAll('.add-node'), function (button) {
    button.addEventListener('click', function () { addNode(button.getAttribute('data-type')); });
  });

  var nameInput = document.getElementById('conductor-name');
  var noteInput = document.getElementById('conductor-note');
  cls.conductor = cls.conductor || {};
  nameInput.value = cls.conductor.conductor_name || '';
  noteInput.value = cls.conductor.note || '';
  nameInput.addEventListener('input', function () { cls.conductor.conductor_name = nameInput.value; });
  noteInput.addEventListener('input', function () {
    cls.conductor.note = noteInput.value === '' ? null : noteInput.value;
  });

  // Saving: the class JSON as drawn; the answer is the API's envelope.

  function showRefusal(status, body) {
    var box = document.getElementById('save-result');
    var list = document.getElementById('save-errors');
    list.replaceChildren();
    errors = {};
    var reasons = body && body.data && body.data.errors;
    if (reasons && typeof reasons === 'object') {
      Object.keys(reasons).forEach(function (key) {
        var items = [].concat(reasons[key]).map(String);
        if (cls[key] && key.indexOf('node-') === 0) {
          errors[key] = items;
        }
        items.forEach(function (reason) {
          var item = el('li', {'data-key': key}, [el('strong', {text: describe(key) + ': '}), el('span', {text: reason})]);
          if (cls[key] && key.indexOf('node-') === 0) {
            item.addEventListener('click', function () { selected = key; refresh(); });
          }
          list.appendChild(item);
        });
      });
    }
    // A 499's message repeats every reason; the list below shows them by node.
    document.getElementById('save-error').textContent = !body || !body.result ? 'HTTP ' + status
      : body.result + ' ' + (reasons && typeof reasons === 'object' ? text.invalid : body.message || '');
    box.hidden = false;
    refresh();
  }

  var save = document.getElementById('save');
  if (save) {
    save.addEventListener('click', function () {
      counters();
      D.layout(cls);
      save.disabled = true;
      message(text.saving);
      window.jita.postJson(main.getAttribute('data-save-url'), main, cls)
        .then(function (answer) {
          if (answer.status === 200 && answer.body && answer.body.data && answer.body.data.conductor_class_id) {
            window.location.assign(main.getAttribute('data-class-url') + encodeURIComponent(answer.body.data.conductor_class_id)
              + '?saved');
            return;
          }
          save.disabled = false;
          message('');
          showRefusal(answer.status, answer.body);
        })
        .catch(function () {
          save.disabled = false;
          message(text.save_failed);
        });
    });
  }

  refresh();
})();
