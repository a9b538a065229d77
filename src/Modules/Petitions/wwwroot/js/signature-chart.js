// Draws the signatures-per-day table of a petition page as a bar chart with date and count axes, at the width the
// page gives it, and folds the table away (it stays for screen readers and shows as it is without JavaScript).
// One SVG unit is one CSS pixel, so the labels keep the size the stylesheet gives them on phones and desktops.
(function () {
  var box = document.getElementById('signature-chart');
  var table = box && document.getElementById(box.getAttribute('data-table'));
  if (!table || !document.createElementNS) return;
  var SVG = 'http://www.w3.org/2000/svg', DAY = 86400000;
  var lang = document.documentElement.lang || 'ko';
  var number = new Intl.NumberFormat(lang);
  var shortDate = new Intl.DateTimeFormat(lang, { month: 'numeric', day: 'numeric', timeZone: 'UTC' });

  function parseDay(text) {
    var parts = text.split('-');
    return Date.UTC(+parts[0], +parts[1] - 1, +parts[2]);
  }

  // Every day from the first signature to the last, days without signatures included.
  var counts = {}, first = Infinity, last = -Infinity;
  Array.prototype.forEach.call(table.querySelectorAll('tbody tr[data-day]'), function (row) {
    var day = parseDay(row.getAttribute('data-day'));
    counts[day] = (counts[day] || 0) + (+row.getAttribute('data-count') || 0);
    first = Math.min(first, day); last = Math.max(last, day);
  });
  if (!isFinite(first)) return;
  var days = [];
  for (var d = first; d <= last && days.length < 1000; d += DAY) days.push({ day: d, count: counts[d] || 0 });
  var max = Math.max.apply(null, days.map(function (x) { return x.count; }).concat([1]));

  function niceStep(top, ticks) {
    var raw = top / ticks, power = Math.pow(10, Math.floor(Math.log10(raw))), unit = raw / power;
    return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10) * power;
  }

  function el(name, attrs, parent, text) {
    var node = document.createElementNS(SVG, name);
    for (var key in attrs) node.setAttribute(key, attrs[key]);
    if (text !== undefined) node.textContent = text;
    if (parent) parent.appendChild(node);
    return node;
  }

  function draw() {
    var width = Math.floor(box.clientWidth);
    if (width < 120) return;
    var height = width < 480 ? 220 : 280;
    var step = Math.max(1, niceStep(max, 4)), top = Math.ceil(max / step) * step;
    var left = 12 + 9 * number.format(top).length, right = 8, upper = 44, lower = 30;
    var plotWidth = width - left - right, plotHeight = height - upper - lower;
    var slot = plotWidth / days.length, bar = Math.max(1, Math.min(48, slot * 0.7));
    var svg = el('svg', { width: width, height: height, viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'aria-label': box.getAttribute('data-label') || '' });

    el('text', { x: 0, y: 16 }, svg, box.getAttribute('data-axis-label') || '');
    for (var value = 0; value <= top; value += step) {
      var y = upper + plotHeight - value * plotHeight / top;
      el('line', { x1: left, x2: width - right, y1: y, y2: y, 'class': value === 0 ? 'pt-chart-axis' : 'pt-chart-grid' }, svg);
      el('text', { x: left - 6, y: y + 5, 'text-anchor': 'end', 'class': 'pt-chart-count' }, svg, number.format(value));
    }

    // A date label every few days, kept inside the chart and at least 64 px apart, so that labels never overlap.
    var every = Math.max(1, Math.ceil(64 / slot)), lastLabel = -Infinity;
    days.forEach(function (x, i) {
      var center = left + slot * i + slot / 2, h = x.count * plotHeight / top;
      var rect = el('rect', { x: center - bar / 2, y: upper + plotHeight - h, width: bar, height: h, 'class': 'pt-chart-bar' }, svg);
      el('title', {}, rect, shortDate.format(new Date(x.day)) + ': ' + number.format(x.count));
      if (slot >= 44 && x.count > 0) {
        el('text', { x: center, y: upper + plotHeight - h - 6, 'text-anchor': 'middle', 'class': 'pt-chart-value' }, svg, number.format(x.count));
      }
      var at = Math.min(Math.max(center, left + 28), width - 28);
      if (i % every === 0 && at - lastLabel >= 64) {
        el('text', { x: at, y: height - 8, 'text-anchor': 'middle', 'class': 'pt-chart-date' }, svg, shortDate.format(new Date(x.day)));
        lastLabel = at;
      }
    });

    box.replaceChildren(svg);
  }

  draw();
  var details = document.getElementById(table.id + '-details');
  if (details && box.firstChild) details.open = false;
  var pending = false;
  window.addEventListener('resize', function () {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () { pending = false; draw(); });
  });
})();
