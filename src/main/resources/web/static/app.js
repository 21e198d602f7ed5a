// Sozialmonitor: progressive enhancement of server-rendered pages. No inline script anywhere
// (the Content-Security-Policy forbids it); everything here works from data- attributes.
(function () {
  'use strict';

  // Selects and the year slider submit their form on change, so the page follows the choice.
  document.querySelectorAll('form .autosubmit').forEach(function (el) {
    el.addEventListener('change', function () { el.form.submit(); });
    if (el.type === 'range') {
      var out = document.getElementById('year-output');
      el.addEventListener('input', function () {
        if (out) { out.textContent = el.value; }
        el.setAttribute('aria-valuetext', el.value);
      });
    }
  });

  // A search field filters a list of choices (the comparison's areas): by name, ignoring case and
  // accents; ticked choices always stay visible. Without script the whole list is there.
  document.documentElement.classList.add('js');
  document.querySelectorAll('input[data-filter]').forEach(function (input) {
    var list = document.getElementById(input.getAttribute('data-filter'));
    if (!list) { return; }
    function fold(s) { return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase(); }
    input.addEventListener('input', function () {
      var q = fold(input.value.trim());
      list.querySelectorAll('li').forEach(function (li) {
        var box = li.querySelector('input[type=checkbox]');
        var match = !q || fold(li.textContent).indexOf(q) >= 0 || (box && box.checked);
        li.hidden = !match;
      });
    });
  });

  // Legend swatches take their colour from data-colour (no inline style attribute in the markup).
  document.querySelectorAll('.swatch[data-colour]').forEach(function (el) {
    el.style.backgroundColor = el.getAttribute('data-colour');
  });

  var mapEl = document.getElementById('map');
  if (!mapEl || typeof L === 'undefined') { return; }

  var map = L.map(mapEl, { zoomSnap: 0.25, attributionControl: true, scrollWheelZoom: false });
  map.attributionControl.setPrefix('Leaflet');
  if (mapEl.getAttribute('data-attribution')) {
    // Leaflet inserts attributions as HTML: pass the configured text escaped.
    var credit = document.createElement('span');
    credit.textContent = mapEl.getAttribute('data-attribution');
    map.attributionControl.addAttribution(credit.innerHTML);
  }
  var layer = null;
  var src = mapEl.getAttribute('data-src');

  // Names on the map: the areas' and, from the outline layer, the municipalities'. Each sits at its
  // area's label point (the centre of the largest circle inside it, from the server). After every
  // zoom, move or new data a greedy check keeps the names that fit without touching another:
  // municipalities first, then the areas with the most room. The names are decoration for sighted
  // readers (aria-hidden); every area carries its name for screen readers and in the table.
  map.createPane('labels');
  map.getPane('labels').style.zIndex = 470;
  map.getPane('labels').style.pointerEvents = 'none';
  var labelSets = { outline: [], area: [] };
  var labelLayers = { outline: null, area: null };

  function labels(data, kind) {
    if (labelLayers[kind]) { map.removeLayer(labelLayers[kind]); }
    var list = data.features.filter(function (f) { return f.properties.labelAt; }).map(function (f) {
      var span = document.createElement('span');
      span.textContent = f.properties.name;
      var marker = L.marker([f.properties.labelAt[1], f.properties.labelAt[0]], {
        icon: L.divIcon({ className: 'map-label map-label-' + kind, html: span, iconSize: null }),
        interactive: false, keyboard: false, pane: 'labels'
      });
      return { marker: marker, span: span, room: f.properties.labelRoom || 0 };
    });
    list.sort(function (a, b) { return b.room - a.room; });
    labelSets[kind] = list;
    labelLayers[kind] = L.layerGroup(list.map(function (l) { return l.marker; })).addTo(map);
    list.forEach(function (l) {
      var icon = l.marker.getElement();
      if (icon) { icon.setAttribute('aria-hidden', 'true'); }
    });
    placeLabels();
  }

  function placeLabels() {
    var all = labelSets.outline.concat(labelSets.area);
    var frame = mapEl.getBoundingClientRect();
    all.forEach(function (l) { l.span.style.visibility = 'visible'; });
    var rects = all.map(function (l) { return l.span.getBoundingClientRect(); });
    var placed = [];
    var shown = 0;
    all.forEach(function (l, i) {
      var r = rects[i];
      var fits = r.width > 0 && r.left >= frame.left + 2 && r.right <= frame.right - 2 && r.top >= frame.top + 2 && r.bottom <= frame.bottom - 2;
      for (var k = 0; fits && k < placed.length; k++) {
        var p = placed[k];
        fits = r.right + 4 < p.left || r.left - 4 > p.right || r.bottom + 1 < p.top || r.top - 1 > p.bottom;
      }
      if (fits) { placed.push(r); shown++; }
      l.span.style.visibility = fits ? 'visible' : 'hidden';
    });
    mapEl.setAttribute('data-labels', String(shown));
  }
  var first = true;

  function label(text) {
    // A text node, never HTML: area names come from data files.
    var span = document.createElement('span');
    span.textContent = text;
    return span;
  }

  // data-loaded is set once no reload is pending: the first answer is drawn at zoom 9, and fitting
  // the map to it reloads the areas at the fitted zoom (replacing every path), so a reader of the
  // attribute (the browser tests) never holds a path that is about to be replaced.
  var pending = 0;
  function load() {
    var zoom = first ? 9 : Math.round(map.getZoom());
    pending++;
    mapEl.removeAttribute('data-loaded');
    fetch(src + '&zoom=' + zoom, { credentials: 'same-origin' })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        if (layer) { map.removeLayer(layer); }
        layer = L.geoJSON(data, {
          style: function (f) {
            return {
              color: f.properties.noValue ? '#555555' : '#ffffff',
              weight: f.properties.noValue ? 1.2 : 1,
              dashArray: f.properties.noValue ? '4 3' : null,
              fillColor: f.properties.fill,
              fillOpacity: 0.9
            };
          },
          onEachFeature: function (f, l) {
            l.bindTooltip(label(f.properties.label), { sticky: true });
            l.on('click', function () { window.location.href = f.properties.url; });
            l.on('mouseover', function () { l.setStyle({ weight: 3, color: '#1a1a1a' }); });
            l.on('mouseout', function () { layer.resetStyle(l); });
            l.on('add', function () {
              var el = l.getElement && l.getElement();
              if (el) {
                el.setAttribute('data-code', f.properties.code);
                el.setAttribute('aria-label', f.properties.label);
                el.setAttribute('role', 'link');
                // Keyboard: Tab reaches every area, focus shows its values, Enter or Space opens the profile.
                el.setAttribute('tabindex', '0');
                el.addEventListener('focus', function () {
                  l.setStyle({ weight: 4, color: '#1a1a1a' });
                  l.openTooltip(l.getBounds().getCenter());
                });
                el.addEventListener('blur', function () { layer.resetStyle(l); l.closeTooltip(); });
                el.addEventListener('keydown', function (e) {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    window.location.href = f.properties.url;
                  }
                });
              }
            });
          }
        }).addTo(map);
        if (first && layer.getBounds().isValid()) {
          first = false;
          map.fitBounds(layer.getBounds(), { padding: [8, 8], animate: false });
          loadOutlines();
        }
        labels(data, 'area');
        drawMeasures(data);
        pending--;
        if (pending === 0) { mapEl.setAttribute('data-loaded', String(data.features.length)); }
      });
  }

  // The measure layer: areas with a measure hatched (the pattern #measure-hatch is in the page),
  // above the colours and below the outlines, not interactive (clicks reach the areas); the switch
  // #measure-layer shows and hides it. data-measures says how many areas are marked now (0 hidden).
  var measureBox = document.getElementById('measure-layer');
  var measureLayer = null;
  var measureCount = 0;
  map.createPane('measures');
  map.getPane('measures').style.zIndex = 440;
  map.getPane('measures').style.pointerEvents = 'none';
  function showMeasures() {
    if (!measureLayer) { return; }
    var on = !measureBox || measureBox.checked;
    if (on && !map.hasLayer(measureLayer)) { measureLayer.addTo(map); }
    if (!on && map.hasLayer(measureLayer)) { map.removeLayer(measureLayer); }
    mapEl.setAttribute('data-measures', String(on ? measureCount : 0));
  }
  function drawMeasures(data) {
    if (measureLayer) { map.removeLayer(measureLayer); }
    var marked = data.features.filter(function (f) { return f.properties.measures > 0; });
    measureCount = marked.length;
    measureLayer = L.geoJSON({ type: 'FeatureCollection', features: marked }, {
      pane: 'measures', interactive: false,
      style: { color: '#3f007d', weight: 2.5, opacity: 0.95, fillColor: 'url(#measure-hatch)', fillOpacity: 1 },
      onEachFeature: function (f, l) {
        l.on('add', function () {
          var el = l.getElement && l.getElement();
          if (el) { el.setAttribute('data-measure-area', f.properties.code); el.setAttribute('aria-hidden', 'true'); }
        });
      }
    });
    showMeasures();
  }
  if (measureBox) { measureBox.addEventListener('change', showMeasures); }

  // The level above (e.g. municipalities) as outlines, for orientation; not interactive.
  var outlineSrc = mapEl.getAttribute('data-outline-src');
  var outlines = null;
  // Outlines live in their own pane above the coloured areas, whatever order the answers arrive in.
  map.createPane('outlines');
  map.getPane('outlines').style.zIndex = 450;
  map.getPane('outlines').style.pointerEvents = 'none';
  function loadOutlines() {
    if (!outlineSrc) { return; }
    fetch(outlineSrc + '&zoom=' + Math.round(map.getZoom()), { credentials: 'same-origin' })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        if (outlines) { map.removeLayer(outlines); }
        outlines = L.geoJSON(data, { interactive: false, pane: 'outlines', style: { color: '#1a1a1a', weight: 2, fill: false, opacity: 0.8 } }).addTo(map);
        labels(data, 'outline');
        mapEl.setAttribute('data-outlines', String(data.features.length));
      });
  }

  map.on('zoomend', function () { if (!first) { load(); loadOutlines(); } });
  map.on('moveend', placeLabels);
  window.addEventListener('resize', function () { placeLabels(); });
  map.setView([52.3, 10.2], 9);
  load();
})();
