/* Monthly sales charts: every element with data-monthly-chart="<json url>" becomes an ECharts bar chart.
   Kept in a static file (no inline script: the pages run under a Content-Security-Policy). */
(function () {
  "use strict";
  function draw(el) {
    if (el.dataset.drawn || typeof echarts === "undefined") { return; }
    el.dataset.drawn = "1";
    fetch(el.dataset.monthlyChart, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (d) {
        if (!d.months || !d.months.length) { el.textContent = el.dataset.empty || ""; return; }
        el.style.height = "280px";
        var chart = echarts.init(el);
        chart.setOption({
          tooltip: { trigger: "axis" },
          legend: { data: [d.labels.counted, d.labels.reported] },
          grid: { left: 60, right: 20, top: 40, bottom: 40 },
          xAxis: { type: "category", data: d.months },
          yAxis: { type: "value", name: d.labels.unit },
          series: [
            { name: d.labels.counted, type: "bar", data: d.counted },
            { name: d.labels.reported, type: "line", data: d.reported }
          ]
        });
        el.dataset.months = d.months.join(",");
        window.addEventListener("resize", function () { chart.resize(); });
      });
  }
  function all() { document.querySelectorAll("[data-monthly-chart]").forEach(draw); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", all); } else { all(); }
})();
