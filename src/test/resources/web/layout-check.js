// Layout check run in the browser by the layout tests (and by hand): how wide the document is
// against the window, and which pieces of visible text overlap each other or a chart. Returns a
// JSON string: {viewport, width, overflowing: [...], overlaps: [...]}.
// Text is measured per text node with Range.getClientRects() (one box per line), clipped by every
// ancestor that clips its overflow (a table that scrolls inside its own box is fine); the map's
// own tiles and tooltips are Leaflet's, and labels hidden by the collision check have no box.
return (function () {
  'use strict';
  var viewport = document.documentElement.clientWidth;
  var width = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);

  function visible(el) {
    for (var e = el; e && e !== document.body; e = e.parentElement) {
      var cs = getComputedStyle(e);
      if (cs.display === 'none' || cs.visibility === 'hidden' || cs.opacity === '0') { return false; }
      if (e.tagName === 'DETAILS' && !e.open && e !== el && !el.closest('summary')) { return false; }
    }
    return true;
  }

  function clip(rect, el) {
    var r = { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
    for (var e = el.parentElement; e && e !== document.documentElement; e = e.parentElement) {
      var cs = getComputedStyle(e);
      if (cs.overflowX !== 'visible' || cs.overflowY !== 'visible') {
        var c = e.getBoundingClientRect();
        r.left = Math.max(r.left, c.left); r.right = Math.min(r.right, c.right);
        r.top = Math.max(r.top, c.top); r.bottom = Math.min(r.bottom, c.bottom);
      }
    }
    return r.right - r.left > 0.5 && r.bottom - r.top > 0.5 ? r : null;
  }

  function describe(el) {
    var s = el.tagName.toLowerCase();
    if (el.id) { s += '#' + el.id; }
    if (el.className && typeof el.className === 'string') { s += '.' + el.className.trim().split(/\s+/).join('.'); }
    return s;
  }

  var boxes = [];
  var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, null);
  var id = 0;
  while (walker.nextNode()) {
    var node = walker.currentNode;
    var el = node.parentElement;
    if (!node.nodeValue.trim() || !el || el.closest('script, style, title, .leaflet-tile-pane, .leaflet-tooltip-pane, .leaflet-control-attribution')) { continue; }
    if (!visible(el)) { continue; }
    var range = document.createRange();
    range.selectNodeContents(node);
    var rects = range.getClientRects();
    id++;
    for (var k = 0; k < rects.length; k++) {
      var c = clip(rects[k], el);
      if (c) { boxes.push({ id: id, r: c, el: el, text: node.nodeValue.trim().slice(0, 40), kind: 'text' }); }
    }
  }
  // charts and sparklines are boxes too: text must not run into them
  document.querySelectorAll('svg.sparkline, svg.chart').forEach(function (svg) {
    if (!visible(svg)) { return; }
    var c = clip(svg.getBoundingClientRect(), svg);
    id++;
    if (c) { boxes.push({ id: id, r: c, el: svg, text: '<svg ' + (svg.getAttribute('aria-label') || '') + '>', kind: 'svg' }); }
  });

  var overlaps = [];
  boxes.sort(function (a, b) { return a.r.top - b.r.top; });
  for (var i = 0; i < boxes.length; i++) {
    var a = boxes[i];
    for (var j = i + 1; j < boxes.length && boxes[j].r.top < a.r.bottom; j++) {
      var b = boxes[j];
      if (a.id === b.id || (a.kind === 'svg' && b.kind === 'svg')) { continue; }
      // SVG text inside its own chart belongs there
      if ((a.kind === 'svg' && a.el.contains(b.el)) || (b.kind === 'svg' && b.el.contains(a.el))) { continue; }
      var w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
      var h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
      // a glyph's box is taller than its ink: a sliver of shared line height is no overlap
      if (w > 1 && h > 2.5) {
        overlaps.push(a.text + ' [' + describe(a.el) + '] × ' + b.text + ' [' + describe(b.el) + ']');
      }
    }
  }
  var overflowing = [];
  if (width > viewport) {
    document.querySelectorAll('body *').forEach(function (el) {
      var r = el.getBoundingClientRect();
      if (r.right > viewport + 0.5 && r.width > 0 && visible(el) && clip(r, el)) {
        var p = el.parentElement;
        if (!p || p.getBoundingClientRect().right <= viewport + 0.5) { overflowing.push(describe(el) + ' right=' + Math.round(r.right)); }
      }
    });
  }
  return JSON.stringify({ viewport: viewport, width: width, overflowing: overflowing.slice(0, 20), overlaps: overlaps.slice(0, 40), overlapCount: overlaps.length });
})();
