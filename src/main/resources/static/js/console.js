// The maintenance console: keeps the table of running items live (confirm.js asks before each switch).
(function () {
  'use strict';
  var INTERVAL_MS = 2000;

  function cell(row, text) {
    var td = document.createElement('td');
    td.textContent = text;
    row.appendChild(td);
  }

  function refresh() {
    fetch('/ui/admin/running', {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data) {
          return;
        }
        document.getElementById('execute-count').textContent = data.execute_count;
        var body = document.querySelector('#running tbody');
        body.textContent = '';
        data.organizations.forEach(function (organization) {
          organization.workspaces.forEach(function (workspace) {
            Object.keys(workspace.backyards).forEach(function (backyard) {
              workspace.backyards[backyard].forEach(function (item) {
                var row = document.createElement('tr');
                cell(row, organization.id);
                cell(row, workspace.id);
                cell(row, backyard);
                cell(row, item.id);
                cell(row, item.status_name);
                cell(row, window.jita.time(item.last_update_timestamp));
                body.appendChild(row);
              });
            });
          });
        });
      })
      .catch(function () { /* the next refresh tries again */ });
  }

  document.addEventListener('DOMContentLoaded', function () {
    refresh();
    setInterval(refresh, INTERVAL_MS);
  });
})();
