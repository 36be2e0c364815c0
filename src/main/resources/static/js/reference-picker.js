// A reference column's input: the referenced records (a datalist the page holds) filtered as one types, picked
// by a click or by the arrow keys and Enter. The value is still checked by the server: one that names no
// referenced record is refused on its field.
(function () {
  'use strict';
  var MOST = 50;

  function attach(input) {
    var source = document.getElementById(input.getAttribute('data-choices'));
    if (!source || input.getAttribute('role') === 'combobox') {
      return;
    }
    var values = Array.prototype.map.call(source.options, function (option) {
      return option.value;
    });
    var wrapper = document.createElement('span');
    wrapper.className = 'reference-picker';
    input.parentNode.insertBefore(wrapper, input);
    wrapper.appendChild(input);
    var list = document.createElement('ul');
    list.id = input.id + '-choices';
    list.className = 'reference-choices';
    list.setAttribute('role', 'listbox');
    list.hidden = true;
    wrapper.appendChild(list);
    input.removeAttribute('list');
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', list.id);
    input.setAttribute('autocomplete', 'off');
    var active = -1;

    function close() {
      list.hidden = true;
      active = -1;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
    }

    function pick(value) {
      input.value = value;
      close();
      input.dispatchEvent(new Event('change', {bubbles: true}));
    }

    function mark(index) {
      var options = list.querySelectorAll('li');
      options.forEach(function (option, i) {
        option.setAttribute('aria-selected', i === index ? 'true' : 'false');
      });
      active = index;
      if (index >= 0 && options[index]) {
        input.setAttribute('aria-activedescendant', options[index].id);
        options[index].scrollIntoView({block: 'nearest'});
      }
    }

    function show() {
      var typed = input.value.toLowerCase();
      var shown = values.filter(function (value) {
        return value.toLowerCase().indexOf(typed) >= 0;
      }).slice(0, MOST);
      list.textContent = '';
      shown.forEach(function (value, i) {
        var option = document.createElement('li');
        option.id = list.id + '-' + i;
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        option.textContent = value;
        // Picked before the input loses its focus, so the list is still there to be clicked.
        option.addEventListener('mousedown', function (event) {
          event.preventDefault();
          pick(value);
        });
        list.appendChild(option);
      });
      list.hidden = shown.length === 0;
      active = -1;
      input.setAttribute('aria-expanded', shown.length ? 'true' : 'false');
    }

    input.addEventListener('input', show);
    input.addEventListener('focus', show);
    input.addEventListener('blur', close);
    input.addEventListener('keydown', function (event) {
      var count = list.querySelectorAll('li').length;
      if (event.key === 'ArrowDown') {
        if (list.hidden) {
          show();
        }
        mark(Math.min(active + 1, count - 1));
        event.preventDefault();
      } else if (event.key === 'ArrowUp') {
        mark(Math.max(active - 1, 0));
        event.preventDefault();
      } else if (event.key === 'Enter' && !list.hidden && active >= 0) {
        pick(list.querySelectorAll('li')[active].textContent);
        event.preventDefault();
      } else if (event.key === 'Escape' && !list.hidden) {
        close();
        event.preventDefault();
      }
    });
  }

  window.jitaReferencePicker = attach;
  document.querySelectorAll('input[data-choices]').forEach(attach);
})();
