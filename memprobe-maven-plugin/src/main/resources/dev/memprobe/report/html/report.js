/* report.html's script, a file beside it (a Content-Security-Policy of default-src 'self' allows it, not an inline
   one). Progressive: the page is whole without it. It adds a filter box and sortable headings to the classes table. */
(function () {
  'use strict';
  var table = document.getElementById('classes-table');
  if (!table || !table.tBodies.length) {
    return;
  }
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);

  var filter = document.createElement('input');
  filter.type = 'search';
  filter.className = 'filter';
  filter.placeholder = 'Filter classes: name, outcome, probe…';
  filter.setAttribute('aria-label', 'Filter the classes');
  var shown = document.createElement('span');
  shown.className = 'sub';
  shown.setAttribute('aria-live', 'polite');
  table.parentNode.insertBefore(filter, table);
  table.parentNode.insertBefore(shown, table);
  filter.addEventListener('input', function () {
    var words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    var count = 0;
    rows.forEach(function (row) {
      var text = row.textContent.toLowerCase();
      var hit = words.every(function (w) { return text.indexOf(w) >= 0; });
      row.hidden = !hit;
      if (hit) { count++; }
    });
    shown.textContent = words.length ? ' ' + count + ' of ' + rows.length + ' classes' : '';
  });

  var headings = Array.prototype.slice.call(table.tHead.rows[0].cells);
  headings.forEach(function (th, column) {
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = th.textContent;
    th.textContent = '';
    th.appendChild(button);
    button.addEventListener('click', function () {
      var ascending = th.getAttribute('aria-sort') !== 'ascending';
      var numeric = th.getAttribute('data-type') === 'num';
      headings.forEach(function (other) { other.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      var keyed = rows.map(function (row, index) {
        var cell = row.cells[column];
        var key = numeric ? parseFloat(cell.getAttribute('data-value')) : cell.textContent.trim().toLowerCase();
        return { row: row, key: key, index: index };
      });
      keyed.sort(function (a, b) {
        var order = a.key < b.key ? -1 : a.key > b.key ? 1 : a.index - b.index;
        return ascending ? order : -order;
      });
      keyed.forEach(function (k) { body.appendChild(k.row); });
    });
  });
})();
