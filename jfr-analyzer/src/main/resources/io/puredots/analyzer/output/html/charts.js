/*
 * Turns the chart specs embedded in a page (a <script type="application/json" id="data-ID"> next
 * to each <div data-chart="ID">) into uPlot charts. Drawing is uPlot's; this file only maps data
 * to uPlot options and series, and exposes the charts as window.puredotsCharts:
 *   get(id) -> the uPlot instance, focus(id, min, max) -> zoom the x axis (and of charts that share
 *   its "sync" key), pick(id, key) -> choose a picker entry (a Gantt chart's frame).
 *
 * Spec of kind "line" (the default):
 *   x: numbers (ascending); xLabel, yLabel: axis titles; xLabels: names of x = 0..n-1 (categorical)
 *   series: [{label, values (numbers or null for a gap), color, width, dash: [on, off], fill,
 *             points: true for dots, marker: true for a thick line where values are not null}]
 *   bands: [[upper, lower]] indices into series, the area between them filled with upper's fill
 *   stacked: true -> each series drawn on top of the previous ones (the legend shows its own value)
 *   sync: key shared by charts with the same x axis (cursor and focus move together)
 *   yMin, yMax: fixed y range ends; height: pixels
 * Spec of kind "gantt":
 *   lanes: lane names (top to bottom); xLabel
 *   frames: [{key, label, names: job names, slices: [[lane, start, duration, nameIndex]]}], picked by a select
 */
(function () {
  'use strict';
  var PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f',
    '#bcbd22', '#17becf'];
  var charts = {};
  var specs = {};
  var pickers = {};

  function color(s, i) {
    return s.color || PALETTE[i % PALETTE.length];
  }

  function width(el) {
    return Math.max(320, el.clientWidth || 800);
  }

  function lineChart(el, spec) {
    var data = [spec.x];
    var series = [{label: spec.xLabel || 'x'}];
    var cumulative = null;
    spec.series.forEach(function (s, i) {
      var values = s.values;
      if (spec.stacked) {
        values = values.map(function (v, j) {
          return (cumulative ? cumulative[j] || 0 : 0) + (v == null ? 0 : v);
        });
        cumulative = values;
      }
      data.push(values);
      var c = color(s, i);
      var opt = {
        label: s.label,
        stroke: c,
        width: s.marker ? 6 : (s.width || 1.5),
        spanGaps: false,
        points: {show: !!s.points, size: 5, fill: c}
      };
      if (s.dash) {
        opt.dash = s.dash;
      }
      if (s.fill) {
        opt.fill = s.fill;
      }
      if (spec.stacked) {
        opt.fill = opt.fill || c + '99';
        opt.value = function (u, v, si, idx) {
          var own = idx == null ? null : s.values[idx];
          return own == null ? '-' : own.toFixed(3);
        };
      }
      series.push(opt);
    });
    var bands = (spec.bands || []).map(function (b) {
      return {series: [b[0] + 1, b[1] + 1], fill: spec.series[b[0]].fill};
    });
    if (spec.stacked) {
      for (var k = 2; k < series.length; k++) {
        bands.push({series: [k, k - 1]});
      }
    }
    var x = {time: false};
    var y = {};
    if (spec.yMin != null || spec.yMax != null) {
      y.range = function (u, min, max) {
        return [spec.yMin != null ? spec.yMin : min, spec.yMax != null ? spec.yMax : max];
      };
    }
    var xAxis = {label: spec.xLabel || ''};
    if (spec.xLabels) {
      xAxis.splits = function () {
        return spec.xLabels.map(function (_, i) { return i; });
      };
      xAxis.values = function (u, splits) {
        return splits.map(function (v) { return spec.xLabels[v] != null ? spec.xLabels[v] : ''; });
      };
      x.range = function () { return [-0.5, spec.xLabels.length - 0.5]; };
    }
    var opts = {
      width: width(el),
      height: spec.height || 300,
      scales: {x: x, y: y},
      series: series,
      bands: bands,
      axes: [xAxis, {label: spec.yLabel || '', size: 70}],
      cursor: spec.sync ? {sync: {key: spec.sync}} : {}
    };
    return new uPlot(opts, data, el);
  }

  function ganttData(spec, frame) {
    var eps = 1e-6;
    var seen = {};
    var x = [];
    function add(v) {
      if (!seen.hasOwnProperty(v)) {
        seen[v] = true;
        x.push(v);
      }
    }
    frame.slices.forEach(function (s) {
      add(s[1]);
      add(s[1] + s[2]);
      add(s[1] + s[2] + eps);
    });
    x.sort(function (a, b) { return a - b; });
    var index = {};
    x.forEach(function (v, i) { index[v] = i; });
    var ys = [];
    var names = [];
    spec.lanes.forEach(function () {
      ys.push(x.map(function () { return null; }));
      names.push(x.map(function () { return null; }));
    });
    frame.slices.forEach(function (s) {
      var from = index[s[1]];
      var to = index[s[1] + s[2]];
      for (var i = from; i <= to; i++) {
        ys[s[0]][i] = spec.lanes.length - s[0];
        names[s[0]][i] = frame.names[s[3]];
      }
    });
    return {data: [x].concat(ys), names: names};
  }

  function ganttChart(el, spec, id) {
    var select = document.createElement('select');
    select.setAttribute('aria-label', 'frame');
    spec.frames.forEach(function (f) {
      var o = document.createElement('option');
      o.value = f.key;
      o.textContent = f.label;
      select.appendChild(o);
    });
    el.appendChild(select);
    var holder = document.createElement('div');
    el.appendChild(holder);
    var current = ganttData(spec, spec.frames[0]);
    var lanes = spec.lanes.length;
    var series = [{label: spec.xLabel || 'x'}];
    spec.lanes.forEach(function (name, i) {
      series.push({
        label: name,
        stroke: PALETTE[i % PALETTE.length],
        width: 10,
        spanGaps: false,
        points: {show: false},
        value: function (u, v, si, idx) {
          var n = idx == null ? null : current.names[si - 1][idx];
          return n == null ? 'idle' : n;
        }
      });
    });
    var opts = {
      width: width(el),
      height: Math.max(160, 40 + 28 * lanes),
      scales: {x: {time: false}, y: {range: [0, lanes + 1]}},
      series: series,
      axes: [{label: spec.xLabel || ''}, {
        size: 140,
        splits: function () {
          return spec.lanes.map(function (_, i) { return i + 1; });
        },
        values: function (u, splits) {
          return splits.map(function (v) { return spec.lanes[lanes - v] || ''; });
        }
      }]
    };
    var u = new uPlot(opts, current.data, holder);
    select.addEventListener('change', function () {
      var f = spec.frames.filter(function (fr) { return fr.key === select.value; })[0];
      if (f) {
        current = ganttData(spec, f);
        u.setData(current.data, true);
      }
    });
    pickers[id] = select;
    return u;
  }

  function build(el) {
    var id = el.getAttribute('data-chart');
    var block = document.getElementById('data-' + id);
    if (!block) {
      return;
    }
    var spec = JSON.parse(block.textContent);
    specs[id] = spec;
    charts[id] = spec.kind === 'gantt' ? ganttChart(el, spec, id) : lineChart(el, spec);
  }

  function focus(id, min, max) {
    var spec = specs[id];
    Object.keys(charts).forEach(function (other) {
      var same = other === id || (spec && spec.sync && specs[other].sync === spec.sync);
      if (same) {
        charts[other].setScale('x', {min: min, max: max});
      }
    });
  }

  function pick(id, key) {
    var select = pickers[id];
    if (!select) {
      return;
    }
    select.value = key;
    select.dispatchEvent(new Event('change'));
  }

  Array.prototype.forEach.call(document.querySelectorAll('div[data-chart]'), build);
  window.addEventListener('resize', function () {
    Object.keys(charts).forEach(function (id) {
      var el = document.getElementById('chart-' + id);
      charts[id].setSize({width: width(el), height: charts[id].height});
    });
  });
  window.puredotsCharts = {
    get: function (id) { return charts[id]; },
    ids: function () { return Object.keys(charts); },
    focus: focus,
    pick: pick
  };
})();
