// Charts of the /reports page, drawn by Apache ECharts from the figures the server embedded as JSON
// (<script type="application/json" id="report-data">). Every chart has its table next to it; without JavaScript the
// tables remain. Each chart container gets data-chart-ready="true" once ECharts has rendered it (the browser test
// waits for that).
(function () {
  'use strict';

  var palette = ['#0b5cad', '#1d6b3a', '#8a5200', '#a4161a', '#5b3f99', '#00738a'];

  function data() {
    var element = document.getElementById('report-data');
    return element ? JSON.parse(element.textContent) : null;
  }

  function draw(id, option) {
    var element = document.getElementById(id);
    if (!element || typeof echarts === 'undefined') {
      return;
    }
    var chart = echarts.init(element, null, { renderer: 'canvas' });
    chart.on('finished', function () {
      element.setAttribute('data-chart-ready', 'true');
    });
    option.color = palette;
    option.aria = { enabled: true };
    option.animation = false;
    option.grid = option.grid || { left: 48, right: 16, top: 40, bottom: 48, containLabel: true };
    option.tooltip = option.tooltip || { trigger: 'axis' };
    chart.setOption(option);
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function bars(id, counts, name, horizontal) {
    var labels = counts.map(function (c) { return c.label; });
    var values = counts.map(function (c) { return c.count; });
    var category = { type: 'category', data: labels, axisLabel: { interval: 0, overflow: 'truncate', width: 110 } };
    var value = { type: 'value', minInterval: 1 };
    draw(id, {
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? Object.assign({ inverse: true }, category) : value,
      series: [{ type: 'bar', name: name, data: values, label: { show: values.length <= 12, position: horizontal ? 'right' : 'top' } }]
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var report = data();
    if (!report) {
      return;
    }
    var volume = report.volume;
    var kpis = report.kpis;
    var days = volume.buckets.map(function (b) { return b.start; });
    function series(name, key, type) {
      return { name: name, type: type || 'line', data: volume.buckets.map(function (b) { return b[key]; }),
        showSymbol: volume.buckets.length <= 45 };
    }
    draw('chart-volume', {
      legend: { top: 0 },
      xAxis: { type: 'category', data: days },
      yAxis: { type: 'value', minInterval: 1 },
      dataZoom: volume.buckets.length > 60 ? [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 4 }] : [],
      series: [series('Opened', 'opened', 'bar'), series('Resolved', 'resolved'), series('Closed', 'closed'),
        series('Canceled', 'canceled')]
    });
    bars('chart-backlog-priority', kpis.backlogNow.byPriority, 'Open incidents');
    bars('chart-backlog-age', kpis.backlogNow.byAge, 'Open incidents');
    bars('chart-backlog-group', kpis.backlogNow.byAssignmentGroup, 'Open incidents', true);
    bars('chart-top-services', kpis.topServices, 'Incidents reported', true);
    bars('chart-top-cis', kpis.topConfigurationItems, 'Incidents reported', true);
    var groups = kpis.groups;
    draw('chart-groups', {
      legend: { top: 0 },
      xAxis: { type: 'category', data: groups.map(function (g) { return g.label; }),
        axisLabel: { interval: 0, overflow: 'truncate', width: 90 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: 'Opened', type: 'bar', data: groups.map(function (g) { return g.figures.opened; }) },
        { name: 'Resolved', type: 'bar', data: groups.map(function (g) { return g.figures.resolved; }) },
        { name: 'Open now', type: 'bar', data: groups.map(function (g) { return g.figures.backlog; }) }
      ]
    });
  });
}());
