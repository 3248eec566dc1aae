// Coverage map: reads the villages from the coverage table (data-lat/-lng/-reached), so the table stays the
// source and the page works without JavaScript. Tiles only when the server configures a tile URL.
(function () {
  "use strict";
  function init() {
    var box = document.getElementById("coverage-map");
    if (!box || typeof L === "undefined") { return; }
    var table = document.getElementById(box.dataset.table);
    var rows = table ? table.querySelectorAll("tbody tr[data-lat]") : [];
    if (!rows.length) { box.hidden = true; return; }
    var map = L.map(box, { attributionControl: !!box.dataset.tileUrl });
    if (box.dataset.tileUrl) {
      L.tileLayer(box.dataset.tileUrl, { maxZoom: 18, attribution: box.dataset.tileAttribution || "" }).addTo(map);
    }
    var points = [];
    rows.forEach(function (row) {
      var lat = parseFloat(row.dataset.lat), lng = parseFloat(row.dataset.lng);
      if (isNaN(lat) || isNaN(lng)) { return; }
      var reached = row.dataset.reached === "1";
      L.circleMarker([lat, lng], {
        radius: 8, weight: 2, color: reached ? "#1d6b36" : "#a4161a",
        fillColor: reached ? "#3fa35f" : "#e5383b", fillOpacity: 0.85
      }).bindTooltip(row.dataset.label || row.dataset.code, { permanent: !box.dataset.tileUrl, direction: "top" }).addTo(map);
      points.push([lat, lng]);
    });
    if (points.length === 1) { map.setView(points[0], 12); } else { map.fitBounds(points, { padding: [30, 30] }); }
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
