// The dashboard's charts: ranking, choropleth and monthly trend of one indicator; every element opens the
// records behind it. Data from /assessment/dashboard/data/ (JSON); no inline script (CSP).
(function () {
  "use strict";
  var box = document.getElementById("dashboard-charts");
  if (!box || typeof echarts === "undefined") { return; }
  var select = document.getElementById("dashboard-indicator");
  var mapEl = document.getElementById("dashboard-map");
  var trendEl = document.getElementById("dashboard-trend");
  var mapName = box.dataset.mapName;
  var mapChart = null, trendChart = echarts.init(trendEl);
  var mapReady = box.dataset.map ? fetch(box.dataset.map).then(function (r) { return r.json(); }).then(function (geo) {
    geo.features.forEach(function (f) { f.properties.name = f.properties.name || f.id; });
    echarts.registerMap(mapName, geo);
    mapChart = echarts.init(mapEl);
    mapChart.on("click", function (p) { if (p.data && p.data.url) { window.location.href = p.data.url; } });
  }) : Promise.resolve();
  trendChart.on("click", function (p) { if (p.data && p.data.url) { window.location.href = p.data.url; } });

  function text(tag, value, href) {
    var el = document.createElement(tag);
    if (href) { var a = document.createElement("a"); a.href = href; a.textContent = value; el.appendChild(a); }
    else { el.textContent = value; }
    return el;
  }
  function show(value, money) { return money ? (value / 10000).toFixed(1) : String(value); }

  function load() {
    var url = box.dataset.url + "?year=" + encodeURIComponent(box.dataset.year) + "&indicator=" +
      encodeURIComponent(select.value);
    Promise.all([fetch(url, {credentials: "same-origin"}).then(function (r) { return r.json(); }), mapReady])
      .then(function (all) {
        var d = all[0];
        var body = document.querySelector("#dashboard-ranking tbody");
        body.textContent = "";
        d.regions.forEach(function (r, i) {
          var tr = document.createElement("tr");
          tr.appendChild(text("td", String(i + 1)));
          tr.appendChild(text("td", r.name, r.url));
          var td = text("td", show(r.value, d.money), r.url); td.className = "text-end"; tr.appendChild(td);
          body.appendChild(tr);
        });
        if (mapChart) {
          var max = d.regions.reduce(function (m, r) { return Math.max(m, r.value); }, 0) || 1;
          mapChart.setOption({
            tooltip: {trigger: "item"},
            visualMap: {min: 0, max: max, calculable: true, left: 0, bottom: 0},
            series: [{type: "map", map: mapName, nameProperty: "name",
                      data: d.regions.map(function (r) { return {name: r.name, value: r.value, url: r.url}; })}]
          }, true);
        }
        trendChart.setOption({
          tooltip: {trigger: "axis"}, xAxis: {type: "category", data: d.trend.map(function (t) { return t.month; })},
          yAxis: {type: "value"},
          series: [{type: "bar", name: d.indicator,
                    data: d.trend.map(function (t) { return {value: t.value, url: t.url}; })}]
        }, true);
        box.dataset.shown = select.value;  // which indicator the charts now show
      });
  }
  select.addEventListener("change", load);
  load();
})();
