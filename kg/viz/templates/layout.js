// The layout again, in the page: when a filter hides nodes, the visible nodes are split into
// connected components again; a component that is whole keeps the shape kg.viz.layout gave
// it, one that lost nodes is laid out again by springs (Fruchterman-Reingold, from its first
// positions, so the result depends only on what is visible); the components are packed in
// rows as kg.viz.layout.pack does, and nodes left without edges go to the grid.
var kgLayout = (function () {
  "use strict";

  function centre(pos) {
    var ids = Object.keys(pos);
    if (!ids.length) { return pos; }
    var x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    ids.forEach(function (k) {
      x0 = Math.min(x0, pos[k][0]); x1 = Math.max(x1, pos[k][0]);
      y0 = Math.min(y0, pos[k][1]); y1 = Math.max(y1, pos[k][1]);
    });
    var mx = (x0 + x1) / 2, my = (y0 + y1) / 2, out = {};
    ids.forEach(function (k) { out[k] = [pos[k][0] - mx, pos[k][1] - my]; });
    return out;
  }

  // kg.viz.layout.normalize: mean edge EDGE long, long axis horizontal, stretched, centred.
  function normalize(pos, edges, L) {
    var ids = Object.keys(pos), n = ids.length;
    var total = 0;
    edges.forEach(function (e) {
      total += Math.hypot(pos[e[0]][0] - pos[e[1]][0], pos[e[0]][1] - pos[e[1]][1]);
    });
    var mean = edges.length ? total / edges.length : 0;
    var scale = mean > 1e-9 ? L.edge / mean : 1;
    var cx = 0, cy = 0;
    ids.forEach(function (k) { cx += pos[k][0] / n; cy += pos[k][1] / n; });
    var sxx = 0, syy = 0, sxy = 0;
    ids.forEach(function (k) {
      var dx = pos[k][0] - cx, dy = pos[k][1] - cy;
      sxx += dx * dx; syy += dy * dy; sxy += dx * dy;
    });
    var angle = 0.5 * Math.atan2(2 * sxy, sxx - syy);
    var cos = Math.cos(-angle), sin = Math.sin(-angle), out = {};
    ids.forEach(function (k) {
      var dx = (pos[k][0] - cx) * scale, dy = (pos[k][1] - cy) * scale;
      out[k] = [(dx * cos - dy * sin) * L.stretch, dx * sin + dy * cos];
    });
    return centre(out);
  }

  // Fruchterman-Reingold from the given positions (no randomness), then normalize.
  function springs(ids, edges, start, L) {
    var n = ids.length, index = {}, x = [], y = [], i, j, it;
    ids.forEach(function (k, i) { index[k] = i; x.push(start[k][0]); y.push(start[k][1]); });
    var k = L.edge, iterations = 120, t0 = L.edge;
    for (it = 0; it < iterations; it++) {
      var fx = new Float64Array(n), fy = new Float64Array(n);
      for (i = 0; i < n; i++) {
        for (j = i + 1; j < n; j++) {
          var dx = x[i] - x[j], dy = y[i] - y[j];
          var d = Math.max(Math.hypot(dx, dy), 0.01), f = k * k / d / d;
          fx[i] += dx * f; fy[i] += dy * f; fx[j] -= dx * f; fy[j] -= dy * f;
        }
      }
      edges.forEach(function (e) {
        var a = index[e[0]], b = index[e[1]];
        var dx = x[a] - x[b], dy = y[a] - y[b];
        var d = Math.max(Math.hypot(dx, dy), 0.01), f = d / k;
        fx[a] -= dx * f; fy[a] -= dy * f; fx[b] += dx * f; fy[b] += dy * f;
      });
      var t = t0 * (1 - it / iterations);
      for (i = 0; i < n; i++) {
        var len = Math.hypot(fx[i], fy[i]);
        if (len > 0) {
          var step = Math.min(len, t) / len;
          x[i] += fx[i] * step; y[i] += fy[i] * step;
        }
      }
    }
    var pos = {};
    ids.forEach(function (id, i) { pos[id] = [x[i], y[i]]; });
    return normalize(pos, edges, L);
  }

  // kg.viz.layout.grid
  function grid(ids, L) {
    var cw = L.cell[0], ch = L.cell[1];
    var cols = Math.max(1, Math.ceil(Math.sqrt(ids.length * 2 * ch / cw)));
    var rows = Math.ceil(ids.length / cols), out = {};
    ids.forEach(function (id, i) {
      out[id] = [(i % cols - (cols - 1) / 2) * cw, (Math.floor(i / cols) - (rows - 1) / 2) * ch];
    });
    return out;
  }

  // kg.viz.layout._shelves
  function shelves(sizes, width) {
    var rows = [], x = 0, y = 0, rowHeight = 0, used = 0, row = [];
    sizes.forEach(function (size) {
      if (row.length && x + size[0] > width) {
        rows.push([row, y, rowHeight]);
        x = 0; y += rowHeight; rowHeight = 0; row = [];
      }
      row.push(size[0]);
      x += size[0];
      used = Math.max(used, x);
      rowHeight = Math.max(rowHeight, size[1]);
    });
    rows.push([row, y, rowHeight]);
    var slots = [];
    rows.forEach(function (r) {
      var widths = r[0], spare = used;
      widths.forEach(function (w) { spare -= w; });
      if (widths.length === 1) { slots.push([spare / 2, r[1], r[2]]); return; }
      var gap = spare / (widths.length - 1), left = 0;
      widths.forEach(function (w) { slots.push([left, r[1], r[2]]); left += w + gap; });
    });
    return {slots: slots, used: used, height: y + rowHeight};
  }

  // kg.viz.layout.pack
  function pack(blocks, gridBlock, L) {
    var px = L.pad[0], py = L.pad[1], sizes = [];
    blocks = blocks.slice();
    if (gridBlock) {
      var shifted = {};
      Object.keys(gridBlock).forEach(function (k) {
        shifted[k] = [gridBlock[k][0], gridBlock[k][1] + L.cell[1]];
      });
      blocks.push(shifted);
    }
    blocks.forEach(function (block, i) {
      var x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
      Object.keys(block).forEach(function (k) {
        x0 = Math.min(x0, block[k][0]); x1 = Math.max(x1, block[k][0]);
        y0 = Math.min(y0, block[k][1]); y1 = Math.max(y1, block[k][1]);
      });
      var extra = gridBlock && i === blocks.length - 1 ? 2 * L.cell[1] : 0;
      sizes.push([x1 - x0 + 2 * px, y1 - y0 + 2 * py + extra]);
    });
    if (!blocks.length) { return {}; }
    var width = 0, total = 0;
    sizes.forEach(function (s) { width = Math.max(width, s[0]); total += s[0]; });
    var best = null;
    for (;;) {
      var tried = shelves(sizes, width);
      var score = Math.max(tried.used / L.aspect, tried.height);
      if (best === null || score < best.score) { best = {score: score, slots: tried.slots}; }
      if (width >= total) { break; }
      width *= 1.15;
    }
    var placed = {};
    blocks.forEach(function (block, i) {
      var slot = best.slots[i], w = sizes[i][0];
      Object.keys(block).forEach(function (k) {
        placed[k] = [slot[0] + w / 2 + block[k][0], slot[1] + slot[2] / 2 + block[k][1]];
      });
    });
    return centre(placed);
  }

  // Positions of the visible nodes: `order` are the visible node ids in view order, `edges`
  // the visible edges as [from, to], `first` the positions and components of the page.
  function relayout(order, edges, first, L) {
    var rank = {}, adjacency = {}, pairs = {};
    order.forEach(function (id, i) { rank[id] = i; adjacency[id] = []; });
    edges.forEach(function (e) {
      var a = e[0], b = e[1];
      if (a === b || !(a in rank) || !(b in rank)) { return; }
      var key = rank[a] < rank[b] ? a + "\u0000" + b : b + "\u0000" + a;
      if (pairs[key]) { return; }
      pairs[key] = rank[a] < rank[b] ? [a, b] : [b, a];
      adjacency[a].push(b);
      adjacency[b].push(a);
    });
    var seen = {}, parts = [], alone = [];
    order.forEach(function (id) {
      if (seen[id]) { return; }
      if (!adjacency[id].length) { seen[id] = true; alone.push(id); return; }
      var part = [id], queue = [id];
      seen[id] = true;
      while (queue.length) {
        adjacency[queue.shift()].forEach(function (m) {
          if (!seen[m]) { seen[m] = true; part.push(m); queue.push(m); }
        });
      }
      part.sort(function (a, b) { return rank[a] - rank[b]; });
      parts.push(part);
    });
    parts.sort(function (a, b) { return b.length - a.length || rank[a[0]] - rank[b[0]]; });
    var partEdges = parts.map(function () { return []; }), partOf = {};
    parts.forEach(function (part, i) { part.forEach(function (id) { partOf[id] = i; }); });
    Object.keys(pairs).sort().forEach(function (key) {
      partEdges[partOf[pairs[key][0]]].push(pairs[key]);
    });
    var blocks = parts.map(function (part, i) {
      var start = {};
      part.forEach(function (id) { start[id] = [first.x[id], first.y[id]]; });
      var c = first.component[part[0]];
      var whole = part.every(function (id) { return first.component[id] === c; }) &&
        part.length === first.componentSize[c];
      if (whole || part.length > L.springMax) { return centre(start); }
      return springs(part, partEdges[i], start, L);
    });
    return pack(blocks, alone.length ? grid(alone, L) : null, L);
  }

  return {normalize: normalize, springs: springs, grid: grid, pack: pack, relayout: relayout};
})();
