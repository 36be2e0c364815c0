// A conductor instance's page: its class drawn with every node coloured by its status, the node table and
// the buttons follow the run live until it has ended.
(function () {
  'use strict';
  var INTERVAL_MS = 1000;
  var main = document.querySelector('main[data-status-url]');
  var svg = document.getElementById('diagram');

  function show(id, visible) {
    var element = document.getElementById(id);
    if (element) {
      element.hidden = !visible;
    }
  }

  function draw(state) {
    ConductorDiagram.layout(state.conductor_class);
    ConductorDiagram.render(svg, state.conductor_class, state.status_by_node, {statusNames: state.status_names});
  }

  function update(state) {
    var status = document.getElementById('status');
    status.textContent = state.conductor.status;
    status.setAttribute('data-status-id', state.conductor.status_id);
    ['time-start', 'time-end'].forEach(function (id) {
      document.getElementById(id).textContent = state.conductor[id.replace('-', '_')] || '';
    });
    state.nodes.forEach(function (node) {
      var row = document.querySelector('#nodes tr[data-node="' + node.name + '"]');
      if (!row) {
        return;
      }
      var cell = row.querySelector('.node-status');
      cell.textContent = node.status;
      cell.setAttribute('data-status-id', node.statusId);
      row.querySelector('.node-start').textContent = node.start;
      row.querySelector('.node-end').textContent = node.end;
      row.querySelector('.node-note').textContent = node.note;
      var linkCell = row.querySelector('.node-link');
      if (node.link && !linkCell.querySelector('a')) {
        var link = document.createElement('a');
        link.href = node.link;
        link.textContent = main.getAttribute('data-open') || '→';
        linkCell.appendChild(link);
      }
      var release = row.querySelector('.release-form');
      if (release) {
        release.hidden = !node.releasable;
      }
    });
    notices(state.notices);
    show('scram-form', state.running);
    show('cancel-form', state.scheduled);
    draw(state);
  }

  function notices(list) {
    var body = document.querySelector('#notices tbody');
    body.replaceChildren.apply(body, list.map(function (notice) {
      var row = document.createElement('tr');
      [notice.notice_name, notice.status_id, notice.state, String(notice.attempts), notice.last_error || '']
        .forEach(function (value, index) {
          var cell = document.createElement('td');
          cell.textContent = value;
          if (index === 2) {
            cell.className = 'notice-state';
          }
          row.appendChild(cell);
        });
      return row;
    }));
  }

  function refresh(timer) {
    fetch(main.getAttribute('data-status-url'), {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (state) {
        if (!state) {
          return;
        }
        update(state);
        if (state.ended) {
          clearInterval(timer);
        }
      })
      .catch(function () { /* the next refresh tries again */ });
  }

  var initial = JSON.parse(main.getAttribute('data-state'));
  draw(initial);
  if (!initial.ended) {
    var timer = setInterval(function () { refresh(timer); }, INTERVAL_MS);
  }
})();
