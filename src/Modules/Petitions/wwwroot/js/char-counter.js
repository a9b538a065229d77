// Shows how many characters a field holds against its limit, as the author types (the limit is also stated in the hint).
(function () {
  var fmt = new Intl.NumberFormat(document.documentElement.lang || 'ko');
  Array.prototype.forEach.call(document.querySelectorAll('[data-for][data-limit]'), function (counter) {
    var field = document.getElementById(counter.getAttribute('data-for'));
    if (!field) return;
    var limit = +counter.getAttribute('data-limit');
    function update() {
      // The form sends a line break as CR LF, and the server counts both characters.
      var length = field.value.replace(/\r?\n/g, '\r\n').length;
      counter.textContent = fmt.format(length) + ' / ' + fmt.format(limit);
      counter.classList.toggle('pt-count-over', length > limit);
    }
    field.addEventListener('input', update);
    update();
    counter.hidden = false;
  });
})();
