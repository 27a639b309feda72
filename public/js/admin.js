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
