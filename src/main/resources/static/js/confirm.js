// Forms marked "confirm" ask before they are sent.
document.addEventListener('DOMContentLoaded', function () {
  'use strict';
  document.querySelectorAll('form.confirm').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      if (!window.confirm(form.getAttribute('data-confirm'))) {
        event.preventDefault();
      }
    });
  });
});
