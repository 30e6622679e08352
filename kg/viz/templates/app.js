// Globals, as in pyvis's own page: the vis.js Network and its DataSets.
var nodes;
var edges;
var network;
var options;
var data;

(function () {
  "use strict";
  var payload = JSON.parse(document.getElementById("kg-data").textContent);
  var root = document.documentElement;
  var L = payload.layout, C = payload.labels;
  var face = payload.options.nodes.font.face;
  var FIT_MARGIN = 16; // screen pixels left around the drawing by fitView
  var EDGE_ROOM = 6; // screen pixels between a label of the first paint and the canvas' edge

  // What the page started with: positions, components, neighbours, communities.
  var first = {x: {}, y: {}, component: {}, componentSize: {}};
  var order = [], byId = {}, neighbours = {};
  payload.nodes.forEach(function (n) {
    order.push(n.id);
    byId[n.id] = n;
    neighbours[n.id] = [];
    first.x[n.id] = n.x;
    first.y[n.id] = n.y;
    first.component[n.id] = n.component;
    first.componentSize[n.component] = (first.componentSize[n.component] || 0) + 1;
  });
  payload.edges.forEach(function (e) {
    neighbours[e.from].push(e.to);
    neighbours[e.to].push(e.from);
  });
  var communities = {};
  payload.communities.forEach(function (c) { communities[c.id] = c; });

  function norm(text) {
    return String(text).normalize("NFKC").replace(/\s+/g, "").replace(/^《|》$/g, "").toLowerCase();
  }
  function setText(id, text) {
    var el = document.getElementById(id);
    if (el) { el.textContent = text; }
  }

  // ---- Signing dates (dates.js).
  var span = kgDates.span, signedWithin = kgDates.signedWithin;
  // The range asked for: {from, to} (either may be null), or {error}.
  function dateRange() {
    var from = document.getElementById("kg-date-from");
    var to = document.getElementById("kg-date-to");
    if (!from || !to) { return {from: null, to: null}; }
    var a = from.value.trim(), b = to.value.trim(), range = {from: null, to: null};
    if (a) {
      var sa = span(a);
      if (!sa) { return {error: a}; }
      range.from = sa[0];
    }
    if (b) {
      var sb = span(b);
      if (!sb) { return {error: b}; }
      range.to = sb[1];
    }
    return range;
  }

  // ---- Communities collapsed into one node each.
  var collapsed = {};
  function clusterId(cid) { return "community:" + cid; }
  // network.isCluster, without its console error for an id that is not (or no longer) a node
  function isCluster(id) {
    var node = network.body.nodes[id];
    return node !== undefined && node.isCluster === true;
  }
  function collapse(cid) {
    var c = communities[cid];
    if (!c || c.size < payload.collapseMin || isCluster(clusterId(cid))) { return false; }
    var visible = nodes.get({filter: function (n) { return n.community === cid && !n.hidden; }});
    if (visible.length < Math.max(2, payload.collapseMin)) { return false; }
    network.cluster({
      joinCondition: function (o) { return o.community === cid && !o.hidden; },
      clusterNodeProperties: {
        id: clusterId(cid),
        label: c.name + " (" + visible.length + ")",
        title: c.title,
        shape: "dot",
        size: Math.min(25 + 8 * Math.sqrt(visible.length), 120),
        color: {background: "#dddddd", border: "#555555"},
        borderWidth: 2,
        community: cid,
        degree: visible.length
      }
    });
    collapsed[cid] = true;
    origin[cid] = network.getPositions([clusterId(cid)])[clusterId(cid)];
    markCommunity(cid);
    return true;
  }
  // vis-network puts the nodes of an opened cluster where the cluster is; they go back to where
  // they were instead (moved as far as the cluster was dragged).
  var origin = {};
  function openCluster(cid) {
    var id = clusterId(cid);
    if (!isCluster(id)) { return; }
    network.openCluster(id, {
      releaseFunction: function (at, inside) {
        var from = origin[cid] || at, out = {};
        Object.keys(inside).forEach(function (k) {
          out[k] = {x: inside[k].x + at.x - from.x, y: inside[k].y + at.y - from.y};
        });
        return out;
      }
    });
  }
  function expand(cid) {
    openCluster(cid);
    delete collapsed[cid];
    markCommunity(cid);
  }
  var buttons = {};
  document.querySelectorAll(".kg-community").forEach(function (button) {
    buttons[button.getAttribute("data-community")] = button;
  });
  function markCommunity(cid) {
    var button = buttons[cid];
    if (button) { button.setAttribute("aria-pressed", collapsed[cid] ? "true" : "false"); }
  }
  function toggle(cid) {
    if (collapsed[cid]) { expand(cid); } else { collapse(cid); }
    placeLabels();
  }
  window.kgCollapse = function (cid) { var done = collapse(cid); placeLabels(); return done; };
  window.kgExpand = function (cid) { expand(cid); placeLabels(); };
  function setCollapsed(all) {
    payload.communities.forEach(function (c) {
      if (all) { collapse(c.id); } else { expand(c.id); }
    });
    placeLabels();
  }

  // ---- Labels by zoom level (labels.js) and a view that fits the drawn nodes.
  function drawnItems() {
    return network.body.nodeIndices.map(function (id) {
      var node = network.body.nodes[id], cluster = isCluster(id);
      var degree = cluster ? node.options.degree : byId[id].degree;
      return {
        id: id, x: node.x, y: node.y, size: node.options.size || 0,
        label: node.options.label || "", degree: degree,
        hub: cluster || degree >= C.hubDegree ? 1 : 0
      };
    });
  }
  // vis-network draws a label at its font size whatever the zoom (its `maxVisible` only fades
  // it), so the larger fonts of the labels placed for the first levels are brought down as one
  // zooms in: never more than `max` pixels on screen, never less than the base font.
  var assigned = {}, shownFont = {};
  function capped(f, s) { return f <= C.base ? f : Math.max(C.base, Math.min(f, C.max / s)); }
  function setFonts() {
    var s = network.getScale(), updates = [];
    Object.keys(assigned).forEach(function (id) {
      var size = Math.round(capped(assigned[id], s) * 100) / 100;
      if (shownFont[id] === size) { return; }
      if (isCluster(id)) {
        network.clustering.updateClusteredNode(id, {font: {size: size}});
      } else if (byId[id]) {
        updates.push({id: id, font: {size: size}});
      } else {
        return;
      }
      shownFont[id] = size;
    });
    if (updates.length) { nodes.update(updates); }
  }
  // after any change of scale (a wheel, a pinch, network.moveTo or fit): the next frame
  var capping = false, cappedAt = null;
  function capOnZoom() {
    var s = network.getScale();
    if (capping || s === cappedAt) { return; }
    capping = true;
    requestAnimationFrame(function () { capping = false; cappedAt = network.getScale(); setFonts(); });
  }
  function placeLabels() {
    var canvas = document.getElementById("mynetwork");
    var corner = network.DOMtoCanvas({x: EDGE_ROOM, y: EDGE_ROOM});
    var far = network.DOMtoCanvas({
      x: canvas.clientWidth - EDGE_ROOM, y: canvas.clientHeight - EDGE_ROOM
    });
    var view = [corner.x, corner.y, far.x, far.y];
    var frame = gridFrame();
    var caption = frame && !moved ? gridCaption(frame) : null;
    var placed = kgLabels.place(drawnItems(), network.getScale(), C, face, view, caption);
    Object.keys(shownFont).forEach(function (id) {  // a cluster opened since has gone
      if (!(id in placed.fonts)) { delete shownFont[id]; }
    });
    assigned = placed.fonts;
    setFonts();
    window.kgLabelLevels = placed.levels;
    window.kgLabelScales = placed.scales;
    network.redraw();
  }

  function fitView() {
    var ids = network.body.nodeIndices;
    if (!ids.length) { return; }
    var x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    ids.forEach(function (id) {
      var n = network.body.nodes[id];
      x0 = Math.min(x0, n.x); x1 = Math.max(x1, n.x);
      y0 = Math.min(y0, n.y); y1 = Math.max(y1, n.y);
    });
    var canvas = document.getElementById("mynetwork");
    var w = x1 - x0 + 2 * L.pad[0], h = y1 - y0 + 2 * L.pad[1];
    var margin = 2 * FIT_MARGIN;
    var scale = Math.min((canvas.clientWidth - margin) / w, (canvas.clientHeight - margin) / h, 1.2);
    network.moveTo({position: {x: (x0 + x1) / 2, y: (y0 + y1) / 2}, scale: scale, animation: false});
  }
  window.kgPlaceLabels = placeLabels;
  window.kgFit = function () { fitView(); placeLabels(); };

  // ---- Filters: classes (the legend's boxes) and signing dates; then the layout again.
  function hiddenNow() {
    var shown = {};
    var boxes = document.querySelectorAll("#kg-legend input[data-class]");
    for (var i = 0; i < boxes.length; i++) {
      shown[boxes[i].getAttribute("data-class")] = boxes[i].checked;
    }
    var range = dateRange();
    var undatedBox = document.getElementById("kg-date-undated");
    var undated = Boolean(undatedBox && undatedBox.checked);
    var outOfRange = {}, hidden = {}, agreements = 0;
    if (range.error === undefined) {
      order.forEach(function (id) {
        var n = byId[id];
        if (n.group === "Agreement") {
          if (signedWithin(n.signedOn, range, undated)) { agreements++; } else { outOfRange[id] = true; }
        }
      });
    }
    order.forEach(function (id) {
      var n = byId[id], ns = neighbours[id];
      // a node whose every neighbour is an agreement outside the range goes with them
      var orphan = !outOfRange[id] && ns.length > 0 &&
        ns.every(function (m) { return outOfRange[m]; });
      hidden[id] = shown[n.group] === false || Boolean(outOfRange[id]) || orphan;
    });
    return {hidden: hidden, range: range, agreements: agreements};
  }

  // The nodes without a visible edge, drawn in a grid framed and captioned by drawGrid.
  var alone = order.filter(function (id) { return first.component[id] === -1; });
  var GRID_CAPTION = "孤立节点 · nodes without edges";
  function gridFrame() {
    var x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity, count = 0;
    var drawn = {};
    network.body.nodeIndices.forEach(function (id) { drawn[id] = true; });
    alone.forEach(function (id) {
      if (!drawn[id]) { return; }
      var n = network.body.nodes[id];
      x0 = Math.min(x0, n.x); x1 = Math.max(x1, n.x);
      y0 = Math.min(y0, n.y); y1 = Math.max(y1, n.y);
      count++;
    });
    var m = L.cell[1] / 2;
    return count < 2 ? null : {x0: x0 - m, y0: y0 - m, x1: x1 + m, y1: y1 + m, count: count};
  }
  // The caption's box as a function of the scale (canvas units): 12 pixels high on screen,
  // over the frame.
  var measure = document.createElement("canvas").getContext("2d");
  function gridCaption(frame) {
    measure.font = "12px " + face;
    var w = measure.measureText(GRID_CAPTION + " (" + frame.count + ")").width;
    return function (s) { return [frame.x0, frame.y0 - 18 / s, frame.x0 + w / s, frame.y0]; };
  }
  function drawGrid(ctx) {
    var frame = moved ? null : gridFrame();
    if (!frame) { return; }
    var s = network.getScale();
    var x0 = frame.x0, y0 = frame.y0, w = frame.x1 - x0, h = frame.y1 - y0;
    ctx.save();
    ctx.fillStyle = "rgba(120, 120, 120, 0.06)";
    ctx.strokeStyle = "rgba(120, 120, 120, 0.45)";
    ctx.lineWidth = 1 / s;
    ctx.setLineDash([4 / s, 4 / s]);
    ctx.fillRect(x0, y0, w, h);
    ctx.strokeRect(x0, y0, w, h);
    ctx.fillStyle = "#555555";
    ctx.font = (12 / s) + "px " + face;
    ctx.textBaseline = "bottom";
    ctx.fillText(GRID_CAPTION + " (" + frame.count + ")", x0, y0 - 3 / s);
    ctx.restore();
  }

  function relayout(hidden) {
    moved = false;
    var visible = order.filter(function (id) { return !hidden[id]; });
    var shown = {};
    visible.forEach(function (id) { shown[id] = true; });
    alone = visible.filter(function (id) {
      return !neighbours[id].some(function (m) { return shown[m] && m !== id; });
    });
    var pos;
    if (visible.length === order.length) {
      pos = {};
      order.forEach(function (id) { pos[id] = [first.x[id], first.y[id]]; });
    } else {
      var pairs = payload.edges.map(function (e) { return [e.from, e.to]; });
      pos = kgLayout.relayout(visible, pairs, first, L);
    }
    // straight onto the drawn nodes: a DataSet update of 5,000 positions takes a second
    visible.forEach(function (id) {
      var node = network.body.nodes[id];
      node.x = pos[id][0];
      node.y = pos[id][1];
    });
  }

  function applyFilter() {
    var state = hiddenNow();
    var keep = Object.keys(collapsed);
    keep.forEach(openCluster);
    var updates = [];
    nodes.forEach(function (n) {
      var hide = state.hidden[n.id];
      if (Boolean(n.hidden) !== hide) { updates.push({id: n.id, hidden: hide}); }
    });
    if (updates.length) { nodes.update(updates); }
    relayout(state.hidden);
    collapsed = {};
    keep.forEach(function (cid) { collapse(+cid); });
    Object.keys(buttons).forEach(markCommunity);
    fitView();
    placeLabels();
    var visible = nodes.get({filter: function (n) { return !n.hidden; }}).length;
    setText("kg-visible", visible + " / " + nodes.length);
    var r = state.range;
    if (r.error !== undefined) {
      setText("kg-date-status", "无效日期 not a date: " + r.error + " (YYYY, YYYY-MM, YYYY-MM-DD)");
    } else if (r.from !== null || r.to !== null) {
      setText("kg-date-status", (r.from || "…") + " – " + (r.to || "…") + " · " +
        state.agreements + " 份协议 agreements");
    } else {
      setText("kg-date-status", "");
    }
  }
  window.kgApplyFilter = applyFilter;

  // ---- Physics on or off (off from the start unless asked for); once the simulation has
  // moved the nodes, the grid of isolated nodes is no longer framed, until the next layout.
  var physicsOn = false, moved = false;
  function showPhysics() {
    setText("kg-layout-status", physicsOn
      ? "布局: 物理模拟运行中 (physics on)"
      : "布局: 社区布局 (community layout)");
    setText("kg-physics", physicsOn ? "停止物理模拟 physics off" : "运行物理模拟 physics on");
  }
  function togglePhysics() {
    physicsOn = !physicsOn;
    moved = true;
    network.setOptions({physics: {enabled: physicsOn, stabilization: {enabled: false}}});
    if (!physicsOn) { placeLabels(); }
    showPhysics();
  }

  function setAll(checked) {
    var boxes = document.querySelectorAll("#kg-legend input[data-class]");
    for (var i = 0; i < boxes.length; i++) { boxes[i].checked = checked; }
    applyFilter();
  }

  // ---- Search by name: select the matching visible nodes and bring them into view.
  function search(query, focusFirst) {
    var q = norm(query);
    if (!q) {
      network.unselectAll();
      setText("kg-search-status", "");
      return [];
    }
    var hits = nodes.get({
      filter: function (n) { return !n.hidden && n.search.indexOf(q) !== -1; }
    }).map(function (n) { return n.id; });
    hits.forEach(function (id) {  // open the community a hit is folded into
      var cid = byId[id].community;
      if (collapsed[cid]) { expand(cid); }
    });
    network.selectNodes(hits);
    if (hits.length === 1 || (focusFirst && hits.length)) {
      network.focus(hits[0], {scale: 1.2, animation: {duration: 300}});
    } else if (hits.length > 1) {
      network.fit({nodes: hits, animation: {duration: 300}});
    }
    setText("kg-search-status", hits.length
      ? hits.length + " 个匹配 match" + (hits.length > 1 ? "es" : "")
      : "无匹配 no match");
    return hits;
  }
  window.kgSearch = search;

  function fillNames() {
    var list = document.getElementById("kg-names");
    var seen = {};
    order.forEach(function (id) {
      var name = byId[id].title.split("\n")[1];
      if (!seen[name]) {
        seen[name] = true;
        var option = document.createElement("option");
        option.value = name;
        list.appendChild(option);
      }
    });
  }

  function ready() {
    showPhysics();
    root.setAttribute("data-kg-ready", "1");
  }

  function drawGraph() {
    var container = document.getElementById("mynetwork");
    nodes = new vis.DataSet(payload.nodes);
    edges = new vis.DataSet(payload.edges);
    options = payload.options;
    data = {nodes: nodes, edges: edges};
    network = new vis.Network(container, data, options);
    order.forEach(function (id) {  // where vis-network put them (it rounds), to come back to
      first.x[id] = network.body.nodes[id].x;
      first.y[id] = network.body.nodes[id].y;
    });
    window.network = network;
    window.nodes = nodes;
    window.edges = edges;
    network.on("beforeDrawing", drawGrid);
    network.on("afterDrawing", capOnZoom);
    network.on("doubleClick", function (params) {
      if (!params.nodes.length) { return; }
      var id = params.nodes[0];
      if (isCluster(id)) { toggle(network.body.nodes[id].options.community); } else { toggle(byId[id].community); }
    });
    if (!options.physics.enabled) {
      fitView();
      placeLabels();
      requestAnimationFrame(ready);
    } else {
      physicsOn = moved = true;
      network.on("stabilizationProgress", function (p) {
        setText("kg-layout-status", "布局中 laying out… " + Math.round(100 * p.iterations / p.total) + "%");
      });
      network.once("stabilizationIterationsDone", function () {
        physicsOn = false;
        network.setOptions({physics: {enabled: false}});
        fitView();
        placeLabels();
        ready();
      });
    }
  }

  drawGraph();
  fillNames();
  var boxes = document.querySelectorAll("#kg-legend input[data-class]");
  for (var i = 0; i < boxes.length; i++) { boxes[i].addEventListener("change", applyFilter); }
  document.getElementById("kg-all").addEventListener("click", function () { setAll(true); });
  document.getElementById("kg-none").addEventListener("click", function () { setAll(false); });
  document.getElementById("kg-fit").addEventListener("click", window.kgFit);
  document.getElementById("kg-physics").addEventListener("click", togglePhysics);
  ["kg-date-from", "kg-date-to"].forEach(function (id) {
    var el = document.getElementById(id);
    if (!el) { return; }
    el.addEventListener("change", applyFilter);
    el.addEventListener("keydown", function (event) { if (event.key === "Enter") { applyFilter(); } });
  });
  var period = document.getElementById("kg-date-period");
  if (period) {
    period.addEventListener("change", function () {
      document.getElementById("kg-date-from").value = period.value;
      document.getElementById("kg-date-to").value = period.value;
      applyFilter();
    });
  }
  var undatedBox = document.getElementById("kg-date-undated");
  if (undatedBox) { undatedBox.addEventListener("change", applyFilter); }
  var clear = document.getElementById("kg-date-clear");
  if (clear) {
    clear.addEventListener("click", function () {
      document.getElementById("kg-date-from").value = "";
      document.getElementById("kg-date-to").value = "";
      if (period) { period.value = ""; }
      applyFilter();
    });
  }
  document.querySelectorAll(".kg-community").forEach(function (button) {
    button.addEventListener("click", function () { toggle(+button.getAttribute("data-community")); });
  });
  var collapseAll = document.getElementById("kg-collapse-all");
  if (collapseAll) { collapseAll.addEventListener("click", function () { setCollapsed(true); }); }
  var expandAll = document.getElementById("kg-expand-all");
  if (expandAll) { expandAll.addEventListener("click", function () { setCollapsed(false); }); }
  var input = document.getElementById("kg-search");
  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { search(input.value, false); }, 150);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter") { clearTimeout(timer); search(input.value, true); }
  });
})();
