// An execution's page: status, logs and files follow the run live until it has ended; each log can be searched.
(function () {
  'use strict';
  var INTERVAL_MS = 1500;
  // Each log's whole text and its line count as the server worded it; the page shows what the search keeps.
  var logs = {};
  var lineCounts = {};

  function showLog(main, id) {
    var pre = document.getElementById(id);
    var search = document.getElementById(id + '-search');
    var count = document.getElementById(id + '-count');
    if (!pre) {
      return;
    }
    var whole = logs[id] || '';
    var query = search ? search.value.toLowerCase() : '';
    if (!query) {
      if (pre.textContent !== whole) {
        pre.textContent = whole;
      }
      if (count) {
        count.textContent = lineCounts[id] || '';
      }
      return;
    }
    var lines = whole.split('\n');
    if (whole.endsWith('\n')) {
      lines.pop();
    }
    var kept = lines.filter(function (line) { return line.toLowerCase().indexOf(query) >= 0; });
    pre.textContent = kept.join('\n');
    if (count) {
      count.textContent = main.getAttribute('data-matching-text')
        .replace('{0}', String(kept.length)).replace('{1}', String(whole === '' ? 0 : lines.length));
    }
  }

  function download(id, fileUrl, name) {
    var link = document.getElementById(id);
    if (link && name) {
      link.href = fileUrl + '?name=' + encodeURIComponent(name);
      link.hidden = false;
    }
  }

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
        status.className = 'execution-status exec-' + data.status_kind;
        status.setAttribute('data-status-id', data.status_id);
        text('time-start', data.time_start);
        text('time-end', data.time_end);
        text('elapsed', data.elapsed);
        text('note', data.note);
        Object.keys(data.logs).forEach(function (id) {
          logs[id] = data.logs[id];
          lineCounts[id] = data.log_lines[id];
          showLog(main, id);
        });
        files(main.getAttribute('data-file-url'), data.files);
        download('populated-data', main.getAttribute('data-file-url'), data.populated_data);
        download('result-data', main.getAttribute('data-file-url'), data.result_data);
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
    document.querySelectorAll('pre.log').forEach(function (pre) {
      logs[pre.id] = pre.textContent;
      var count = document.getElementById(pre.id + '-count');
      lineCounts[pre.id] = count ? count.textContent : '';
    });
    document.querySelectorAll('input.log-search').forEach(function (search) {
      search.addEventListener('input', function () { showLog(main, search.getAttribute('data-log')); });
    });
    var timer = setInterval(function () { refresh(main, timer); }, INTERVAL_MS);
    refresh(main, timer);
  });
})();
