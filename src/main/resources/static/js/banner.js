// On every page: tells the server the browser's time zone, formats times as the server does (jita.time), opens
// and closes the navigation on a narrow window; shows or hides the maintenance banner of a page that is already
// open, within a few seconds of a change, with a scheduled window's times, counting down to its start.
(function () {
  'use strict';
  var INTERVAL_MS = 3000;
  var jita = window.jita = window.jita || {};
  document.documentElement.classList.add('js');

  // The server checks the name too; a user's own setting wins over it.
  try {
    var browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (browserZone && /^[A-Za-z0-9_+\-\/]{1,64}$/.test(browserZone)) {
      document.cookie = 'jita-tz=' + browserZone + '; path=/; max-age=31536000; SameSite=Lax';
    }
  } catch (ignored) { /* an old browser: the server shows UTC */ }

  // YYYY/MM/DD hh:mm:ss in the zone the page names, like the times the server wrote.
  jita.time = function (iso) {
    var date = iso ? new Date(iso) : null;
    if (!date || isNaN(date.getTime())) {
      return iso || '';
    }
    var parts = {};
    new Intl.DateTimeFormat('en-US', {
      timeZone: document.documentElement.getAttribute('data-zone') || 'UTC', hourCycle: 'h23',
      year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit'
    }).formatToParts(date).forEach(function (part) { parts[part.type] = part.value; });
    return parts.year + '/' + parts.month + '/' + parts.day + ' ' + parts.hour + ':' + parts.minute + ':' + parts.second;
  };

  // The header's items and a page's side navigation, hidden together on a narrow window.
  function menu() {
    var button = document.getElementById('menu-button');
    var items = document.getElementById('top-menu');
    if (!button || !items) {
      return;
    }
    var side = document.getElementById('side-nav');
    if (side) {
      button.setAttribute('aria-controls', 'top-menu side-nav');
    }
    button.addEventListener('click', function () {
      var open = button.getAttribute('aria-expanded') !== 'true';
      button.setAttribute('aria-expanded', String(open));
      items.classList.toggle('open', open);
      if (side) {
        side.classList.toggle('open', open);
      }
    });
  }

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

  function showTimes(notice) {
    notice.querySelectorAll('time[datetime]').forEach(function (time) {
      time.textContent = jita.time(time.getAttribute('datetime'));
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
    menu();
    var notice = document.getElementById('maintenance-notice');
    if (notice) {
      showTimes(notice);
      countDown(notice);
      setInterval(function () { countDown(notice); }, 1000);
    }
    setInterval(poll, INTERVAL_MS);
  });
})();
