// Draws the cluster graph from the JSON that the page embeds with json_script (CSP: no inline script).
// Records are squares, identifiers circles; a click or Enter opens the node's page. The tables below the
// graph carry the same information for keyboards, screen readers and browsers without JavaScript.
(function () {
  "use strict";
  var holder = document.getElementById("network-graph");
  var data = document.getElementById("graph-data");
  if (!holder || !data || typeof window.cytoscape !== "function") {
    return;
  }
  var graph = JSON.parse(data.textContent);
  var colours = {
    phone: "#1f6f8b", email: "#6b4c9a", url: "#2e7d32", handle: "#c2185b", account: "#e65100",
    company: "#5d4037", person: "#455a64", passport: "#283593", plate: "#827717", vessel: "#00695c"
  };
  var elements = [];
  graph.nodes.forEach(function (node) {
    elements.push({ data: node, classes: node.type + (node.confirmed ? " confirmed" : "") });
  });
  graph.edges.forEach(function (edge, index) {
    elements.push({ data: { id: "e" + index, source: edge.source, target: edge.target } });
  });
  var cy = window.cytoscape({
    container: holder,
    elements: elements,
    wheelSensitivity: 0.3,
    style: [
      { selector: "node", style: { label: "data(label)", "font-size": 9, "text-wrap": "ellipsis",
        "text-max-width": 110, "text-valign": "bottom", "text-margin-y": 3 } },
      { selector: "node.record", style: { shape: "round-rectangle", width: 14, height: 14,
        "background-color": "#8d99ae" } },
      { selector: "node.identifier", style: { width: 20, height: 20, "background-color": function (node) {
        return colours[node.data("kind")] || "#333"; } } },
      { selector: "node.confirmed", style: { "border-width": 3, "border-color": "#b71c1c" } },
      { selector: "edge", style: { width: 1, "line-color": "#c5c9d0" } }
    ],
    layout: { name: elements.length > 400 ? "concentric" : "cose", animate: false }
  });
  cy.on("tap", "node", function (event) {
    var url = event.target.data("url");
    if (url) {
      window.location.href = url;
    }
  });
  holder.setAttribute("data-ready", String(cy.nodes().length));
})();
