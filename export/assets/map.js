// citegraph's co-citation map. The data sit in the page as JSON; every text
// from it reaches the page through textContent, never as HTML.
(function () {
  "use strict";
  var errors = [];
  var errorBox = document.getElementById("errors");
  function report(msg) {
    errors.push(String(msg));
    errorBox.hidden = false;
    errorBox.textContent = errors.join("\n");
    document.body.setAttribute("data-errors", String(errors.length));
  }
  window.addEventListener("error", function (e) { report(e.message || e); });
  var consoleError = console.error;
  console.error = function () {
    report(Array.prototype.join.call(arguments, " "));
    consoleError.apply(console, arguments);
  };

  var statusEl = document.getElementById("status");
  var data = JSON.parse(document.getElementById("citegraph-data").textContent);
  // What the nodes are ("work" unless the data say otherwise).
  var item = data.item || "work";
  function count(k, what) { return k + " " + what + (k === 1 ? "" : "s"); }
  if (data.hint) { document.querySelector("#details .hint").textContent = data.hint; }
  var col = {};
  data.columns.forEach(function (c, i) { col[c] = i; });
  function value(n, name) {
    return col[name] === undefined ? "" : (n.values[col[name]] || "");
  }
  // What a search looks in: label, authors and title.
  var haystack = data.nodes.map(function (n) {
    return [n.label, value(n, "authors"), value(n, "first_author"), value(n, "author"), value(n, "title"), value(n, "year")]
      .join(" ").toLowerCase();
  });

  var maxW = 1;
  data.edges.forEach(function (e) { if (e[2] > maxW) { maxW = e[2]; } });
  var elements = [];
  data.nodes.forEach(function (n, i) {
    elements.push({ group: "nodes", data: { id: "n" + i, i: i, label: n.label, color: n.color, size: n.size }, position: { x: n.x, y: n.y } });
  });
  data.edges.forEach(function (e, i) {
    elements.push({ group: "edges", data: { id: "e" + i, source: "n" + e[0], target: "n" + e[1], w: e[2] } });
  });
  var big = data.nodes.length > 2000;
  var cy = cytoscape({
    container: document.getElementById("cy"),
    elements: elements,
    layout: { name: "preset", fit: true, padding: 20 },
    minZoom: 0.02,
    maxZoom: 20,
    textureOnViewport: big,
    hideEdgesOnViewport: big,
    style: [
      { selector: "node", style: {
        "background-color": "data(color)", "width": "data(size)", "height": "data(size)",
        "label": "data(label)", "font-size": 5, "min-zoomed-font-size": 9, "color": "#222",
        "text-valign": "bottom", "text-margin-y": 1, "border-width": 0 } },
      { selector: "edge", style: {
        "curve-style": "haystack", "line-color": "#999", "opacity": 0.35,
        "width": "mapData(w, 1, " + maxW + ", 0.2, 2.5)" } },
      { selector: ".faded", style: { "opacity": 0.12 } },
      { selector: "node.match", style: { "border-width": 2, "border-color": "#000", "opacity": 1, "z-index": 10 } },
      { selector: "node:selected", style: { "border-width": 3, "border-color": "#d00", "z-index": 20, "min-zoomed-font-size": 0 } }
    ]
  });

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }
  function workLink(i) {
    var a = el("a", data.nodes[i].label, "work");
    a.href = "#node=" + encodeURIComponent(data.nodes[i].id);
    a.addEventListener("click", function (ev) { ev.preventDefault(); select(i, true); });
    return a;
  }

  var details = document.getElementById("details");
  function select(i, center) {
    var n = data.nodes[i];
    cy.$(":selected").unselect();
    var node = cy.getElementById("n" + i);
    node.select();
    if (center) { cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 2) }, { duration: 300 }); }
    details.textContent = "";
    details.appendChild(el("h2", n.label));
    var title = value(n, "title");
    if (title) { details.appendChild(el("p", title)); }
    var table = el("table");
    data.columns.forEach(function (c, k) {
      var tr = el("tr");
      tr.appendChild(el("td", c));
      tr.appendChild(el("td", n.values[k]));
      table.appendChild(tr);
    });
    details.appendChild(table);
    details.appendChild(el("h2", (data.byLabel || "Cited by") + " " + count(n.by.length, "record")));
    var ol = el("ol");
    n.by.forEach(function (r) {
      var rec = data.records[r];
      var li = el("li");
      li.appendChild(el("b", rec[1]));
      if (rec[2]) { li.appendChild(document.createTextNode(" — " + rec[2])); }
      ol.appendChild(li);
    });
    details.appendChild(ol);
    var neighbours = node.neighborhood("node").map(function (m) { return m.data("i"); });
    if (neighbours.length) {
      details.appendChild(el("h2", data.item ? "Linked to" : "Co-cited with"));
      var ul = el("ul");
      neighbours.slice(0, 50).forEach(function (j) { var li = el("li"); li.appendChild(workLink(j)); ul.appendChild(li); });
      details.appendChild(ul);
    }
    document.body.setAttribute("data-selected", n.id);
  }
  cy.on("tap", "node", function (e) { select(e.target.data("i"), false); });

  var results = document.getElementById("results");
  function search(q) {
    q = q.trim().toLowerCase();
    cy.batch(function () {
      cy.elements().removeClass("faded match");
      if (!q) { return; }
      cy.elements().addClass("faded");
    });
    results.textContent = "";
    if (!q) {
      results.hidden = true;
      document.body.removeAttribute("data-matches");
      return [];
    }
    var found = [];
    haystack.forEach(function (h, i) { if (h.indexOf(q) >= 0) { found.push(i); } });
    cy.batch(function () {
      found.forEach(function (i) { cy.getElementById("n" + i).removeClass("faded").addClass("match"); });
    });
    results.hidden = false;
    results.appendChild(el("h2", count(found.length, item) + (found.length === 1 ? " matches" : " match")));
    var ol = el("ol");
    found.slice(0, 100).forEach(function (i) {
      var li = el("li");
      li.setAttribute("data-id", data.nodes[i].id);
      li.appendChild(workLink(i));
      var t = value(data.nodes[i], "title");
      if (t) { li.appendChild(document.createTextNode(" — " + t)); }
      ol.appendChild(li);
    });
    results.appendChild(ol);
    document.body.setAttribute("data-matches", String(found.length));
    return found;
  }
  var input = document.getElementById("search");
  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { search(input.value); }, 150);
  });

  // The legend: the largest clusters.
  var legend = document.getElementById("legend");
  var clusters = {};
  data.nodes.forEach(function (n) {
    if (!n.cluster) { return; }
    var c = clusters[n.cluster] || (clusters[n.cluster] = { n: 0, top: -1, color: n.color });
    c.n++;
    if (c.top < 0 || n.size > data.nodes[c.top].size) { c.top = data.nodes.indexOf(n); }
  });
  var keys = Object.keys(clusters).sort(function (a, b) { return clusters[b].n - clusters[a].n || a - b; });
  if (data.overlay) {
    // The overlay's colour scale, from its lowest to its highest score.
    var o = data.overlay;
    legend.appendChild(el("h2", "Coloured by " + o.label));
    var bar = el("div", undefined, "scale");
    bar.style.background = "linear-gradient(to right, " + o.colors.join(", ") + ")";
    legend.appendChild(bar);
    var ends = el("p", undefined, "scale-ends");
    var fmt = function (x) { return Math.abs(x) >= 100 ? String(Math.round(x)) : String(Math.round(x * 100) / 100); };
    ends.appendChild(el("span", fmt(o.min) + " or less"));
    ends.appendChild(el("span", fmt(o.max) + " or more"));
    legend.appendChild(ends);
    document.body.setAttribute("data-overlay", o.label);
  } else if (keys.length) {
    legend.appendChild(el("h2", keys.length + (keys.length === 1 ? " cluster" : " clusters")));
    var ul = el("ul");
    keys.slice(0, 12).forEach(function (k) {
      var li = el("li");
      var sw = el("span", undefined, "swatch");
      sw.style.background = clusters[k].color;
      li.appendChild(sw);
      li.appendChild(document.createTextNode("cluster " + k + ", " + count(clusters[k].n, item) + ": "));
      li.appendChild(workLink(clusters[k].top));
      ul.appendChild(li);
    });
    legend.appendChild(ul);
  }

  // The page's state, for people and for tests: nodes drawn are those
  // inside the view after fitting.
  var w = cy.width(), h = cy.height(), drawn = 0;
  cy.nodes().forEach(function (n) {
    var p = n.renderedPosition();
    if (isFinite(p.x) && isFinite(p.y) && p.x >= -1 && p.y >= -1 && p.x <= w + 1 && p.y <= h + 1 && n.visible()) { drawn++; }
  });
  statusEl.textContent = count(data.nodes.length, item) + ", " + data.edges.length + " of " + data.linksTotal + " links drawn";
  document.body.setAttribute("data-nodes", String(data.nodes.length));
  document.body.setAttribute("data-drawn", String(drawn));
  document.body.setAttribute("data-edges", String(cy.edges().length));

  // #search=TEXT and #node=ID (joined by &) search and select on load.
  location.hash.slice(1).split("&").forEach(function (part) {
    var eq = part.indexOf("="), key = part.slice(0, eq), val;
    try { val = decodeURIComponent(part.slice(eq + 1)); } catch (e) { return; }
    if (key === "search") {
      input.value = val;
      search(val);
    } else if (key === "node") {
      for (var i = 0; i < data.nodes.length; i++) {
        if (data.nodes[i].id === val) { select(i, true); break; }
      }
    }
  });
  document.body.setAttribute("data-status", errors.length ? "error" : "ready");
})();
