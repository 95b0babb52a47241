// linkage explorer: draws the graph laid out by Graphviz at build time, and answers
// path and diff questions the way `linkage path` and `linkage diff` do (the tests
// compare the two for every pair of strategies, goals and mechanisms). Hand-written,
// no library, no request: everything it needs is in the page.
(function () {
  'use strict';
  var D = JSON.parse(document.getElementById('graph-data').textContent);
  var N = D.nodes, R = D.relations, P = D.papers, NK = D.nodeKinds, RK = D.relationKinds;
  var SVGNS = 'http://www.w3.org/2000/svg';
  var LIMIT = 50; // routes listed, as `linkage path` lists by default
  function $(id) { return document.getElementById(id); }

  var state = { lang: D.lang === 'zh' ? 'zh' : 'en', papers: [], selected: null, lit: [] };
  if (D.initialPaper) state.papers = [D.initialPaper];

  // Each node's relations, in data order: outgoing and incoming.
  var out = N.map(function () { return []; });
  var inc = N.map(function () { return []; });
  R.forEach(function (r, i) { out[r.from].push(i); inc[r.to].push(i); });
  var byId = {};
  N.forEach(function (n, i) { byId[n.id] = i; });

  // ---- the query engine (mirrors src/query/path.rs, walk.rs and diff.rs) ----

  function asserted(r, papers) {
    return papers.length === 0 || r.sources.some(function (s) { return papers.indexOf(P[s.paper].id) >= 0; });
  }
  function sourcesOf(r, papers) {
    return r.sources.filter(function (s) { return papers.length === 0 || papers.indexOf(P[s.paper].id) >= 0; });
  }
  function symmetric(r) { return RK[r.kind].symmetric; }

  // Hops leaving (forward === true) or entering node v: relations walked along their
  // direction, and symmetric ones against it.
  function hopsFrom(v, papers) {
    var hops = [];
    out[v].forEach(function (e) { if (asserted(R[e], papers)) hops.push({ edge: e, from: v, to: R[e].to, forward: true }); });
    inc[v].forEach(function (e) { if (symmetric(R[e]) && asserted(R[e], papers)) hops.push({ edge: e, from: v, to: R[e].from, forward: false }); });
    return hops;
  }
  function hopsInto(v, papers) {
    var hops = [];
    inc[v].forEach(function (e) { if (asserted(R[e], papers)) hops.push({ edge: e, from: R[e].from, to: v, forward: true }); });
    out[v].forEach(function (e) { if (symmetric(R[e]) && asserted(R[e], papers)) hops.push({ edge: e, from: R[e].to, to: v, forward: false }); });
    return hops;
  }
  function bfs(start, next) {
    var dist = {}; dist[start] = 0;
    var queue = [start];
    for (var i = 0; i < queue.length; i++) {
      var v = queue[i];
      next(v).forEach(function (w) { if (!(w in dist)) { dist[w] = dist[v] + 1; queue.push(w); } });
    }
    return dist;
  }
  // Every hop from a straight to b, in edge order (a step of a route).
  function hopsBetween(a, b, papers) {
    return hopsFrom(a, papers).filter(function (h) { return h.to === b; })
      .sort(function (x, y) { return x.edge - y.edge || (x.forward === y.forward ? 0 : x.forward ? 1 : -1); });
  }
  // All shortest routes from a to b: their number and the first LIMIT in
  // lexicographic order of node indices, each with the hops of every step.
  function shortestPaths(a, b, papers) {
    var fwd = bfs(a, function (v) { return hopsFrom(v, papers).map(function (h) { return h.to; }); });
    if (!(b in fwd)) return { total: 0, paths: [] };
    var back = bfs(b, function (v) { return hopsInto(v, papers).map(function (h) { return h.from; }); });
    var length = fwd[b];
    function onRoute(w, depth) { return fwd[w] === depth && back[w] === length - depth; }
    function successors(v) {
      var seen = {};
      return hopsFrom(v, papers).map(function (h) { return h.to; })
        .filter(function (w) { if (seen[w] || !onRoute(w, fwd[v] + 1)) return false; seen[w] = true; return true; })
        .sort(function (x, y) { return x - y; });
    }
    var count = {};
    function countFrom(v) {
      if (v === b) return 1;
      if (v in count) return count[v];
      var c = 0;
      successors(v).forEach(function (w) { c += countFrom(w); });
      count[v] = c;
      return c;
    }
    var total = countFrom(a);
    var routes = [];
    (function list(route) {
      if (routes.length >= LIMIT) return;
      var v = route[route.length - 1];
      if (v === b) { routes.push(route.slice()); return; }
      successors(v).forEach(function (w) { route.push(w); list(route); route.pop(); });
    })([a]);
    return {
      total: total,
      paths: routes.map(function (nodes) {
        var steps = [];
        for (var i = 0; i + 1 < nodes.length; i++) steps.push(hopsBetween(nodes[i], nodes[i + 1], papers));
        return { nodes: nodes, steps: steps };
      })
    };
  }
  // What a and b share, where they differ by dimension, and their direct relations.
  function diff(a, b, papers) {
    var direct = [], common = [], rows = [], rowOf = {};
    var incident = out[a].concat(inc[a].filter(function (e) { return R[e].from !== a; }));
    incident.forEach(function (e) {
      var r = R[e];
      var other = r.from === a ? r.to : r.from;
      if (other !== b) return;
      var sources = sourcesOf(r, papers);
      if (sources.length === 0) return;
      var claim = { edge: e, sources: sources };
      var role = RK[r.kind].role;
      if (role === 'common-ground') common.push(claim);
      else if (role === 'difference') {
        if (r.dimension === null || !r.positions) return;
        var mine = r.from === a ? 0 : 1;
        if (!(r.dimension in rowOf)) { rowOf[r.dimension] = rows.length; rows.push({ dimension: r.dimension, entries: [] }); }
        rows[rowOf[r.dimension]].entries.push({ claim: claim, a: r.positions[mine], b: r.positions[1 - mine] });
      } else direct.push(claim);
    });
    return { a: a, b: b, direct: direct, common: common, differences: rows };
  }
  function paperIds(sources) {
    var ids = [];
    sources.forEach(function (s) { var id = P[s.paper].id; if (ids.indexOf(id) < 0) ids.push(id); });
    return ids;
  }

  // The hooks the browser test reads: the page's own answers, by node id.
  window.linkageExplorer = {
    path: function (a, b, papers) {
      var found = shortestPaths(byId[a], byId[b], papers || []);
      return { total: found.total, paths: found.paths.map(function (p) { return p.nodes.map(function (v) { return N[v].id; }); }) };
    },
    diff: function (a, b, papers) {
      var d = diff(byId[a], byId[b], papers || []);
      return {
        direct: d.direct.map(function (c) { return { kind: RK[R[c.edge].kind].name, papers: paperIds(c.sources) }; }),
        common: d.common.map(function (c) { return { aspect: R[c.edge].aspect === null ? null : N[R[c.edge].aspect].id, papers: paperIds(c.sources) }; }),
        differences: d.differences.map(function (row) {
          return { dimension: N[row.dimension].id, entries: row.entries.map(function (x) { return { a: x.a, b: x.b, papers: paperIds(x.claim.sources) }; }) };
        })
      };
    }
  };

  // ---- helpers for building the page ----

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') node.textContent = attrs[k];
      else if (k === 'onclick') node.addEventListener('click', attrs[k]);
      else if (attrs[k] !== null && attrs[k] !== undefined) node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return node;
  }
  function svg(tag, attrs) {
    var node = document.createElementNS(SVGNS, tag);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }
  // The interface's words in the language shown (src/i18n/explorer.rs, handed over in
  // the page's data), each `{name}` filled from `fill`.
  function t(key, fill) {
    var text = (D.words[state.lang] || D.words.en)[key];
    Object.keys(fill || {}).forEach(function (k) { text = text.split('{' + k + '}').join(String(fill[k])); });
    return text;
  }
  // The page's fixed words (marked data-t, data-t-placeholder, data-t-aria-label) in
  // the language shown.
  function translate() {
    document.documentElement.lang = state.lang;
    document.title = t('title');
    document.querySelectorAll('[data-t]').forEach(function (e) { e.textContent = t(e.getAttribute('data-t')); });
    ['placeholder', 'aria-label'].forEach(function (attr) {
      document.querySelectorAll('[data-t-' + attr + ']').forEach(function (e) { e.setAttribute(attr, t(e.getAttribute('data-t-' + attr))); });
    });
    $('lang').setAttribute('aria-pressed', String(state.lang === 'zh'));
  }
  function label(v) { return state.lang === 'zh' && N[v].zh ? N[v].zh : N[v].label; }
  function kindName(v) { var k = NK[N[v].kind]; return state.lang === 'zh' && k.zh ? k.zh : k.name; }
  function relKindLabel(r) { var k = RK[r.kind]; return state.lang === 'zh' && k.zh ? k.zh : k.label; }
  // A relation's sentence in the language shown, read from `from` (forward) or, for a
  // symmetric kind, from `to`.
  function sentence(r, forward) {
    var zh = state.lang === 'zh', text = zh ? r.sentenceZh : r.sentence, back = zh ? r.backZh : r.back;
    return forward || !back ? text : back;
  }
  function citation(p) {
    var parts = [p.cite + '.'];
    parts.push(p.title ? p.title + '.' : t('titleUnknown'));
    parts.push(p.authors ? p.authors.join(', ') + '.' : t('authorsUnknown'));
    parts.push(p.venue ? p.venue + '.' : t('venueUnknown'));
    parts.push(p.year ? String(p.year) + '.' : t('yearUnknown'));
    if (p.doi) parts.push('doi:' + p.doi);
    return parts.join(' ');
  }
  function nodeLink(v) {
    return el('button', { type: 'button', 'class': 'node-link', 'data-node': N[v].id, text: label(v), onclick: function () { selectNode(v, true); } });
  }
  function sourceBlock(s, full) {
    var p = P[s.paper];
    return el('div', { 'class': 'source' }, [
      el('span', { 'class': 'cite', text: p.cite }), ', ' + s.locator + (full ? '' : ''),
      el('blockquote', { 'class': 'quote', text: '\u201c' + s.quote + '\u201d' }),
      full ? el('div', { 'class': 'meta', text: citation(p) }) : null
    ]);
  }

  // ---- drawing ----

  var edgeEls = [], hitEls = [], nodeEls = [];
  // Each node's box as drawn: the laid-out box, widened where the label shown is wider.
  var drawn = D.layout.nodes.map(function (box) { return box.slice(); });
  // A straight line from the border of box a to the border of box b (centre x, centre
  // y, width, height), where the arrow head goes.
  function line(a, b) {
    var dx = b[0] - a[0], dy = b[1] - a[1];
    function clip(box, sign) {
      var t = Math.min(dx ? box[2] / 2 / Math.abs(dx) : Infinity, dy ? box[3] / 2 / Math.abs(dy) : Infinity);
      return [box[0] + sign * dx * t, box[1] + sign * dy * t];
    }
    var p = clip(a, 1), q = clip(b, -1);
    return 'M' + p[0].toFixed(1) + ',' + p[1].toFixed(1) + 'L' + q[0].toFixed(1) + ',' + q[1].toFixed(1);
  }
  function draw() {
    var L = D.layout, edges = $('edges'), nodes = $('nodes');
    R.forEach(function (r, i) {
      var d = line(L.nodes[r.from], L.nodes[r.to]);
      var attrs = { d: d, 'class': 'edge' + (RK[r.kind].symmetric ? ' symmetric' : ''), id: 'rel-' + i, stroke: RK[r.kind].color, 'data-relation': i };
      var path = svg('path', attrs);
      // The tooltip quotes, not just locates: sentence, then each source.
      var title = svg('title', {});
      title.textContent = [sentence(r, true)].concat(r.sources.map(function (s) { return P[s.paper].cite + ', ' + s.locator + ': \u201c' + s.quote + '\u201d'; })).join('\n');
      path.appendChild(title);
      var hit = svg('path', { d: d, 'class': 'edge-hit', 'data-relation': i });
      edges.appendChild(path); edges.appendChild(hit);
      edgeEls.push(path); hitEls.push(hit);
    });
    N.forEach(function (n, v) {
      var box = L.nodes[v], kind = NK[n.kind];
      var g = svg('g', { 'class': 'node', id: 'node-' + n.id, 'data-node': v, tabindex: '-1', role: 'button' });
      g.appendChild(svg('rect', { x: box[0] - box[2] / 2, y: box[1] - box[3] / 2, width: box[2], height: box[3], fill: kind.fill, stroke: kind.line }));
      g.appendChild(svg('text', { x: box[0], y: box[1], 'text-anchor': 'middle' }));
      nodes.appendChild(g);
      nodeEls.push(g);
    });
    drawLabels();
  }
  // Each node's label in the language shown, and its box fitted to the label: the
  // layout reserved room for the wider of the two languages line by line
  // (src/teach/layout.rs); where the browser's font still draws a label wider or
  // taller, the box grows around it, and the edges are clipped to the boxes drawn.
  function drawLabels() {
    N.forEach(function (n, v) {
      var g = nodeEls[v], text = g.querySelector('text'), rect = g.querySelector('rect'), box = D.layout.nodes[v];
      var lines = state.lang === 'zh' && n.zhLines ? n.zhLines : n.lines;
      text.textContent = '';
      lines.forEach(function (line, i) {
        var span = svg('tspan', { x: box[0], y: box[1] + 4 + (i - (lines.length - 1) / 2) * 14 });
        span.textContent = line;
        text.appendChild(span);
      });
      var m = text.getBBox(), w = Math.max(box[2], Math.ceil(m.width) + 10), h = Math.max(box[3], Math.ceil(m.height) + 6);
      drawn[v] = [box[0], box[1], w, h];
      rect.setAttribute('x', box[0] - w / 2); rect.setAttribute('y', box[1] - h / 2);
      rect.setAttribute('width', w); rect.setAttribute('height', h);
      g.setAttribute('aria-label', label(v) + ' (' + kindName(v) + ')');
    });
    R.forEach(function (r, i) {
      var d = line(drawn[r.from], drawn[r.to]);
      edgeEls[i].setAttribute('d', d); hitEls[i].setAttribute('d', d);
    });
  }
  function legend() {
    var used = {};
    N.forEach(function (n) { used[n.kind] = true; });
    var box = $('legend');
    box.textContent = '';
    NK.forEach(function (k, i) {
      if (!used[i]) return;
      var sw = el('i', { 'class': 'swatch', style: 'background:' + k.fill + ';border-color:' + k.line });
      box.appendChild(el('span', {}, [sw, state.lang === 'zh' && k.zh ? k.zh : k.name]));
    });
  }

  // ---- pan and zoom ----

  var view = { x: 0, y: 0, k: 1 };
  function apply() { $('viewport').setAttribute('transform', 'translate(' + view.x + ',' + view.y + ') scale(' + view.k + ')'); }
  function size() { var r = $('graph').getBoundingClientRect(); return { w: r.width, h: r.height }; }
  // Everything, or under a paper filter the concepts the paper relates.
  function fit() {
    if (state.papers.length) {
      var shown = {};
      R.forEach(function (r) { if (asserted(r, state.papers)) { shown[r.from] = true; shown[r.to] = true; } });
      var nodes = Object.keys(shown).map(Number);
      if (nodes.length) { centreOn(nodes); return; }
    }
    var s = size(), L = D.layout;
    view.k = Math.min(s.w / L.width, s.h / L.height) * 0.97;
    view.x = (s.w - L.width * view.k) / 2; view.y = (s.h - L.height * view.k) / 2;
    apply();
  }
  function zoom(factor, cx, cy) {
    var s = size();
    if (cx === undefined) { cx = s.w / 2; cy = s.h / 2; }
    var k = Math.max(0.05, Math.min(6, view.k * factor));
    view.x = cx - (cx - view.x) * (k / view.k); view.y = cy - (cy - view.y) * (k / view.k); view.k = k;
    apply();
  }
  function centre(v) {
    var s = size(), box = D.layout.nodes[v];
    view.k = Math.max(view.k, 0.9);
    view.x = s.w / 2 - box[0] * view.k; view.y = s.h / 2 - box[1] * view.k;
    apply();
  }
  // Frames `nodes` as large as fits (up to `most` times their drawn size), 16 px clear
  // of the drawing's edges and of the legend: over the whole drawing, with the nodes
  // that reach down beside the legend moved right of it; where the drawing is too
  // narrow for that, in the band above the legend.
  function centreOn(nodes, most) {
    if (nodes.length === 0) return;
    var s = size(), m = 16, boxes = nodes.map(function (v) { return D.layout.nodes[v]; });
    var edge = function (f) { return boxes.map(f); };
    var x0 = Math.min.apply(null, edge(function (b) { return b[0] - b[2] / 2; })), x1 = Math.max.apply(null, edge(function (b) { return b[0] + b[2] / 2; }));
    var y0 = Math.min.apply(null, edge(function (b) { return b[1] - b[3] / 2; })), y1 = Math.max.apply(null, edge(function (b) { return b[1] + b[3] / 2; }));
    var canvas = $('graph').getBoundingClientRect(), box = $('legend').getBoundingClientRect();
    // The legend counts where it lies over the drawing (on a phone it is under it).
    var legend = box.height > 0 && box.top < canvas.bottom ? { top: box.top - canvas.top, right: box.right - canvas.left } : null;
    function frame(h) {
      var k = Math.min(most || 1.2, (s.w - 2 * m) / Math.max(1, x1 - x0), (h - 2 * m) / Math.max(1, y1 - y0));
      return { k: k, x: s.w / 2 - (x0 + x1) / 2 * k, y: h / 2 - (y0 + y1) / 2 * k };
    }
    var f = frame(s.h);
    if (legend) {
      boxes.forEach(function (b) {
        if (f.y + (b[1] + b[3] / 2) * f.k > legend.top - m) f.x = Math.max(f.x, legend.right + m - (b[0] - b[2] / 2) * f.k);
      });
      if (f.x + x1 * f.k > s.w - m) f = frame(Math.max(s.h / 2, legend.top - m));
    }
    view.k = f.k; view.x = f.x; view.y = f.y;
    apply();
  }
  function panning() {
    var g = $('graph'), drag = null;
    g.addEventListener('pointerdown', function (e) { drag = { x: e.clientX, y: e.clientY, vx: view.x, vy: view.y, moved: false }; });
    g.addEventListener('pointermove', function (e) {
      if (!drag) return;
      var dx = e.clientX - drag.x, dy = e.clientY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 4) { drag.moved = true; g.classList.add('dragging'); }
      if (drag.moved) { view.x = drag.vx + dx; view.y = drag.vy + dy; apply(); }
    });
    window.addEventListener('pointerup', function (e) {
      if (drag && !drag.moved) {
        var target = e.target.closest ? e.target.closest('[data-node],[data-relation]') : null;
        if (target && target.hasAttribute('data-node')) selectNode(+target.getAttribute('data-node'), false);
        else if (target && target.hasAttribute('data-relation')) selectRelation(+target.getAttribute('data-relation'));
      }
      drag = null; g.classList.remove('dragging');
    });
    g.addEventListener('wheel', function (e) {
      e.preventDefault();
      var r = g.getBoundingClientRect();
      zoom(e.deltaY < 0 ? 1.15 : 1 / 1.15, e.clientX - r.left, e.clientY - r.top);
    }, { passive: false });
    g.addEventListener('keydown', function (e) {
      var step = 60, handled = true;
      if (e.key === 'ArrowLeft') view.x += step;
      else if (e.key === 'ArrowRight') view.x -= step;
      else if (e.key === 'ArrowUp') view.y += step;
      else if (e.key === 'ArrowDown') view.y -= step;
      else if (e.key === '+' || e.key === '=') zoom(1.2);
      else if (e.key === '-') zoom(1 / 1.2);
      else if (e.key === '0') fit();
      else handled = false;
      if (handled) { e.preventDefault(); apply(); }
    });
    $('zoom-in').addEventListener('click', function () { zoom(1.25); });
    $('zoom-out').addEventListener('click', function () { zoom(1 / 1.25); });
    $('zoom-fit').addEventListener('click', fit);
  }

  // ---- highlighting and the paper filter ----

  function shade() {
    // Without a paper filter every concept is shown, related or not.
    var papers = state.papers, visible = N.map(function () { return papers.length === 0; });
    var lit = state.lit, litNodes = {}, litEdges = {};
    lit.forEach(function (item) { if (item.node !== undefined) litNodes[item.node] = true; else litEdges[item.edge] = true; });
    // A soft highlight (the opening view) marks its items and fades nothing.
    var focus = lit.length > 0 && !state.soft;
    R.forEach(function (r, i) {
      var on = asserted(r, papers);
      if (on) { visible[r.from] = true; visible[r.to] = true; }
      edgeEls[i].classList.toggle('faded', !on || (focus && !litEdges[i]));
      edgeEls[i].classList.toggle('lit', !!litEdges[i] && !state.near);
      edgeEls[i].classList.toggle('near', !!litEdges[i] && state.near);
    });
    nodeEls.forEach(function (g, v) {
      g.classList.toggle('faded', !visible[v] || (focus && !litNodes[v]));
      g.classList.toggle('lit', !!litNodes[v] && !state.near);
      g.classList.toggle('selected', state.selected === v);
    });
  }
  // Brings nodes and edges forward and fades the rest: `near` ones in their own
  // colours (a node's neighbourhood), the others marked (a chain, a comparison);
  // `soft`: marked, the rest left as it is (the opening view).
  function highlight(nodes, edges, near, soft) {
    state.near = !!near;
    state.soft = !!soft;
    state.lit = nodes.map(function (v) { return { node: v }; }).concat(edges.map(function (e) { return { edge: e }; }));
    shade();
  }

  // ---- the details view ----

  function showTab(name) {
    ['details', 'path', 'diff'].forEach(function (t) {
      $('tab-' + t).setAttribute('aria-selected', String(t === name));
      $('view-' + t).hidden = t !== name;
    });
  }
  function selectNode(v, andCentre, redrawn) {
    state.selected = v;
    var papers = state.papers, view = $('view-details');
    view.textContent = '';
    var n = N[v];
    view.appendChild(el('h2', { id: 'details-title', text: label(v) }));
    var other = state.lang === 'zh' ? (n.zh ? n.label : null) : n.zh;
    view.appendChild(el('p', { 'class': 'meta', text: kindName(v) + (other ? ' \u00b7 ' + other : '') + (n.aliases.length ? ' \u00b7 ' + t('also') + n.aliases.join('; ') : '') }));
    if (n.description) view.appendChild(el('p', { text: n.description }));
    var groups = [], groupOf = {}, lit = [];
    out[v].concat(inc[v].filter(function (e) { return R[e].from !== v; })).forEach(function (e) {
      var r = R[e];
      var sources = sourcesOf(r, papers);
      if (sources.length === 0) return;
      var outgoing = r.from === v;
      var key = r.kind + (RK[r.kind].symmetric ? '' : outgoing ? '>' : '<');
      if (!(key in groupOf)) { groupOf[key] = groups.length; groups.push({ title: (outgoing || RK[r.kind].symmetric ? '' : '\u2190 ') + relKindLabel(r) + (outgoing && !RK[r.kind].symmetric ? ' \u2192' : ''), items: [] }); }
      groups[groupOf[key]].items.push({ edge: e, outgoing: outgoing, sources: sources });
      lit.push(e);
    });
    if (groups.length === 0) view.appendChild(el('p', { 'class': 'hint', text: t('noRelation') }));
    groups.forEach(function (group) {
      view.appendChild(el('h3', { text: group.title + t('counted', { n: group.items.length }) }));
      group.items.forEach(function (item) {
        var r = R[item.edge], other = item.outgoing ? r.to : r.from;
        view.appendChild(el('div', { 'class': 'rel' }, [
          el('button', { type: 'button', 'class': 'link', 'data-relation': item.edge, text: sentence(r, item.outgoing), onclick: function () { selectRelation(item.edge); } }),
          el('div', { 'class': 'papers' }, [t('with'), nodeLink(other), ' \u00b7 ' + paperIds(item.sources).map(function (id) { return P[byId_paper(id)].cite; }).join('; ')]),
        ].concat(item.sources.map(function (s) { return sourceBlock(s, false); }))));
      });
    });
    highlight([v].concat(lit.map(function (e) { return R[e].from === v ? R[e].to : R[e].from; })), lit, true);
    showTab('details');
    // The concept's title at the top, not the scroll position of the last one read; on
    // a phone the page scrolls instead, so a concept chosen (not redrawn) brings it up.
    var panel = document.querySelector('.panel'); panel.scrollTop = 0;
    if (!redrawn && getComputedStyle(panel).overflowY === 'visible') panel.scrollIntoView({ block: 'start' });
    if (andCentre) centre(v);
  }
  function byId_paper(id) { for (var i = 0; i < P.length; i++) if (P[i].id === id) return i; return -1; }
  function selectRelation(e) {
    var r = R[e], view = $('view-details');
    view.textContent = '';
    view.appendChild(el('h2', { id: 'details-title', text: sentence(r, true) }));
    view.appendChild(el('p', { 'class': 'meta' }, [relKindLabel(r) + ': ', nodeLink(r.from), ' \u2192 ', nodeLink(r.to)]));
    var topic = r.aspect !== null ? r.aspect : r.dimension;
    if (topic !== null) view.appendChild(el('p', {}, [t(r.aspect !== null ? 'aspect' : 'dimension'), nodeLink(topic)]));
    if (r.positions) {
      view.appendChild(el('table', { 'class': 'positions' }, [
        el('tr', {}, [el('th', { text: label(r.from) }), el('th', { text: label(r.to) })]),
        el('tr', {}, [el('td', { text: r.positions[0] }), el('td', { text: r.positions[1] })])
      ]));
    }
    view.appendChild(el('h3', { text: t('sources', { n: r.sources.length }) }));
    r.sources.forEach(function (s) { view.appendChild(sourceBlock(s, true)); });
    state.selected = null;
    highlight([r.from, r.to], [e]);
    showTab('details');
  }

  // ---- path and diff views ----

  // The Path and Compare pickers: the concepts grouped by kind (the schema's order),
  // each group by label; a filter above each list keeps the concepts whose label,
  // alias, Chinese label or id holds what is typed, and picks the first of them.
  function nodeOptions() {
    var order = N.map(function (n, v) { return v; }).sort(function (a, b) { return label(a).localeCompare(label(b)); });
    document.querySelectorAll('.node-select').forEach(function (select) {
      var keep = select.value;
      select.textContent = '';
      NK.forEach(function (k, kind) {
        var members = order.filter(function (v) { return N[v].kind === kind; });
        if (members.length === 0) return;
        var group = el('optgroup', { label: state.lang === 'zh' && k.zh ? k.zh : k.name });
        members.forEach(function (v) { group.appendChild(el('option', { value: N[v].id, text: label(v) })); });
        select.appendChild(group);
      });
      if (keep) select.value = keep;
      var filter = $(select.id + '-filter');
      if (filter && filter.value) narrow(select, filter.value, false);
    });
  }
  function narrow(select, query, pick) {
    var q = query.trim().toLowerCase(), first = null;
    select.querySelectorAll('optgroup').forEach(function (group) {
      var any = false;
      group.querySelectorAll('option').forEach(function (option) {
        var n = N[byId[option.value]];
        var names = [n.id, n.label].concat(n.aliases, n.zh ? [n.zh] : []);
        var hit = !q || names.some(function (name) { return name.toLowerCase().indexOf(q) >= 0; });
        option.hidden = !hit;
        if (hit) { any = true; if (first === null) first = option.value; }
      });
      group.hidden = !any;
    });
    if (pick && q && first !== null) select.value = first;
  }
  function runPath() {
    tour = null;
    var a = byId[$('path-from').value], b = byId[$('path-to').value], box = $('path-result');
    box.textContent = '';
    if (a === b) { box.appendChild(el('p', { text: t('pickTwo') })); return; }
    var found = shortestPaths(a, b, state.papers);
    if (found.total === 0) {
      box.appendChild(el('p', { id: 'path-summary', text: t(state.papers.length ? 'noChainPaper' : 'noChain', { a: label(a), b: label(b) }) }));
      highlight([a, b], []);
      return;
    }
    var len = found.paths[0].nodes.length - 1;
    var summary = (found.total === 1 ? 'chainsOne' : 'chainsMany') + (len === 1 ? '' : 'Long');
    box.appendChild(el('p', { id: 'path-summary', text: t(summary, { n: found.total, len: len }) + (found.paths.length < found.total ? t('firstListed', { n: found.paths.length }) : '') }));
    var first = [];
    found.paths[0].steps.forEach(function (hops) { hops.forEach(function (h) { first.push({ edge: h.edge, text: sentence(R[h.edge], h.forward) }); }); });
    box.appendChild(el('button', { type: 'button', id: 'path-tour', text: t('tourChain'), onclick: function () { startTour(box, 'chain', first); } }));
    var nodes = {}, edges = {};
    found.paths.forEach(function (p, i) {
      box.appendChild(el('h3', { text: t('chain', { i: i + 1 }) + p.nodes.map(label).join(' \u2192 ') }));
      var list = el('ol', { 'class': 'route' });
      p.nodes.forEach(function (v) { nodes[v] = true; });
      p.steps.forEach(function (hops) {
        hops.forEach(function (h) {
          edges[h.edge] = true;
          var r = R[h.edge], sources = sourcesOf(r, state.papers);
          list.appendChild(el('li', { 'class': 'rel' }, [
            el('button', { type: 'button', 'class': 'link', text: sentence(r, h.forward), onclick: function () { selectRelation(h.edge); } })
          ].concat(sources.map(function (s) { return sourceBlock(s, false); }))));
        });
      });
      box.appendChild(list);
    });
    var nodeList = Object.keys(nodes).map(Number);
    highlight(nodeList, Object.keys(edges).map(Number));
    centreOn(nodeList);
  }
  // `opening`: the first view, which marks the two and fades nothing.
  function runDiff(opening) {
    tour = null;
    var a = byId[$('diff-a').value], b = byId[$('diff-b').value], box = $('diff-result');
    box.textContent = '';
    if (a === b) { box.appendChild(el('p', { text: t('pickTwo') })); return; }
    var d = diff(a, b, state.papers), edges = [];
    box.appendChild(el('h2', { text: t('pair', { a: label(a), b: label(b) }) }));
    var items = [];
    d.direct.concat(d.common).forEach(function (c) { items.push({ edge: c.edge, text: sentence(R[c.edge], R[c.edge].from === a) }); });
    d.differences.forEach(function (row) { row.entries.forEach(function (x) { items.push({ edge: x.claim.edge, text: sentence(R[x.claim.edge], R[x.claim.edge].from === a) }); }); });
    box.appendChild(compactTable(a, b, d));
    if (items.length) box.appendChild(el('button', { type: 'button', id: 'diff-tour', text: t('tourDiff', { n: items.length }), onclick: function () { startTour(box, 'diff', items); } }));
    function claimBlock(c, text) {
      edges.push(c.edge);
      return el('div', { 'class': 'rel' }, [
        el('button', { type: 'button', 'class': 'link', text: text, onclick: function () { selectRelation(c.edge); } }),
        el('div', { 'class': 'papers', text: paperIds(c.sources).map(function (id) { return P[byId_paper(id)].cite; }).join('; ') })
      ].concat(c.sources.map(function (s) { return sourceBlock(s, false); })));
    }
    box.appendChild(el('h3', { id: 'common-heading', text: t('commonQuotes', { n: d.common.length }) }));
    if (d.common.length === 0) box.appendChild(el('p', { 'class': 'hint', text: t('noneAsserted') }));
    d.common.forEach(function (c) {
      var r = R[c.edge];
      box.appendChild(el('h4', { 'class': 'aspect', id: r.aspect === null ? null : 'row-c-' + r.aspect, text: r.aspect === null ? t('commonGround') : label(r.aspect) }));
      box.appendChild(claimBlock(c, sentence(r, r.from === a)));
    });
    box.appendChild(el('h3', { id: 'differences-heading', text: t('differencesDims', { n: d.differences.length }) }));
    if (d.differences.length === 0) box.appendChild(el('p', { 'class': 'hint', text: t('noneAsserted') }));
    d.differences.forEach(function (row) {
      box.appendChild(el('h4', { 'class': 'dimension', id: 'row-d-' + row.dimension, text: label(row.dimension) }));
      row.entries.forEach(function (x) {
        box.appendChild(el('table', { 'class': 'positions' }, [
          el('tr', {}, [el('th', { text: label(a) }), el('th', { text: label(b) })]),
          el('tr', {}, [el('td', { text: x.a }), el('td', { text: x.b })])
        ]));
        box.appendChild(claimBlock(x.claim, sentence(R[x.claim.edge], R[x.claim.edge].from === a)));
      });
    });
    box.appendChild(el('h3', { id: 'direct-heading', text: t('direct', { n: d.direct.length }) }));
    var ways = {};
    d.direct.forEach(function (c) { ways[R[c.edge].kind + (R[c.edge].from === a ? '>' : '<')] = true; });
    var count = Object.keys(ways).length;
    if (count > 1) box.appendChild(el('p', { 'class': 'disputed', text: t('disputedWays', { n: count }) }));
    d.direct.forEach(function (c) { box.appendChild(claimBlock(c, sentence(R[c.edge], true))); });
    highlight([a, b], edges, false, opening === true);
    centreOn([a, b], opening === true ? 2 : 1.2);
  }

  // The comparison at a glance, as `linkage compare` gives it: each aspect of common
  // ground and dimension of difference, how many papers name it, and how the papers
  // dispute it (the disputes model, computed by linkage); each row's quotes one click
  // away, below.
  function compactTable(a, b, d) {
    function disputed(topic) {
      var kinds = [];
      (D.disputes || []).forEach(function (x) {
        if (x.topic === topic && x.subject.indexOf(a) >= 0 && x.subject.indexOf(b) >= 0 && kinds.indexOf(x.strength) < 0) kinds.push(x.strength);
      });
      return kinds.map(function (k) { return t(k); }).join(state.lang === 'zh' ? '\u3001' : ', ');
    }
    var rows = [], at = {};
    function add(stance, topic, sources) {
      var key = stance + topic;
      if (!(key in at)) { at[key] = rows.length; rows.push({ stance: stance, topic: topic, papers: [] }); }
      paperIds(sources).forEach(function (id) { var row = rows[at[key]]; if (row.papers.indexOf(id) < 0) row.papers.push(id); });
    }
    d.common.forEach(function (c) { if (R[c.edge].aspect !== null) add('c', R[c.edge].aspect, c.sources); });
    d.differences.forEach(function (row) { row.entries.forEach(function (x) { add('d', row.dimension, x.claim.sources); }); });
    function order(stance) { return rows.filter(function (r) { return r.stance === stance; }).sort(function (x, y) { return y.papers.length - x.papers.length; }); }
    // Common ground and differences side by side, so every row fits the first screen.
    var wrap = el('div', { 'class': 'compact-wrap', id: 'compare-table' });
    [['c', t('commonGround')], ['d', t('differences')]].forEach(function (part) {
      var these = order(part[0]);
      var table = el('table', { 'class': 'compact' });
      wrap.appendChild(table);
      table.appendChild(el('tr', {}, [el('th', { text: part[1] + t('counted', { n: these.length }) }), el('th', { title: t('papersNaming'), text: '#' }), el('th', { text: t('disputed') })]));
      these.forEach(function (r) {
        var mark = disputed(r.topic);
        table.appendChild(el('tr', { 'class': mark ? 'disputed-row' : null }, [
          el('td', {}, [el('button', { type: 'button', 'class': 'link', text: label(r.topic), onclick: function () {
            var target = $('row-' + r.stance + '-' + r.topic);
            if (target) target.scrollIntoView({ block: 'start' });
          } })]),
          el('td', { 'class': 'count', text: String(r.papers.length) }),
          el('td', { text: mark })
        ]));
      });
    });
    return wrap;
  }

  // ---- step through: the argument revealed one relation at a time (arrow keys) ----

  var tour = null;
  function startTour(box, title, items) {
    tour = { box: box, title: title, items: items, at: 0 };
    showStep();
    box.querySelector('.tour-nav button:nth-of-type(2)').focus();
  }
  function showStep() {
    var tr = tour, item = tr.items[tr.at], r = R[item.edge];
    var old = tr.box.querySelector('.tour');
    if (old) old.remove();
    var panel = el('div', { 'class': 'tour', role: 'region', 'aria-label': t('stepByStep') }, [
      el('div', { 'class': 'tour-nav' }, [
        el('button', { type: 'button', text: t('previous'), onclick: function () { moveTour(-1); } }),
        el('span', { 'class': 'tour-count', text: t('stepOf', { i: tr.at + 1, n: tr.items.length }) }),
        el('button', { type: 'button', text: t('next'), onclick: function () { moveTour(1); } }),
        el('button', { type: 'button', text: t('close'), onclick: endTour })
      ]),
      el('p', { 'class': 'tour-sentence', text: (tr.at + 1) + '. ' + item.text })
    ].concat(sourcesOf(r, state.papers).map(function (s) { return sourceBlock(s, false); })));
    tr.box.insertBefore(panel, tr.box.firstChild.nextSibling);
    var done = tr.items.slice(0, tr.at).map(function (x) { return x.edge; });
    var nodes = [];
    tr.items.slice(0, tr.at + 1).forEach(function (x) { nodes.push(R[x.edge].from, R[x.edge].to); });
    highlight(nodes, [item.edge]);
    done.forEach(function (e) { edgeEls[e].classList.remove('faded'); edgeEls[e].classList.add('done'); });
    centreOn(nodes);
  }
  function moveTour(by) {
    if (!tour) return;
    tour.at = Math.max(0, Math.min(tour.items.length - 1, tour.at + by));
    showStep();
    tour.box.querySelector('.tour-nav button:nth-of-type(2)').focus();
  }
  function endTour() {
    var old = tour && tour.box.querySelector('.tour');
    if (old) old.remove();
    tour = null;
    edgeEls.forEach(function (e) { e.classList.remove('done'); });
    shade();
  }
  document.addEventListener('keydown', function (e) {
    if (!tour || /^(INPUT|SELECT|TEXTAREA)$/.test(e.target.tagName) || e.target.id === 'graph') return;
    if (e.key === 'ArrowRight') { moveTour(1); e.preventDefault(); }
    else if (e.key === 'ArrowLeft') { moveTour(-1); e.preventDefault(); }
    else if (e.key === 'Escape') endTour();
  });

  // ---- search ----

  function matches(query) {
    var q = query.trim().toLowerCase();
    if (!q) return [];
    var scored = [];
    N.forEach(function (n, v) {
      var names = [n.id, n.label].concat(n.aliases, n.zh ? [n.zh] : []).map(function (s) { return s.toLowerCase(); });
      var best = 9;
      names.forEach(function (s) {
        if (s === q) best = Math.min(best, 0);
        else if (s.indexOf(q) === 0) best = Math.min(best, 1);
        else if (s.indexOf(q) > 0) best = Math.min(best, 2);
      });
      if (best < 9) scored.push([best, v]);
    });
    scored.sort(function (x, y) { return x[0] - y[0] || N[x[1]].label.localeCompare(N[y[1]].label); });
    return scored.slice(0, 20).map(function (s) { return s[1]; });
  }
  function searching() {
    var input = $('search'), list = $('search-results'), found = [], active = 0;
    function render() {
      list.textContent = '';
      found.forEach(function (v, i) {
        list.appendChild(el('li', { role: 'option', 'data-node': N[v].id, 'aria-selected': String(i === active), onclick: function () { pick(v); } },
          [label(v) + ' ', el('span', { 'class': 'kind', text: kindName(v) + (N[v].zh && state.lang !== 'zh' ? ' \u00b7 ' + N[v].zh : '') })]));
      });
      list.hidden = found.length === 0;
    }
    function pick(v) { list.hidden = true; selectNode(v, true); }
    input.addEventListener('input', function () { found = matches(input.value); active = 0; render(); });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown') { active = Math.min(found.length - 1, active + 1); render(); e.preventDefault(); }
      else if (e.key === 'ArrowUp') { active = Math.max(0, active - 1); render(); e.preventDefault(); }
      else if (e.key === 'Enter' && found.length) { pick(found[active]); e.preventDefault(); }
      else if (e.key === 'Escape') { list.hidden = true; }
    });
  }

  // ---- controls ----

  function controls() {
    var select = $('paper-filter');
    P.forEach(function (p) { select.appendChild(el('option', { value: p.id, text: p.cite })); });
    select.value = state.papers[0] || '';
    select.addEventListener('change', function () {
      state.papers = select.value ? [select.value] : [];
      rerender();
    });
    $('lang').addEventListener('click', function () {
      state.lang = state.lang === 'en' ? 'zh' : 'en';
      // The same view in the other language: the opening comparison stays unfaded.
      var opening = state.soft;
      translate(); drawLabels(); legend(); nodeOptions(); rerender(opening);
    });
    ['details', 'path', 'diff'].forEach(function (t) { $('tab-' + t).addEventListener('click', function () { showTab(t); }); });
    document.querySelectorAll('.node-select').forEach(function (select) {
      var filter = $(select.id + '-filter');
      filter.addEventListener('input', function () { narrow(select, filter.value, true); });
    });
    $('path-form').addEventListener('submit', function (e) { e.preventDefault(); runPath(); });
    $('diff-form').addEventListener('submit', function (e) { e.preventDefault(); runDiff(); });
  }
  // Shows the open view again under the current paper filter and language (`opening`:
  // the comparison as the page opened on it).
  function rerender(opening) {
    if (!$('view-path').hidden && $('path-result').childNodes.length) runPath();
    else if (!$('view-diff').hidden && $('diff-result').childNodes.length) runDiff(opening === true);
    else if (state.selected !== null) selectNode(state.selected, false, true);
    else shade();
  }

  translate();
  draw();
  legend();
  nodeOptions();
  $('path-from').value = byId.tpa !== undefined ? 'tpa' : N[0].id;
  $('path-to').value = byId.rr !== undefined ? 'rr' : N[N.length - 1].id;
  $('diff-a').value = $('path-from').value;
  $('diff-b').value = $('path-to').value;
  controls();
  searching();
  panning();
  // Open on the answer: the comparison of the pair the layout stood upright (tpa and
  // rr, else the first two strategies: src/teach/layout.rs), its table in the Compare
  // tab and the two framed large, clear of the legend, nothing faded. Without two
  // strategies, on the first node at full size; Fit shows it all.
  var strategies = [];
  N.forEach(function (n, v) { if (NK[n.kind].name === 'strategy') strategies.push(v); });
  var pair = D.opening || [];
  if (pair.length === 2) {
    $('diff-a').value = N[pair[0]].id;
    $('diff-b').value = N[pair[1]].id;
    showTab('diff');
    runDiff(true);
  } else {
    view.k = 1; centre(strategies.length ? strategies[0] : 0);
    shade();
  }
})();
