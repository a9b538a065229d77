// Updates a petition page's signature count every 5 seconds while the page is visible (the page works without it).
(function () {
  var box = document.getElementById('petition-progress');
  if (!box || !window.fetch) return;
  var url = box.getAttribute('data-counts-url'), threshold = +box.getAttribute('data-threshold');
  var fmt = new Intl.NumberFormat(document.documentElement.lang || 'ko');
  function tick() {
    fetch(url, { headers: { 'Accept': 'application/json' } }).then(function (r) { return r.ok ? r.json() : null; }).then(function (c) {
      if (!c) return;
      document.getElementById('signature-count').textContent = fmt.format(c.signatures);
      var bar = document.getElementById('signature-progress');
      var pct = Math.min(100, threshold ? Math.floor(c.signatures * 100 / threshold) : 100);
      bar.value = pct; bar.textContent = pct + '%';
      var d = document.getElementById('disagreement-count'); if (d) d.textContent = fmt.format(c.disagreements);
    }).catch(function () {});
  }
  setInterval(function () { if (!document.hidden) tick(); }, 5000);
})();
