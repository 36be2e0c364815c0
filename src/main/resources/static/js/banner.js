// Shows or hides the maintenance banner of a page that is already open, within a few seconds of a change; shows
// a scheduled window's times in the reader's time zone and counts down to its start.
(function () {
  'use strict';
  var INTERVAL_MS = 3000;

  function render(banner, data) {
    if (data.mode) {
      banner.setAttribute('data-mode', data.mode);
      banner.className = data.mode;
      banner.hidden = false;
    } else {
      banner.removeAttribute('data-mode');
      banner.className = '';
      banner.hidden = true;
    }
    banner.querySelector('.banner-text').textContent = data.text || '';
    banner.querySelector('.banner-reason').textContent = data.reason || '';
    banner.querySelector('.banner-who').textContent = data.who || '';
  }

  function setTime(element, iso) {
    if (iso) {
      element.setAttribute('datetime', iso);
    } else {
      element.removeAttribute('datetime');
    }
  }

  function renderNotice(notice, data) {
    if (!data) {
      notice.hidden = true;
      notice.removeAttribute('data-start');
      return;
    }
    notice.setAttribute('data-start', data.start);
    setTime(notice.querySelector('.notice-start'), data.start);
    setTime(notice.querySelector('.notice-end'), data.end);
    notice.querySelector('.notice-end-part').hidden = !data.end;
    notice.querySelector('.notice-reason').textContent = data.reason || '';
    notice.hidden = false;
    showTimes(notice);
  }

  // The reader's zone and language, from the UTC times the server wrote.
  function showTimes(notice) {
    var lang = document.documentElement.lang || undefined;
    notice.querySelectorAll('time[datetime]').forEach(function (time) {
      var date = new Date(time.getAttribute('datetime'));
      if (!isNaN(date.getTime())) {
        time.textContent = date.toLocaleString(lang, {
          year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short'
        });
        time.title = time.getAttribute('datetime');
      }
    });
  }

  function two(number) {
    return (number < 10 ? '0' : '') + number;
  }

  function countDown(notice) {
    var countdown = notice.querySelector('.notice-countdown');
    var start = Date.parse(notice.getAttribute('data-start') || '');
    if (isNaN(start)) {
      countdown.textContent = '';
      return;
    }
    var seconds = Math.floor((start - Date.now()) / 1000);
    if (seconds <= 0) {
      countdown.textContent = countdown.getAttribute('data-under-way');
      return;
    }
    var days = Math.floor(seconds / 86400);
    var rest = seconds % 86400;
    countdown.textContent = (days > 0 ? days + 'd ' : '') + two(Math.floor(rest / 3600)) + ':'
      + two(Math.floor(rest % 3600 / 60)) + ':' + two(rest % 60);
  }

  function poll() {
    var banner = document.getElementById('maintenance-banner');
    if (!banner) {
      return;
    }
    fetch('/ui/banner', {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (data) {
          render(banner, data);
          var notice = document.getElementById('maintenance-notice');
          if (notice) {
            renderNotice(notice, data.notice);
          }
        }
      })
      .catch(function () { /* the next poll tries again */ });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var notice = document.getElementById('maintenance-notice');
    if (notice) {
      showTimes(notice);
      countDown(notice);
      setInterval(function () { countDown(notice); }, 1000);
    }
    setInterval(poll, INTERVAL_MS);
  });
})();
