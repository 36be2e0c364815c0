// Sends a value as JSON with the page's CSRF token (read from the data-csrf-header and data-csrf-token attributes
// of an element); the promise gives the status, the parsed JSON answer (null if it is not JSON) and whether the
// answer came through a redirect (a session that ended lands on the login page).
(function () {
  'use strict';
  var jita = window.jita = window.jita || {};

  jita.postJson = function (url, csrfHolder, value) {
    var headers = {'Content-Type': 'application/json', 'Accept': 'application/json'};
    headers[csrfHolder.getAttribute('data-csrf-header')] = csrfHolder.getAttribute('data-csrf-token');
    return fetch(url, {method: 'POST', credentials: 'same-origin', headers: headers, body: JSON.stringify(value)})
      .then(function (response) {
        return response.text().then(function (raw) {
          var parsed = null;
          try {
            parsed = JSON.parse(raw);
          } catch (notJson) {
            parsed = null;
          }
          return {status: response.status, body: parsed, redirected: response.redirected};
        });
      });
  };
})();
