// parley dashboard. One set of filters drives the timeline, the actor
// network, the map and the event table. Article text is untrusted: it is
// only ever set with textContent, never as HTML.
(function () {
  'use strict';

  const PLOVER_TYPES = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE',
    'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'];
  const QUADS = { 1: ['Verbal cooperation', '#2e7d32'], 2: ['Material cooperation', '#1565c0'], 3: ['Verbal conflict', '#ef6c00'], 4: ['Material conflict', '#c62828'] };

  const MAX_DYADS = 150;
  const form = document.getElementById('filters');
  const state = { cursor: '', loading: 0 };
  const parley = window.parley = { cy: null, map: null, plot: null, loaded: 0 };

  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    if (attrs) for (const k in attrs) e.setAttribute(k, attrs[k]);
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  // goldsteinColor maps -10..10 to red..grey..green.
  function goldsteinColor(g) {
    const t = Math.max(-10, Math.min(10, g)) / 10;
    const hue = t < 0 ? 0 : 125;
    const sat = Math.round(Math.abs(t) * 70 + 10);
    return 'hsl(' + hue + ',' + sat + '%,' + (45 + (1 - Math.abs(t)) * 15) + '%)';
  }

  function filterParams() {
    const p = new URLSearchParams();
    for (const name of ['actor', 'country', 'cameo', 'plover', 'from', 'to', 'q']) {
      const v = (form.elements[name].value || '').trim();
      if (v) p.set(name, v);
    }
    return p;
  }

  async function getJSON(path, params) {
    const url = path + (params && params.toString() ? '?' + params.toString() : '');
    const r = await fetch(url, { headers: { Accept: 'application/json' } });
    const body = await r.json();
    if (!r.ok) throw new Error(body.error || r.statusText);
    return body;
  }

  function showError(err) {
    const s = document.getElementById('stats');
    s.textContent = 'Error: ' + err.message;
  }

  // Timeline ----------------------------------------------------------
  async function loadTimeline() {
    const p = filterParams();
    p.set('interval', form.elements.interval.value);
    const data = await getJSON('/api/timeline', p);
    const periods = [...new Set(data.timeline.map(t => t.period))].sort();
    const idx = new Map(periods.map((d, i) => [d, i]));
    const xs = periods.map(d => Date.parse(d.length === 7 ? d + '-01' : d) / 1000);
    const counts = [1, 2, 3, 4].map(() => periods.map(() => 0));
    const gsum = periods.map(() => 0), gn = periods.map(() => 0);
    for (const t of data.timeline) {
      const i = idx.get(t.period);
      counts[t.quad_class - 1][i] = t.count;
      gsum[i] += t.mean_goldstein * t.count;
      gn[i] += t.count;
    }
    const mean = gsum.map((s, i) => gn[i] ? s / gn[i] : null);
    const box = document.getElementById('timeline');
    box.textContent = '';
    if (parley.plot) { parley.plot.destroy(); parley.plot = null; }
    if (!periods.length) { box.textContent = 'No events.'; return; }
    const series = [{}];
    for (const q of [1, 2, 3, 4]) series.push({ label: QUADS[q][0], stroke: QUADS[q][1], width: 2, points: { show: true } });
    series.push({ label: 'Mean Goldstein', stroke: '#555', dash: [4, 4], scale: 'g', points: { show: true } });
    parley.plot = new uPlot({
      width: box.clientWidth || 600, height: 220, series: series,
      scales: { x: { time: true }, g: { range: [-10, 10] } },
      axes: [{}, { label: 'events' }, { side: 1, scale: 'g', label: 'Goldstein', grid: { show: false } }],
    }, [xs, ...counts, mean], box);
  }

  // Network -----------------------------------------------------------
  async function loadNetwork() {
    // The strongest dyads only: a layout of thousands of nodes helps nobody.
    // The server ranks them (busiest first); one more than shown tells
    // whether there are more.
    const p = filterParams();
    p.set('limit', String(MAX_DYADS + 1));
    const data = await getJSON('/api/dyads', p);
    const more = data.dyads.length > MAX_DYADS;
    data.dyads = data.dyads.slice(0, MAX_DYADS);
    document.getElementById('network-note').textContent = more ? 'the ' + MAX_DYADS + ' strongest dyads' : data.dyads.length + ' dyads';
    const nodes = new Map();
    const edges = [];
    let maxCount = 1;
    for (const d of data.dyads) {
      for (const a of [d.source, d.target]) nodes.set(a, (nodes.get(a) || 0) + d.count);
      maxCount = Math.max(maxCount, d.count);
    }
    for (const d of data.dyads) {
      edges.push({ data: { id: d.source + '>' + d.target, source: d.source, target: d.target, count: d.count, goldstein: d.mean_goldstein, color: goldsteinColor(d.mean_goldstein), width: 1 + 7 * d.count / maxCount } });
    }
    const elements = [...nodes].map(([id, n]) => ({ data: { id: id, label: id, size: 14 + Math.min(30, n * 3) } })).concat(edges);
    const box = document.getElementById('network');
    if (parley.cy) parley.cy.destroy();
    parley.cy = cytoscape({
      container: box, elements: elements, wheelSensitivity: 0.3,
      style: [
        { selector: 'node', style: { label: 'data(label)', width: 'data(size)', height: 'data(size)', 'background-color': '#546e7a', 'font-size': 10, color: '#222', 'text-valign': 'bottom' } },
        { selector: 'edge', style: { width: 'data(width)', 'line-color': 'data(color)', 'target-arrow-color': 'data(color)', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', opacity: 0.85 } },
      ],
      layout: { name: nodes.size > 1 ? 'cose' : 'grid', animate: false, randomize: false },
    });
    parley.cy.on('tap', 'node', ev => { form.elements.actor.value = ev.target.id(); reload(); });
  }

  // Map ---------------------------------------------------------------
  let world = null, markers = null;
  async function initMap() {
    parley.map = L.map('map', { worldCopyJump: true, attributionControl: true, zoomSnap: 0.25 }).setView([25, 20], 1);
    parley.map.attributionControl.addAttribution('Natural Earth via world-atlas');
    const topo = await (await fetch('/static/countries-110m.json')).json();
    world = L.geoJSON(topojson.feature(topo, topo.objects.countries), { interactive: false, style: { color: '#889', weight: 0.6, fillColor: '#f4f1ea', fillOpacity: 1 } }).addTo(parley.map);
    markers = L.layerGroup().addTo(parley.map);
    parley.map.invalidateSize();
    parley.map.fitBounds([[-55, -170], [75, 180]]);
  }
  async function loadMap() {
    if (!parley.map) await initMap();
    const p = filterParams();
    p.set('located', '1');
    p.set('limit', '1000');
    const data = await getJSON('/api/events', p);
    markers.clearLayers();
    for (const e of data.events) {
      const m = L.circleMarker([e.location.lat, e.location.lon], { radius: 4 + Math.min(10, e.num_mentions), color: goldsteinColor(e.goldstein), fillOpacity: 0.7 });
      const tip = el('span', null, e.date + ' ' + actorCode(e.source) + ' ' + e.cameo + ' ' + actorCode(e.target) + ' — ' + e.location.name);
      m.bindTooltip(tip);
      m.on('click', () => openEvent(e.id));
      markers.addLayer(m);
    }
  }

  // Table and evidence ---------------------------------------------------
  function actorCode(a) { return a ? a.code : '—'; }

  async function loadTable(append) {
    const p = filterParams();
    p.set('limit', '50');
    if (append && state.cursor) p.set('cursor', state.cursor);
    const data = await getJSON('/api/events', p);
    const tbody = document.querySelector('#events tbody');
    if (!append) tbody.textContent = '';
    for (const e of data.events) {
      const tr = el('tr', { 'data-id': e.id });
      tr.appendChild(el('td', null, e.date));
      tr.appendChild(el('td', { class: 'code', title: e.source ? e.source.text : '' }, actorCode(e.source)));
      tr.appendChild(el('td', { class: 'code', title: e.rule }, e.cameo + (e.negated ? ' (not)' : '')));
      tr.appendChild(el('td', { class: 'code', title: e.target ? e.target.text : '' }, actorCode(e.target)));
      tr.appendChild(el('td', null, e.plover.type));
      tr.appendChild(el('td', null, e.num_mentions + ' / ' + e.num_articles + ' / ' + e.num_sources));
      tr.appendChild(el('td', null, e.text));
      tr.addEventListener('click', () => openEvent(e.id));
      tbody.appendChild(tr);
    }
    state.cursor = data.next;
    document.getElementById('more').hidden = !data.next;
  }

  async function openEvent(id) {
    for (const tr of document.querySelectorAll('#events tbody tr')) tr.classList.toggle('selected', tr.dataset.id === id);
    const ev = await getJSON('/api/events/' + encodeURIComponent(id));
    const box = document.getElementById('detail');
    box.textContent = '';
    const head = el('p');
    head.appendChild(el('strong', null, actorCode(ev.source) + ' → ' + ev.cameo + ' → ' + actorCode(ev.target)));
    head.appendChild(document.createTextNode(' ' + ev.plover.type + ', ' + ev.date + ' (' + ev.date_precision + '), Goldstein ' + ev.goldstein +
      (ev.location ? ', ' + ev.location.name : '') + '. ' + ev.num_mentions + ' mentions in ' + ev.num_articles + ' articles from ' + ev.num_sources +
      ' sources, seen ' + ev.first_seen + ' to ' + ev.last_seen + '.'));
    box.appendChild(head);
    box.appendChild(el('p', { class: 'why' }, ev.dedup_reason));
    const legend = el('p', { class: 'legend' });
    legend.appendChild(el('mark', { class: 'source' }, 'source'));
    legend.appendChild(document.createTextNode(' '));
    legend.appendChild(el('mark', { class: 'verb' }, 'event'));
    legend.appendChild(document.createTextNode(' '));
    legend.appendChild(el('mark', { class: 'target' }, 'target'));
    box.appendChild(legend);
    for (const m of ev.mentions || []) {
      const div = el('div', { class: 'mention', 'data-id': m.id });
      div.appendChild(el('div', { class: 'meta' }, m.doc_date + ' · ' + (m.doc_source || 'unknown source') + ' · ' + (m.doc_title || m.doc) + ' · sentence ' + m.sentence + ' · ' + m.rule));
      const p = el('p', { class: 'evidence' });
      for (const run of m.evidence || [{ text: m.text }]) {
        p.appendChild(run.mark ? el('mark', { class: run.mark }, run.text) : document.createTextNode(run.text));
      }
      div.appendChild(p);
      div.appendChild(el('div', { class: 'why' }, m.dedup_reason));
      box.appendChild(div);
    }
    const panel = document.getElementById('detail-panel');
    panel.hidden = false;
    panel.scrollIntoView({ block: 'nearest' });
  }

  async function loadStats() {
    const s = await getJSON('/api/stats');
    document.getElementById('stats').textContent = s.documents + ' documents, ' + s.mentions + ' mentions, ' + s.events + ' events';
  }

  async function reload() {
    document.body.dataset.loaded = '0';
    state.cursor = '';
    const jobs = [loadStats(), loadTimeline(), loadNetwork(), loadMap(), loadTable(false)];
    const results = await Promise.allSettled(jobs);
    for (const r of results) if (r.status === 'rejected') showError(r.reason);
    parley.loaded++;
    document.body.dataset.loaded = '1';
  }

  for (const t of PLOVER_TYPES) form.elements.plover.appendChild(el('option', { value: t }, t));
  form.addEventListener('submit', ev => { ev.preventDefault(); reload(); });
  form.addEventListener('reset', () => setTimeout(reload, 0));
  document.getElementById('more').addEventListener('click', () => loadTable(true).catch(showError));
  document.getElementById('close-detail').addEventListener('click', () => { document.getElementById('detail-panel').hidden = true; });
  reload();
})();
