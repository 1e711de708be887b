/*
 * Sortable tables (click a header; numeric order when every cell starts with a number or is empty, '-' or 'n/a',
 * else text order; a second click reverses) and table rows linked to charts (data-focus-chart,
 * data-pick-chart: clicking the row calls window.puredotsCharts.focus / pick).
 */
(function () {
  'use strict';
  var NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?/;

  function key(cell) {
    return cell.textContent.trim();
  }

  function numeric(rows, col) {
    return rows.every(function (r) {
      var k = key(r.cells[col]);
      return k === '' || k === '-' || k === 'n/a' || NUMBER.test(k);
    });
  }

  function sortBy(table, col, th) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var asc = th.getAttribute('aria-sort') !== 'ascending';
    var num = numeric(rows, col);
    rows.sort(function (a, b) {
      var x = key(a.cells[col]);
      var y = key(b.cells[col]);
      var c;
      if (num) {
        var nx = NUMBER.test(x) ? parseFloat(x) : -Infinity;
        var ny = NUMBER.test(y) ? parseFloat(y) : -Infinity;
        c = nx === ny ? 0 : (nx < ny ? -1 : 1);
      } else {
        c = x.localeCompare(y);
      }
      return asc ? c : -c;
    });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) { h.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
    rows.forEach(function (r) { body.appendChild(r); });
  }

  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
      th.addEventListener('click', function () { sortBy(table, col, th); });
    });
  });

  function follow(row) {
    var charts = window.puredotsCharts;
    if (!charts) {
      return;
    }
    Array.prototype.forEach.call(document.querySelectorAll('tr.selected'), function (r) {
      r.classList.remove('selected');
    });
    row.classList.add('selected');
    var first = null;
    var focusChart = row.getAttribute('data-focus-chart');
    if (focusChart) {
      charts.focus(focusChart, parseFloat(row.getAttribute('data-focus-min')),
        parseFloat(row.getAttribute('data-focus-max')));
      first = document.getElementById('chart-' + focusChart);
    }
    var pickChart = row.getAttribute('data-pick-chart');
    if (pickChart) {
      charts.pick(pickChart, row.getAttribute('data-pick-key'));
      first = first || document.getElementById('chart-' + pickChart);
    }
    if (first) {
      first.scrollIntoView({block: 'center'});
    }
  }

  Array.prototype.forEach.call(document.querySelectorAll('tr.linked'), function (row) {
    row.addEventListener('click', function () { follow(row); });
    row.addEventListener('keydown', function (e) {
      if (e.key === 'Enter') {
        follow(row);
      }
    });
  });
})();
