// Progressive enhancement of an import job's page: instead of reloading the whole page (the <noscript> refresh), fetch
// it and swap the progress part in place, until the job is done; then move focus to the report.
(function () {
  'use strict';
  var region = document.getElementById('importtaak');
  if (!region || region.dataset.klaar) return;
  function poll() {
    fetch(location.href, { headers: { accept: 'text/html' }, credentials: 'same-origin' })
      .then(function (response) {
        return response.text();
      })
      .then(function (html) {
        var next = new DOMParser().parseFromString(html, 'text/html').getElementById('importtaak');
        if (!next) return setTimeout(poll, 3000);
        region.replaceWith(next);
        region = next;
        if (next.dataset.klaar) {
          var report = document.getElementById('importrapport');
          if (report) report.focus();
          document.title = document.title.replace('Import bezig', 'Import afgerond');
        } else {
          setTimeout(poll, 1000);
        }
      })
      .catch(function () {
        setTimeout(poll, 3000);
      });
  }
  setTimeout(poll, 1000);
})();
