// Shows or hides the maintenance banner of a page that is already open, within a few seconds of a change.
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

  function poll() {
    var banner = document.getElementById('maintenance-banner');
    if (!banner) {
      return;
    }
    fetch('/ui/banner', {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) { if (data) { render(banner, data); } })
      .catch(function () { /* the next poll tries again */ });
  }

  document.addEventListener('DOMContentLoaded', function () {
    setInterval(poll, INTERVAL_MS);
  });
})();
