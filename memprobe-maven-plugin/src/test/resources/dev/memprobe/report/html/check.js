/* The browser tests' probe (not part of memprobe): loaded first in a copy of report.html, it records Content-Security-
   Policy violations, then, once the page has loaded, measures what a reader would notice and writes it as JSON into
   <pre id="memprobe-check">, which the test reads from the DOM Chromium dumps. */
(function () {
  'use strict';
  var violations = [];
  document.addEventListener('securitypolicyviolation', function (e) {
    violations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline'));
  });
  window.addEventListener('load', function () {
    var result = { violations: violations };
    result.width = window.innerWidth;
    result.scrollWidth = document.documentElement.scrollWidth;
    // what sticks out on the right, for the message when something does
    var wide = [];
    Array.prototype.forEach.call(document.body.querySelectorAll('*'), function (el) {
      var box = el.getBoundingClientRect();
      if (box.right > window.innerWidth + 1 && wide.length < 5) {
        wide.push(el.tagName.toLowerCase() + (el.className && el.className.baseVal === undefined ? '.' + el.className : '')
            + ' ' + Math.round(box.right));
      }
    });
    var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (var node = walker.nextNode(); node && wide.length < 8; node = walker.nextNode()) {
      var range = document.createRange();
      range.selectNodeContents(node);
      var r = range.getBoundingClientRect();
      if (r.right > window.innerWidth + 1) {
        wide.push('text in ' + node.parentNode.tagName.toLowerCase() + ' "' + node.textContent.substring(0, 40) + '" '
            + Math.round(r.right));
      }
    }
    result.overflowing = wide.join(' | ');
    var verdict = document.getElementById('verdict');
    result.verdictBackground = verdict ? getComputedStyle(verdict).backgroundColor : null;
    result.bodyBackground = getComputedStyle(document.body).backgroundColor;
    // the smallest text of the charts, as rendered
    var smallest = 1000;
    var texts = document.querySelectorAll('.chart text, .crow .cname, .caption span');
    Array.prototype.forEach.call(texts, function (t) {
      if (t.getClientRects().length === 0) { return; }
      var size = parseFloat(getComputedStyle(t).fontSize);
      var box = t.getBoundingClientRect();
      var rendered = t instanceof SVGElement ? Math.min(size * (t.ownerSVGElement.getScreenCTM().a || 1), box.height) : size;
      smallest = Math.min(smallest, rendered);
    });
    result.smallestChartText = smallest;
    result.chartTexts = texts.length;
    // the classes table: numbers on screen, names never broken inside a word
    var names = document.querySelectorAll('#classes-table td.name code');
    result.nameWrap = names.length ? getComputedStyle(names[0]).overflowWrap + ' ' + getComputedStyle(names[0]).wordBreak : null;
    var hidden = 0;
    Array.prototype.forEach.call(document.querySelectorAll('#classes-table td.n'), function (td) {
      var box = td.getBoundingClientRect();
      if (box.width > 0 && (box.right > window.innerWidth + 1 || box.left < -1)) { hidden++; }
    });
    result.numbersOffScreen = hidden;
    // the script's filter and sort
    var filter = document.querySelector('input.filter');
    result.filter = !!filter;
    var rows = document.querySelectorAll('#classes-table tbody tr');
    result.rows = rows.length;
    if (filter) {
      filter.value = 'Catalog';
      filter.dispatchEvent(new Event('input'));
      result.rowsAfterFilter = Array.prototype.filter.call(rows, function (r) { return !r.hidden; }).length;
      filter.value = '';
      filter.dispatchEvent(new Event('input'));
      var heads = document.querySelectorAll('#classes-table thead th');
      var heap = Array.prototype.filter.call(heads, function (th) { return th.textContent.indexOf('Fork\'s heap peak') === 0; })[0];
      heap.querySelector('button').click();
      heap.querySelector('button').click();
      var column = Array.prototype.indexOf.call(heads, heap);
      var values = Array.prototype.map.call(document.querySelectorAll('#classes-table tbody tr'), function (r) {
        return parseFloat(r.cells[column].getAttribute('data-value'));
      });
      result.sortedDescending = values.every(function (v, i) { return i === 0 || values[i - 1] >= v; });
      result.sort = heap.getAttribute('aria-sort');
    }
    // in a frame of the width to check (headless Chromium's window is 500 px at least), the findings go to the page
    // that frames it, whose DOM the test reads
    var target = window.parent !== window ? window.parent.document : document;
    var out = target.createElement('pre');
    out.id = 'memprobe-check';
    out.textContent = JSON.stringify(result);
    target.body.appendChild(out);
  });
})();
