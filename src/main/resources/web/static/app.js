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
  var first = true;

  function label(text) {
    // A text node, never HTML: area names come from data files.
    var span = document.createElement('span');
    span.textContent = text;
    return span;
  }

  function load() {
    var zoom = first ? 9 : Math.round(map.getZoom());
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
        mapEl.setAttribute('data-loaded', String(data.features.length));
      });
  }

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
        mapEl.setAttribute('data-outlines', String(data.features.length));
      });
  }

  map.on('zoomend', function () { if (!first) { load(); loadOutlines(); } });
  map.setView([52.3, 10.2], 9);
  load();
})();
