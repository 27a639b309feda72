// Progressive enhancement for the editors' area: confirmations before destructive actions
// (forms carry data-confirm="…"); every form also works without this script.
(function () {
  'use strict';
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var submitter = event.submitter;
    var message = (submitter && submitter.getAttribute('data-confirm')) || form.getAttribute('data-confirm');
    if (message && !window.confirm(message)) event.preventDefault();
  });
})();

// 全选: a box in a table's header ticks every box of its name on the page (without this script
// the box stays hidden and each row is ticked by hand).
(function () {
  'use strict';
  Array.prototype.forEach.call(document.querySelectorAll('input[data-select-all]'), function (all) {
    var name = all.getAttribute('data-select-all');
    var boxes = function () {
      return document.querySelectorAll('input[type=checkbox][name="' + name + '"]');
    };
    var label = all.closest('.select-all');
    if (label) {
      label.hidden = false;
      var plain = label.parentElement && label.parentElement.querySelector('.select-label');
      if (plain) plain.hidden = true;
    }
    all.addEventListener('change', function () {
      Array.prototype.forEach.call(boxes(), function (box) {
        box.checked = all.checked;
      });
    });
    document.addEventListener('change', function (event) {
      var target = event.target;
      if (!(target instanceof HTMLInputElement) || target.name !== name) return;
      var list = Array.prototype.slice.call(boxes());
      var ticked = list.filter(function (box) {
        return box.checked;
      }).length;
      all.checked = ticked === list.length;
      all.indeterminate = ticked > 0 && ticked < list.length;
    });
  });
})();
