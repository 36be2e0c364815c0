// An execution's page: status and logs follow the run live until it has ended.
(function () {
  'use strict';
  var INTERVAL_MS = 1500;
  var ENDED = ['5', '6', '7', '8', '10'];

  function refresh(url, timer) {
    fetch(url, {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data) {
          return;
        }
        var status = document.getElementById('status');
        status.textContent = data.status_name;
        status.setAttribute('data-status-id', data.status_id);
        document.getElementById('time-start').textContent = data.time_start || '';
        document.getElementById('time-end').textContent = data.time_end || '';
        document.getElementById('console-log').textContent = data.execution_log.console;
        document.getElementById('error-log').textContent = data.execution_log.error;
        if (ENDED.indexOf(data.status_id) >= 0) {
          clearInterval(timer);
          var scram = document.getElementById('scram-form');
          if (scram) {
            scram.hidden = true;
          }
        }
      })
      .catch(function () { /* the next refresh tries again */ });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var url = document.querySelector('main').getAttribute('data-status-url');
    var timer = setInterval(function () { refresh(url, timer); }, INTERVAL_MS);
    refresh(url, timer);
  });
})();
