// The maintenance console's drain forecast: shown while jobs are stopped and something still runs.
(function () {
  'use strict';
  var INTERVAL_MS = 5000;

  function duration(seconds) {
    if (seconds === null || seconds === undefined) {
      return '?';
    }
    var total = Math.round(seconds);
    var h = Math.floor(total / 3600);
    var m = Math.floor((total % 3600) / 60);
    var s = total % 60;
    return h + ':' + (m < 10 ? '0' : '') + m + ':' + (s < 10 ? '0' : '') + s;
  }

  function time(iso) {
    return iso ? window.jita.time(iso) : '?';
  }

  function cell(row, text) {
    var td = document.createElement('td');
    td.textContent = text;
    row.appendChild(td);
  }

  function refresh() {
    fetch('/ui/admin/forecast', {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        var section = document.getElementById('drain-forecast');
        if (!data || !section) {
          return;
        }
        section.hidden = !(data.jobs_stopped && data.items.length > 0);
        var zeroAt = document.getElementById('forecast-zero-at');
        zeroAt.textContent = data.estimated_zero_at ? time(data.estimated_zero_at)
          + ' (' + duration(data.estimated_seconds_left) + ')' : zeroAt.getAttribute('data-unknown');
        var body = document.querySelector('#forecast tbody');
        body.textContent = '';
        data.items.forEach(function (item) {
          var row = document.createElement('tr');
          cell(row, item.organization_id);
          cell(row, item.workspace_id);
          cell(row, item.backyard);
          cell(row, item.id);
          cell(row, duration(item.elapsed_seconds));
          cell(row, duration(item.remaining_seconds));
          cell(row, time(item.estimated_end_at));
          body.appendChild(row);
        });
      })
      .catch(function () { /* the next refresh tries again */ });
  }

  document.addEventListener('DOMContentLoaded', function () {
    refresh();
    setInterval(refresh, INTERVAL_MS);
  });
})();
