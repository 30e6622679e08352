
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

  function norm(text) {
    return String(text).normalize("NFKC").replace(/\s+/g, "").replace(/^《|》$/g, "").toLowerCase();
  }
  function setText(id, text) {
    var el = document.getElementById(id);
    if (el) { el.textContent = text; }
  }

  function drawGraph() {
    var container = document.getElementById("mynetwork");
    nodes = new vis.DataSet(payload.nodes);
    edges = new vis.DataSet(payload.edges);
    options = payload.options;
    data = {nodes: nodes, edges: edges};
    network = new vis.Network(container, data, options);
    window.network = network;
    window.nodes = nodes;
    window.edges = edges;

    function ready() {
      showPhysics();
      root.setAttribute("data-kg-ready", "1");
    }
    if (!options.physics.enabled) {
      requestAnimationFrame(ready);
    } else {
      network.on("stabilizationProgress", function (p) {
        setText("kg-layout-status", "布局中 laying out… " + Math.round(100 * p.iterations / p.total) + "%");
      });
      network.once("stabilizationIterationsDone", ready);
    }
    return network;
  }

  // Filter by class: the legend's check boxes.
  function applyFilter() {
    var shown = {};
    var boxes = document.querySelectorAll("#kg-legend input[data-class]");
    for (var i = 0; i < boxes.length; i++) {
      shown[boxes[i].getAttribute("data-class")] = boxes[i].checked;
    }
    var updates = [];
    nodes.forEach(function (n) {
      var hide = shown[n.group] === false;
      if (Boolean(n.hidden) !== hide) { updates.push({id: n.id, hidden: hide}); }
    });
    if (updates.length) { nodes.update(updates); }
    var visible = nodes.get({filter: function (n) { return !n.hidden; }}).length;
    setText("kg-visible", visible + " / " + nodes.length);
  }
  window.kgApplyFilter = applyFilter;

  // Physics on or off (off from the start above the size threshold).
  var physicsOn = Boolean(payload.options.physics.enabled);
  function showPhysics() {
    setText("kg-layout-status", physicsOn
      ? "布局: 物理模拟运行中 (physics on)"
      : "布局: 物理模拟已关闭 (physics off)");
    setText("kg-physics", physicsOn ? "停止物理模拟 physics off" : "运行物理模拟 physics on");
  }
  function togglePhysics() {
    physicsOn = !physicsOn;
    network.setOptions({physics: {enabled: physicsOn, stabilization: {enabled: false}}});
    showPhysics();
  }

  function setAll(checked) {
    var boxes = document.querySelectorAll("#kg-legend input[data-class]");
    for (var i = 0; i < boxes.length; i++) { boxes[i].checked = checked; }
    applyFilter();
  }

  // Search by name: select the matching visible nodes and bring them into view.
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
    nodes.forEach(function (n) {
      if (!seen[n.label]) {
        seen[n.label] = true;
        var option = document.createElement("option");
        option.value = n.label;
        list.appendChild(option);
      }
    });
  }

  drawGraph();
  fillNames();
  applyFilter();
  var boxes = document.querySelectorAll("#kg-legend input[data-class]");
  for (var i = 0; i < boxes.length; i++) { boxes[i].addEventListener("change", applyFilter); }
  document.getElementById("kg-all").addEventListener("click", function () { setAll(true); });
  document.getElementById("kg-none").addEventListener("click", function () { setAll(false); });
  document.getElementById("kg-fit").addEventListener("click", function () { network.fit(); });
  document.getElementById("kg-physics").addEventListener("click", togglePhysics);
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
