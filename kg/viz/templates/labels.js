// Labels by zoom level, as on a map: at the scale of the first paint the hubs are labelled
// where their labels do not overlap; the other labels come in level by level as one zooms in,
// each at the first level where it overlaps no label already shown. vis-network does the
// showing: a label is drawn once its font is `threshold` pixels on screen, so a label of
// level k gets the font size (in canvas units) that reaches `threshold` at that level's scale.
var kgLabels = (function () {
  "use strict";
  var measure = document.createElement("canvas").getContext("2d");
  var LINE = 1.2; // line height of a label, in font sizes (vis-network draws about 1.1)
  var GAP = 3; // vis-network draws a label this far below its node's shape (canvas units)
  var MARGIN = 3; // space kept between two labels (canvas units)

  // The scales at which levels come in, from the first paint's scale up to the scale where
  // the base font reaches the threshold.
  function levels(scale, C) {
    var last = C.threshold / C.base, out = [scale];
    while (out[out.length - 1] * C.ratio < last) { out.push(out[out.length - 1] * C.ratio); }
    if (out[out.length - 1] < last) { out.push(last); }
    return out;
  }

  // The font size (canvas units) of a label of level k (a hub's label is larger at first).
  function fontOf(k, hub, scales, C) {
    var px = k === 0 && hub ? Math.max(C.hub, C.threshold) : C.threshold;
    return Math.max(px / scales[k], k === scales.length - 1 ? C.base : 0);
  }

  function textWidth(text, face) {
    measure.font = "100px " + face;
    var widest = 0;
    String(text).split("\n").forEach(function (line) {
      widest = Math.max(widest, measure.measureText(line).width / 100);
    });
    return widest;
  }

  // The label's box in canvas units at `scale`: the page brings a large font down to `max`
  // pixels on screen, but not below the base font (app.js, setFonts).
  function box(item, font, scale, C) {
    var f = font <= C.base ? font : Math.max(C.base, Math.min(font, C.max / scale));
    var w = item.width * f, h = item.lines * f * LINE;
    var top = item.y + item.size + GAP;
    return [item.x - w / 2 - MARGIN, top - MARGIN, item.x + w / 2 + MARGIN, top + h + MARGIN];
  }

  function overlap(a, b) {
    return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
  }

  function inside(a, view) {
    return a[0] >= view[0] && a[1] >= view[1] && a[2] <= view[2] && a[3] <= view[3];
  }

  // `items`: [{id, x, y, size, label, degree, hub}] of the drawn nodes, `view` the canvas
  // box on screen [x0, y0, x1, y1] (a label of the first level must fit in it whole),
  // `obstacle(scale)` the box of something else drawn (or null); returns the font (canvas
  // units) and level of each item and the levels' scales.
  function place(items, scale, C, face, view, obstacle) {
    var scales = levels(scale, C), last = scales.length - 1;
    var order = items.slice().sort(function (a, b) {
      return (b.hub - a.hub) || (b.degree - a.degree) || (a.label.length - b.label.length) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    });
    var placed = [], fonts = {}, levelOf = {};
    // Two labels are both drawn from the larger of the scales where each comes in; there, as
    // one zooms out, their boxes are largest (a label's font is capped at `max` on screen).
    function fits(item, k, f) {
      if (k === 0 && view && !inside(box(item, f, scale, C), view)) { return false; }
      var from = (C.threshold - 1) / f;
      var other = obstacle ? obstacle(from) : null;
      if (other && overlap(box(item, f, from, C), other)) { return false; }
      for (var j = 0; j < placed.length; j++) {
        var p = placed[j], s = Math.max(from, p.from);
        if (overlap(box(item, f, s, C), box(p.item, p.font, s, C))) { return false; }
      }
      return true;
    }
    order.forEach(function (item, i) {
      if (!item.label) { fonts[item.id] = C.base; return; }
      item.width = textWidth(item.label, face);
      item.lines = String(item.label).split("\n").length;
      // a hub that has no room for its larger label at first may still have it for a smaller one
      var tries = [];
      for (var k = 0; k < last && i < C.candidates; k++) {
        tries.push([k, fontOf(k, item.hub, scales, C)]);
        if (k === 0 && item.hub) { tries.push([0, fontOf(0, false, scales, C)]); }
      }
      var chosen = [last, fontOf(last, item.hub, scales, C)];
      for (var t = 0; t < tries.length; t++) {
        if (fits(item, tries[t][0], tries[t][1])) { chosen = tries[t]; break; }
      }
      fonts[item.id] = chosen[1];
      levelOf[item.id] = chosen[0];
      if (chosen[0] < last) {
        placed.push({item: item, font: chosen[1], from: (C.threshold - 1) / chosen[1]});
      }
    });
    return {fonts: fonts, levels: levelOf, scales: scales};
  }

  return {levels: levels, place: place, box: box, overlap: overlap};
})();
