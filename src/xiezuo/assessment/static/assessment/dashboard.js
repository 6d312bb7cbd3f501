// The dashboard's charts: ranking, a choropleth of Guizhou by prefecture or by county with the pairings drawn
// as lines from Guangdong's cities, and the monthly trend of one indicator. Every region, line and bar opens
// the records behind it. Data from /assessment/dashboard/data/ (JSON); no inline script (CSP).
(function () {
  "use strict";
  var box = document.getElementById("dashboard-charts");
  if (!box || typeof echarts === "undefined") { return; }
  var select = document.getElementById("dashboard-indicator");
  var levelSelect = document.getElementById("dashboard-level");
  var mapEl = document.getElementById("dashboard-map");
  var trendEl = document.getElementById("dashboard-trend");
  var mapChart = null, trendChart = echarts.init(trendEl);
  var centres = {};   // 12-digit code -> [lng, lat] (label centre), of every region on the maps
  var names = {};     // 12-digit code -> name
  var links = {};     // region name -> records URL of the indicator shown (for clicks on the map)
  var labels = {};    // region name (as the map files spell it) -> name in the interface's script
  var mapNames = {prefecture: box.dataset.mapName, county: box.dataset.mapName + "-county"};

  function getJSON(url) {
    return url ? fetch(url, {credentials: "same-origin"}).then(function (r) { return r.json(); }) : Promise.resolve(null);
  }
  function remember(geo) {
    (geo ? geo.features : []).forEach(function (f) {
      var p = f.properties;
      p.name = p.name || f.id;
      if (p.code) { centres[p.code] = p.cp; names[p.code] = p.name; }
    });
    return geo;
  }
  // Each level's map is Guizhou (by prefecture or by county) together with Guangdong's cities.
  var mapReady = Promise.all([getJSON(box.dataset.map), getJSON(box.dataset.countyMap), getJSON(box.dataset.eastMap)])
    .then(function (geos) {
      var east = remember(geos[2]);
      [["prefecture", remember(geos[0])], ["county", remember(geos[1])]].forEach(function (pair) {
        if (!pair[1]) { return; }
        var features = pair[1].features.concat(east ? east.features : []);
        echarts.registerMap(mapNames[pair[0]], {type: "FeatureCollection", features: features});
      });
      if (!geos[1] && levelSelect) { levelSelect.disabled = true; levelSelect.value = "prefecture"; }
      if (geos[0] || geos[1]) {
        mapChart = echarts.init(mapEl);
        mapChart.on("click", function (p) {
          var url = (p.data && p.data.url) || links[p.name];
          if (url) { window.location.href = url; }
        });
      }
    });
  trendChart.on("click", function (p) { if (p.data && p.data.url) { window.location.href = p.data.url; } });

  function text(tag, value, href) {
    var el = document.createElement(tag);
    if (href) { var a = document.createElement("a"); a.href = href; a.textContent = value; el.appendChild(a); }
    else { el.textContent = value; }
    return el;
  }
  function show(value, money) { return money ? (value / 10000).toFixed(1) : String(value); }
  // The centre of a code on the map shown: the county itself, else its prefecture (a county pairing drawn on
  // the prefecture map, or a Guangdong district's city).
  function centre(code, level) {
    if (level === "county" && centres[code]) { return centres[code]; }
    return centres[code.slice(0, 4) + "00000000"] || centres[code] || null;
  }

  var last = null;
  function draw() {
    var d = last;
    if (!mapChart || !d) { return; }
    var level = levelSelect && !levelSelect.disabled ? levelSelect.value : "prefecture";
    var shown = level === "county" ? d.counties : d.regions;
    links = {};
    shown.forEach(function (r) { links[r.name] = r.url; labels[r.name] = r.label || r.name; });
    var max = shown.reduce(function (m, r) { return Math.max(m, r.value); }, 0) || 1;
    var lines = [], cities = {};
    d.pairings.forEach(function (p) {
      var from = centre(p.helper, "prefecture"), to = centre(p.helped, level);
      if (!from || !to) { return; }
      var city = p.helper.slice(0, 4) + "00000000";
      cities[city] = true;
      lines.push({name: p.label || p.name, coords: [from, to], url: p.url,
                  value: p.value === null ? "" : show(p.value, d.money)});
    });
    mapChart.setOption({
      tooltip: {trigger: "item", formatter: function (p) {
        if (p.seriesType === "lines") { return p.data.name + (p.data.value !== "" ? "：" + p.data.value : ""); }
        return (labels[p.name] || p.name) + (p.value === p.value && p.value !== undefined ? "：" + show(p.value, d.money) : "");
      }},
      visualMap: {min: 0, max: max, calculable: true, left: 0, bottom: 0, seriesIndex: 0},
      geo: {map: mapNames[level], roam: true, nameProperty: "name", label: {show: false},
            itemStyle: {areaColor: "#eef1f4", borderColor: "#999", borderWidth: 0.5},
            emphasis: {label: {show: true}}},
      series: [
        {type: "map", geoIndex: 0, name: d.indicator,
         data: shown.map(function (r) { return {name: r.name, value: r.value, url: r.url, code: r.code}; })},
        {type: "lines", coordinateSystem: "geo", zlevel: 1, name: "pairings",
         lineStyle: {color: "#c0392b", width: 1.5, opacity: 0.7, curveness: 0.2},
         effect: {show: false}, data: lines},
        {type: "scatter", coordinateSystem: "geo", symbolSize: 6, itemStyle: {color: "#c0392b"},
         label: {show: true, position: "right", formatter: "{b}", fontSize: 10},
         data: Object.keys(cities).map(function (c) { return {name: (d.cities || {})[c] || names[c] || c, value: centres[c]}; })}
      ]
    }, true);
    box.dataset.level = level;
  }

  var asked = 0;  // the latest request: an earlier indicator's answer arriving after it is dropped
  function load() {
    var wanted = select.value, mine = ++asked;
    var url = box.dataset.url + "?year=" + encodeURIComponent(box.dataset.year) + "&indicator=" +
      encodeURIComponent(wanted);
    Promise.all([getJSON(url), mapReady]).then(function (all) {
      if (mine !== asked) { return; }
      var d = last = all[0];
      var body = document.querySelector("#dashboard-ranking tbody");
      body.textContent = "";
      d.regions.forEach(function (r, i) {
        var tr = document.createElement("tr");
        tr.appendChild(text("td", String(i + 1)));
        tr.appendChild(text("td", r.label || r.name, r.url));
        var td = text("td", show(r.value, d.money), r.url); td.className = "text-end"; tr.appendChild(td);
        body.appendChild(tr);
      });
      draw();
      trendChart.setOption({
        tooltip: {trigger: "axis"}, xAxis: {type: "category", data: d.trend.map(function (t) { return t.month; })},
        yAxis: {type: "value"},
        series: [{type: "bar", name: d.indicator,
                  data: d.trend.map(function (t) { return {value: t.value, url: t.url}; })}]
      }, true);
      box.dataset.shown = wanted;  // which indicator the charts now show
    });
  }
  select.addEventListener("change", load);
  if (levelSelect) { levelSelect.addEventListener("change", draw); }
  load();
})();
