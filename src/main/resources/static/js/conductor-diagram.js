/*
 * ConductorDiagram: draws a conductor class as SVG. Plain JavaScript, no dependencies; used by the class page,
 * the editor, and meant for the pages of running instances.
 *
 *   ConductorDiagram.render(svgElement, classJson, statusByNode, options)
 *
 *   classJson     the class JSON as the API reads and writes it (config, conductor, node-N, line-N).
 *   statusByNode  optional {"node-N": status_id}: each node named is filled with its node status's colour
 *                 (1 Unexecuted, 2 Preparing, 3 Executing, 4 Executing (delay), 5 Normal end, 6 Abend,
 *                 7 Unexpected error, 8 Emergency stop, 11 On hold, 12 Preparation error, 13 End Skip,
 *                 14 Warning end), gets the class cd-status-<id>, data-status="<id>" and the status's name
 *                 under it; nodes not named keep their type's colour.
 *   options       optional: selected ("node-N" or "line-N", drawn highlighted), errors ({"node-N": [reasons]},
 *                 drawn in red under the node), statusNames ({id: name}, e.g. in the page's language),
 *                 fit (default true: the viewBox fits the drawing; false: 1:1 from the origin, the svg sized to it).
 *
 * The svg is emptied, then holds one <g class="cd-edge" data-edge="line-N"> per edge and one
 * <g class="cd-node cd-type-<type>" data-node="node-N"> per node, its shape (distinct per type), its labels
 * (movement, operation, called class, end type, skip) and its terminals (<circle class="cd-terminal"
 * data-terminal="terminal-K">). Nodes are placed by x/y/w/h; terminals on the node's sides, ins on the left
 * and outs on the right in key order (ConductorDiagram.layout writes these x/y into the class JSON). Edges run
 * from their out terminal to their in terminal with an arrow. The out terminals of a conditional-branch are
 * labelled with their conditions, those of a status-file-branch with their cases. Every text is set as text.
 *
 * Also: ConductorDiagram.layout(classJson), nodes(classJson) / edges(classJson) (keys in number order),
 * terminals(node, type), NODE_STATUSES, STATUS_COLOURS, TYPE_NAMES, ORCHESTRAS.
 */
(function (global) {
  'use strict';

  var SVG = 'http://www.w3.org/2000/svg';

  var NODE_STATUSES = {
    '1': 'Unexecuted', '2': 'Preparing', '3': 'Executing', '4': 'Executing (delay)', '5': 'Normal end',
    '6': 'Abend', '7': 'Unexpected error', '8': 'Emergency stop', '11': 'On hold', '12': 'Preparation error',
    '13': 'End Skip', '14': 'Warning end'
  };
  var STATUS_COLOURS = {
    '1': '#ffffff', '2': '#fff3c4', '3': '#90caf9', '4': '#ffb74d', '5': '#a5d6a7', '6': '#ef9a9a',
    '7': '#f48fb1', '8': '#b39ddb', '11': '#fff176', '12': '#ffab91', '13': '#e0e0e0', '14': '#ffe082'
  };
  var TYPE_NAMES = {
    'start': 'Start', 'end': 'End', 'movement': 'Movement', 'call': 'Call', 'parallel-branch': 'Parallel branch',
    'merge': 'Merge', 'pause': 'Pause', 'conditional-branch': 'Conditional branch',
    'status-file-branch': 'Status file branch'
  };
  var TYPE_STYLE = {
    'start': {fill: '#e6f4ea', stroke: '#1e7b34'},
    'end': {fill: '#eceff1', stroke: '#1d2733'},
    'movement': {fill: '#e8f0fe', stroke: '#0b5cab'},
    'call': {fill: '#f3e8fd', stroke: '#6a1b9a'},
    'parallel-branch': {fill: '#fff4e5', stroke: '#b25e00'},
    'merge': {fill: '#fff4e5', stroke: '#b25e00'},
    'pause': {fill: '#fffbe6', stroke: '#8a6d00'},
    'conditional-branch': {fill: '#e0f7fa', stroke: '#00695c'},
    'status-file-branch': {fill: '#e8f5e9', stroke: '#00695c'}
  };
  var ORCHESTRAS = {'1': 'Ansible Legacy', '2': 'Ansible Pioneer', '3': 'Ansible Legacy Role',
    '4': 'Terraform Cloud/EP', '5': 'Terraform CLI'};
  var END_TYPES = {'6': 'Normal end', '7': 'Abend', '8': 'Warning end'};
  var OTHERWISE = {'9999': true, '__else__': true};

  function number(key) {
    return parseInt(String(key).replace(/^\D+/, ''), 10) || 0;
  }

  function byNumber(a, b) {
    return number(a) - number(b);
  }

  function keys(classJson, prefix) {
    return Object.keys(classJson || {}).filter(function (key) {
      return key.indexOf(prefix) === 0 && classJson[key] && typeof classJson[key] === 'object';
    }).sort(byNumber);
  }

  function nodes(classJson) {
    return keys(classJson, 'node-');
  }

  function edges(classJson) {
    return keys(classJson, 'line-');
  }

  /** The node's terminal keys of a type ("in" or "out"), in number order. */
  function terminals(node, type) {
    var block = (node && node.terminal) || {};
    return Object.keys(block).filter(function (key) {
      return block[key] && block[key].type === type;
    }).sort(byNumber);
  }

  function num(value, fallback) {
    var parsed = parseFloat(value);
    return isFinite(parsed) ? parsed : fallback;
  }

  function box(node) {
    return {x: num(node.x, 0), y: num(node.y, 0), w: num(node.w, 120), h: num(node.h, 40)};
  }

  /** Places every terminal on its node's side (ins left, outs right, evenly) and writes its x/y. */
  function layout(classJson) {
    nodes(classJson).forEach(function (key) {
      var node = classJson[key];
      var b = box(node);
      ['in', 'out'].forEach(function (type) {
        var list = terminals(node, type);
        list.forEach(function (terminalKey, i) {
          var terminal = node.terminal[terminalKey];
          terminal.x = type === 'in' ? b.x : b.x + b.w;
          terminal.y = Math.round(b.y + b.h * (i + 1) / (list.length + 1));
        });
      });
    });
    return classJson;
  }

  function element(name, attributes, parent) {
    var el = document.createElementNS(SVG, name);
    Object.keys(attributes || {}).forEach(function (attribute) {
      if (attributes[attribute] !== undefined && attributes[attribute] !== null) {
        el.setAttribute(attribute, attributes[attribute]);
      }
    });
    if (parent) {
      parent.appendChild(el);
    }
    return el;
  }

  function text(parent, x, y, value, className, maxWidth) {
    var shown = value == null ? '' : String(value);
    var fits = Math.max(4, Math.floor((maxWidth || 1000) / 6.6));
    var t = element('text', {x: x, y: y, 'class': className}, parent);
    t.textContent = shown.length > fits ? shown.slice(0, fits - 1) + '…' : shown;
    if (shown.length > fits) {
      element('title', {}, t).textContent = shown;
    }
    return t;
  }

  function shape(group, type, b, style) {
    var x = b.x, y = b.y, w = b.w, h = b.h;
    var common = {fill: style.fill, stroke: style.stroke, 'stroke-width': type === 'end' ? 3 : 2, 'class': 'cd-shape'};
    var points;
    switch (type) {
      case 'start':
      case 'end':
        common.rx = h / 2;
        common.x = x; common.y = y; common.width = w; common.height = h;
        return element('rect', common, group);
      case 'parallel-branch':
        points = [[x, y], [x + w - 16, y], [x + w, y + h / 2], [x + w - 16, y + h], [x, y + h]];
        break;
      case 'merge':
        points = [[x, y + h / 2], [x + 16, y], [x + w, y], [x + w, y + h], [x + 16, y + h]];
        break;
      case 'conditional-branch':
      case 'status-file-branch':
        points = [[x, y + h / 2], [x + 14, y], [x + w - 14, y], [x + w, y + h / 2], [x + w - 14, y + h], [x + 14, y + h]];
        if (type === 'status-file-branch') {
          common['stroke-dasharray'] = '6 3';
        }
        break;
      default:
        common.rx = 4;
        common.x = x; common.y = y; common.width = w; common.height = h;
        var rect = element('rect', common, group);
        if (type === 'call') {
          element('rect', {x: x + 4, y: y + 4, width: w - 8, height: h - 8, rx: 2, fill: 'none',
            stroke: style.stroke, 'stroke-width': 1, 'class': 'cd-shape-inner'}, group);
        } else if (type === 'pause') {
          element('rect', {x: x + 8, y: y + h / 2 - 8, width: 4, height: 16, fill: style.stroke}, group);
          element('rect', {x: x + 15, y: y + h / 2 - 8, width: 4, height: 16, fill: style.stroke}, group);
        }
        return rect;
    }
    common.points = points.map(function (p) { return p[0] + ',' + p[1]; }).join(' ');
    return element('polygon', common, group);
  }

  /** The lines of text a node shows: its type's name or its movement, called class, operation, end type. */
  function labels(node) {
    var type = node.type;
    var lines = [];
    if (type === 'movement') {
      lines.push({text: ORCHESTRAS[String(node.orchestra_id)] || 'Movement', cls: 'cd-label-small'});
      lines.push({text: node.movement_name || '(no movement)', cls: 'cd-label-main'});
    } else if (type === 'call') {
      lines.push({text: 'Call', cls: 'cd-label-small'});
      lines.push({text: node.call_conductor_name || '(no class)', cls: 'cd-label-main'});
    } else if (type === 'end') {
      lines.push({text: 'End', cls: 'cd-label-main'});
      if (node.end_type && String(node.end_type) !== '6') {
        lines.push({text: END_TYPES[String(node.end_type)] || String(node.end_type), cls: 'cd-label-small'});
      }
    } else {
      lines.push({text: TYPE_NAMES[type] || String(type), cls: 'cd-label-main'});
    }
    if ((type === 'movement' || type === 'call') && node.operation_name) {
      lines.push({text: 'Operation: ' + node.operation_name, cls: 'cd-label-small'});
    }
    if ((type === 'movement' || type === 'call') && String(node.skip_flag) === '1') {
      lines.push({text: 'skip', cls: 'cd-label-skip'});
    }
    return lines;
  }

  /** What an out terminal of a branch is labelled with: its conditions or its case. */
  function outLabel(node, terminal, statusNames) {
    if (node.type === 'conditional-branch') {
      return (terminal.condition || []).map(function (id) {
        return OTHERWISE[String(id)] ? 'otherwise' : (statusNames[String(id)] || String(id));
      }).join(', ');
    }
    if (node.type === 'status-file-branch') {
      if (terminal['case'] === 'else') {
        return 'else';
      }
      return (terminal['case'] || '?') + ': ' + (terminal.condition || []).join(', ');
    }
    return null;
  }

  function drawNode(svg, key, node, status, options, statusNames) {
    var b = box(node);
    var type = String(node.type);
    var style = TYPE_STYLE[type] || {fill: '#ffffff', stroke: '#5a6672'};
    var errors = (options.errors || {})[key];
    var fill = status != null && STATUS_COLOURS[String(status)] ? STATUS_COLOURS[String(status)] : style.fill;
    var group = element('g', {'class': 'cd-node cd-type-' + type.replace(/[^a-z-]/g, ''), 'data-node': key,
      'data-type': type}, svg);
    if (status != null) {
      group.setAttribute('data-status', String(status));
      group.classList.add('cd-status-' + String(status).replace(/\W/g, ''));
    }
    if (options.selected === key) {
      group.classList.add('cd-selected');
    }
    if (errors && errors.length) {
      group.classList.add('cd-invalid');
    }
    element('title', {}, group).textContent = key + ' · ' + (TYPE_NAMES[type] || type)
      + (status != null ? ' · ' + (statusNames[String(status)] || status) : '');
    var outline = shape(group, type, b, {fill: fill, stroke: errors && errors.length ? '#b3261e' : style.stroke});
    if (options.selected === key) {
      outline.setAttribute('stroke-width', 4);
      outline.setAttribute('stroke', '#f0a500');
    }
    var lines = labels(node);
    var lineHeight = 14;
    var top = b.y + b.h / 2 - (lines.length - 1) * lineHeight / 2 + 4;
    lines.forEach(function (line, i) {
      text(group, b.x + b.w / 2, top + i * lineHeight, line.text, 'cd-label ' + line.cls, b.w - 16)
        .setAttribute('text-anchor', 'middle');
    });
    var below = b.y + b.h + 14;
    if (status != null) {
      text(group, b.x + b.w / 2, below, statusNames[String(status)] || String(status), 'cd-status-label', b.w + 60)
        .setAttribute('text-anchor', 'middle');
      below += 14;
    }
    if (errors && errors.length) {
      var error = text(group, b.x, below, errors.join("; "), "cd-error", Math.max(b.w, 420));
      error.setAttribute('data-error-node', key);
      error.setAttribute('fill', '#b3261e');
    }
    ['in', 'out'].forEach(function (terminalType) {
      terminals(node, terminalType).forEach(function (terminalKey) {
        var terminal = node.terminal[terminalKey];
        element('circle', {cx: num(terminal.x, b.x), cy: num(terminal.y, b.y), r: 4, 'class': 'cd-terminal cd-' + terminalType,
          'data-terminal': terminalKey, fill: '#ffffff', stroke: style.stroke, 'stroke-width': 1.5}, group);
        var label = terminalType === 'out' ? outLabel(node, terminal, statusNames) : null;
        if (label) {
          text(group, num(terminal.x, b.x) + 7, num(terminal.y, b.y) - 5, label, 'cd-out-label', 150);
        }
      });
    });
    return group;
  }

  function drawEdge(svg, key, edge, classJson, options) {
    var from = classJson[edge.outNode];
    var to = classJson[edge.inNode];
    var out = from && from.terminal && from.terminal[edge.outTerminal];
    var into = to && to.terminal && to.terminal[edge.inTerminal];
    var group = element('g', {'class': 'cd-edge', 'data-edge': key}, svg);
    if (!out || !into) {
      group.classList.add('cd-broken');
      return group;
    }
    var x1 = num(out.x, 0), y1 = num(out.y, 0), x2 = num(into.x, 0), y2 = num(into.y, 0);
    var dx = Math.max(40, Math.abs(x2 - x1) / 2);
    var d = 'M' + x1 + ',' + y1 + ' C' + (x1 + dx) + ',' + y1 + ' ' + (x2 - dx) + ',' + y2 + ' ' + x2 + ',' + y2;
    var selected = options.selected === key;
    element('title', {}, group).textContent = key + ': ' + edge.outNode + ' → ' + edge.inNode;
    element('path', {d: d, fill: 'none', stroke: 'transparent', 'stroke-width': 12, 'class': 'cd-edge-hit'}, group);
    element('path', {d: d, fill: 'none', stroke: selected ? '#f0a500' : '#5a6672', 'stroke-width': selected ? 3 : 1.6,
      'marker-end': 'url(#cd-arrow)', 'class': 'cd-edge-line'}, group);
    if (selected) {
      group.classList.add('cd-selected');
    }
    return group;
  }

  function render(svg, classJson, statusByNode, options) {
    options = options || {};
    var statuses = statusByNode || {};
    var statusNames = Object.assign({}, NODE_STATUSES, options.statusNames || {});
    while (svg.firstChild) {
      svg.removeChild(svg.firstChild);
    }
    var defs = element('defs', {}, svg);
    var marker = element('marker', {id: 'cd-arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7,
      markerHeight: 7, orient: 'auto-start-reverse'}, defs);
    element('path', {d: 'M0,0 L10,5 L0,10 z', fill: '#5a6672'}, marker);
    var nodeKeys = nodes(classJson);
    var minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    nodeKeys.forEach(function (key) {
      var b = box(classJson[key]);
      minX = Math.min(minX, b.x);
      minY = Math.min(minY, b.y);
      maxX = Math.max(maxX, b.x + b.w);
      maxY = Math.max(maxY, b.y + b.h);
    });
    edges(classJson).forEach(function (key) {
      drawEdge(svg, key, classJson[key], classJson, options);
    });
    nodeKeys.forEach(function (key) {
      drawNode(svg, key, classJson[key], statuses[key] != null ? statuses[key] : null, options, statusNames);
    });
    if (!nodeKeys.length) {
      minX = minY = 0;
      maxX = 400;
      maxY = 200;
    }
    if (options.fit === false) {
      var width = Math.max(options.minWidth || 0, maxX + 240);
      var height = Math.max(options.minHeight || 0, maxY + 120);
      svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
      svg.setAttribute('width', width);
      svg.setAttribute('height', height);
    } else {
      var margin = 40;
      svg.setAttribute('viewBox', (minX - margin) + ' ' + (minY - margin) + ' ' + (maxX - minX + 2 * margin + 160)
        + ' ' + (maxY - minY + 2 * margin + 30));
    }
    svg.classList.add('conductor-diagram');
  }

  global.ConductorDiagram = {
    render: render,
    layout: layout,
    nodes: nodes,
    edges: edges,
    terminals: terminals,
    NODE_STATUSES: NODE_STATUSES,
    STATUS_COLOURS: STATUS_COLOURS,
    TYPE_NAMES: TYPE_NAMES,
    ORCHESTRAS: ORCHESTRAS
  };
})(window);
