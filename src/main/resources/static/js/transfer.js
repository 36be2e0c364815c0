// The export and import pages: a group's box chooses all its menus; the two passphrases must agree; a job list
// reloads itself while a job has not ended.
(function () {
    'use strict';
    document.querySelectorAll('.tree-group').forEach(function (group) {
        var all = group.querySelector('.group-check');
        var menus = Array.prototype.slice.call(group.querySelectorAll('.menu-check'));
        function shown() {
            var checked = menus.filter(function (m) { return m.checked; }).length;
            all.checked = checked > 0 && checked === menus.length;
            all.indeterminate = checked > 0 && checked < menus.length;
        }
        all.addEventListener('change', function () {
            menus.forEach(function (m) { m.checked = all.checked; });
            shown();
        });
        menus.forEach(function (m) { m.addEventListener('change', shown); });
        shown();
    });

    var confirm = document.getElementById('passphrase-confirm');
    var passphrase = document.getElementById('passphrase');
    if (confirm && passphrase) {
        var check = function () {
            confirm.setCustomValidity(passphrase.value === confirm.value ? '' : confirm.getAttribute('data-mismatch'));
        };
        passphrase.addEventListener('input', check);
        confirm.addEventListener('input', check);
    }

    var jobs = document.getElementById('jobs');
    if (jobs && jobs.getAttribute('data-running') === 'true') {
        setTimeout(function () { window.location.reload(); }, 2000);
    }
})();
