// An execution's page: status, logs and files follow the run live until it has ended.
(function () {
  'use strict';
  var INTERVAL_MS = 1500;

  function text(id, value) {
    var element = document.getElementById(id);
    if (element) {
      element.textContent = value || '';
    }
  }

  function show(id, visible) {
    var element = document.getElementById(id);
    if (element) {
      element.hidden = !visible;
    }
  }

  function files(fileUrl, names) {
    var list = document.getElementById('files');
    if (list.children.length === names.length) {
      return;
    }
    list.replaceChildren.apply(list, names.map(function (name) {
      var link = document.createElement('a');
      link.href = fileUrl + '?name=' + encodeURIComponent(name);
      link.setAttribute('download', '');
      link.textContent = name;
      var item = document.createElement('li');
      item.appendChild(link);
      return item;
    }));
  }

  function refresh(main, timer) {
    fetch(main.getAttribute('data-status-url'), {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data) {
          return;
        }
        var status = document.getElementById('status');
        status.textContent = data.status_name;
        status.setAttribute('data-status-id', data.status_id);
        text('time-start', data.time_start);
        text('time-end', data.time_end);
        text('note', data.note);
        Object.keys(data.logs).forEach(function (id) { text(id, data.logs[id]); });
        files(main.getAttribute('data-file-url'), data.files);
        show('scram-form', data.running);
        show('cancel-form', data.scheduled);
        if (data.ended) {
          clearInterval(timer);
        }
      })
      .catch(function () { /* the next refresh tries again */ });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var main = document.querySelector('main');
    var timer = setInterval(function () { refresh(main, timer); }, INTERVAL_MS);
    refresh(main, timer);
  });
})();
