// policygraph viewer: draws the document graph of index.html's data block
// with Cytoscape.js, one band per level (national above municipal above
// district), and answers clicks with the document's evidence, lineage and
// coverage.
//
// Every string from the data reaches the page through textContent or a
// text node, never as markup: titles come from gazettes and from any
// caller of the library, and a title may say "<script>".
(function () {
  'use strict';

  const LEVELS = [
    { name: 'national', label: '国家级 national', fill: '#fbe9e7', border: '#c9826f' },
    { name: 'municipal', label: '省市级 municipal', fill: '#e8f0fa', border: '#6f8fc0' },
    { name: 'district', label: '区县级 district', fill: '#e8f5e9', border: '#6fa874' },
    { name: 'department', label: '部门 department', fill: '#fdf5e1', border: '#c4a24f' },
    { name: 'unknown', label: '不明 unknown', fill: '#f1f1f1', border: '#9e9e9e' },
  ];
  // Colours and line styles as graph.svg draws them (src/export_dot.cc).
  const RELATIONS = [
    { name: 'basis', label: '依据 basis', color: '#1f5fa8', style: 'solid', width: 1.6 },
    { name: 'implements', label: '贯彻落实 implements', color: '#2e8b3a', style: 'solid', width: 2.4 },
    { name: 'follows', label: '按照 follows', color: '#1aa3b0', style: 'solid', width: 1.2 },
    { name: 'issues', label: '印发 issues', color: '#7b4fb0', style: 'solid', width: 1.6 },
    { name: 'repeals', label: '废止 repeals', color: '#c62828', style: 'solid', width: 2.4 },
    { name: 'drafts', label: '制定 drafts', color: '#e07b00', style: 'dashed', width: 1.2 },
    { name: 'mentions', label: '提及 mentions', color: '#8a8a8a', style: 'dotted', width: 1 },
    { name: 'counterpart', label: '对应文件 counterpart', color: '#8d5a3b', style: 'dashed', width: 1.6 },
  ];
  const KINDS = [
    { name: 'document', label: '语料文件 corpus documents' },
    { name: 'external', label: '外部文件 cited, not in corpus' },
  ];
  // The relations a lineage follows, as `policygraph lineage` does by
  // default: a citing document points at the one it rests on, and a
  // counterpart points from the lower level to the higher.
  const LINEAGE_RELATIONS = new Set(['basis', 'implements', 'follows', 'counterpart', 'issues']);

  const started = performance.now();
  const data = JSON.parse(document.getElementById('graph-data').textContent);
  const coverageByParent = new Map();
  for (const report of data.coverage || []) coverageByParent.set(report.parent, report);
  const outlines = data.directives || {};

  // ---------------------------------------------------------------------
  // DOM helpers: text only.

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes || {})) {
      if (key === 'className') node.className = value;
      else if (key === 'onclick') node.addEventListener('click', value);
      else node.setAttribute(key, value);
    }
    for (const child of children) {
      if (child === null || child === undefined || child === '') continue;
      node.appendChild(typeof child === 'string' || typeof child === 'number'
        ? document.createTextNode(String(child)) : child);
    }
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function location(file, line) {
    if (!file) return '';
    return line ? file + ':' + line : file;
  }

  // ---------------------------------------------------------------------
  // Layout: a band per level, corpus documents above the external
  // documents of the same level, each band wrapped into rows; inside a row,
  // nodes are ordered by the mean position of their neighbours (a few
  // barycentre sweeps), which keeps a chain roughly vertical.

  function shortTitle(text, max) {
    if (!text) return '';
    const chars = Array.from(text);
    return chars.length <= max ? text : chars.slice(0, max - 1).join('') + '…';
  }

  // Cytoscape wraps labels only at spaces, which Chinese titles lack, so
  // lines are cut here.
  function wrapped(text, width, lines) {
    const chars = Array.from(shortTitle(text, width * lines));
    const out = [];
    for (let i = 0; i < chars.length; i += width) out.push(chars.slice(i, i + width).join(''));
    return out.join('\n');
  }

  function nodeLabel(d) {
    if (d.kind === 'document') {
      const title = wrapped(d.title || d.id, 12, d.doc_number ? 2 : 3);
      return d.doc_number ? d.doc_number + '\n' + title : title;
    }
    return wrapped(d.title || d.doc_number || d.id, 9, 2);
  }

  function levelIndex(level) {
    const i = LEVELS.findIndex((l) => l.name === level);
    return i < 0 ? LEVELS.length - 1 : i;
  }

  // Documents are wide boxes, externals small dots with the label below,
  // so a row holds fewer documents than externals; both rows span about
  // the same width.
  const SPACING = { document: 190, external: 110 };
  const ROW_HEIGHT = { document: 80, external: 58 };
  const BAND_GAP = 80;

  function computePositions(nodes, edges) {
    const neighbours = new Map(nodes.map((n) => [n.data.id, []]));
    for (const e of edges) {
      const s = neighbours.get(e.data.source);
      const t = neighbours.get(e.data.target);
      if (!s || !t || e.data.source === e.data.target) continue;
      s.push(e.data.target);
      t.push(e.data.source);
    }
    // Groups: (level, kind) in band order.
    const groups = [];
    for (let li = 0; li < LEVELS.length; ++li) {
      for (const kind of ['document', 'external']) {
        const members = nodes.filter((n) =>
          levelIndex(n.data.level) === li && n.data.kind === kind);
        if (members.length) groups.push({ level: li, kind, ids: members.map((n) => n.data.id) });
      }
    }
    const documentColumns = Math.min(8, Math.max(3, Math.ceil(Math.sqrt(nodes.length) / 1.75)));
    const columns = {
      document: documentColumns,
      external: Math.round(documentColumns * SPACING.document / SPACING.external),
    };
    const x = new Map();
    function place(g) {
      const cols = columns[g.kind];
      g.ids.forEach((id, i) => {
        const row = Math.floor(i / cols);
        const inRow = Math.min(cols, g.ids.length - row * cols);
        x.set(id, ((i % cols) - (inRow - 1) / 2) * SPACING[g.kind]);
      });
    }
    groups.forEach(place);
    for (let sweep = 0; sweep < 6; ++sweep) {
      const order = sweep % 2 === 0 ? groups : groups.slice().reverse();
      for (const g of order) {
        const key = new Map();
        g.ids.forEach((id, i) => {
          const xs = neighbours.get(id).map((n) => x.get(n));
          key.set(id, [xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : x.get(id), i]);
        });
        g.ids.sort((a, b) => key.get(a)[0] - key.get(b)[0] || key.get(a)[1] - key.get(b)[1]);
        place(g);
      }
    }
    const positions = new Map();
    let y = 0;
    let previousLevel = -1;
    for (const g of groups) {
      if (previousLevel >= 0 && g.level !== previousLevel) y += BAND_GAP;
      previousLevel = g.level;
      const rows = Math.ceil(g.ids.length / columns[g.kind]);
      g.ids.forEach((id, i) => {
        const row = Math.floor(i / columns[g.kind]);
        positions.set(id, { x: x.get(id), y: y + row * ROW_HEIGHT[g.kind] });
      });
      y += rows * ROW_HEIGHT[g.kind];
    }
    return positions;
  }

  // ---------------------------------------------------------------------
  // The diagram.

  const nodes = data.elements.nodes;
  const edges = data.elements.edges;
  const positions = computePositions(nodes, edges);
  const levelStyle = new Map(LEVELS.map((l) => [l.name, l]));

  const style = [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-size': 11,
        'font-family': '"Noto Sans CJK SC", "Source Han Sans SC", sans-serif',
        'text-wrap': 'wrap',
        'text-max-width': 100,
        'text-valign': 'center',
        'text-halign': 'center',
        'background-color': 'data(fill)',
        'border-color': 'data(border)',
        'border-width': 1,
        shape: 'ellipse',
        width: 26,
        height: 26,
        'min-zoomed-font-size': 6,
      },
    },
    {
      selector: 'node[kind = "document"]',
      style: {
        shape: 'round-rectangle',
        width: 176,
        height: 62,
        'border-width': 2,
        'font-size': 13,
        'text-max-width': 180,
        'font-weight': 'bold',
      },
    },
    {
      selector: 'node[kind = "external"]',
      style: {
        'text-valign': 'bottom',
        'text-margin-y': 3,
        width: 16,
        height: 16,
        'font-size': 10,
        color: '#444',
      },
    },
    {
      selector: 'edge',
      style: {
        width: 'data(width)',
        'line-color': 'data(color)',
        'line-style': 'data(lineStyle)',
        'target-arrow-color': 'data(color)',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        'curve-style': 'bezier',
        opacity: 0.75,
      },
    },
    { selector: '.hidden', style: { display: 'none' } },
    { selector: '.faded', style: { opacity: 0.12 } },
    { selector: 'edge.lineage', style: { opacity: 1, width: 3, 'z-index': 10 } },
    { selector: 'node.ancestor', style: { 'border-color': '#1f5fa8', 'border-width': 4 } },
    { selector: 'node.descendant', style: { 'border-color': '#2e8b3a', 'border-width': 4 } },
    {
      selector: 'node.chosen',
      style: { 'border-color': '#d32f2f', 'border-width': 5, 'z-index': 20 },
    },
  ];

  const relationStyle = new Map(RELATIONS.map((r) => [r.name, r]));
  const elements = [];
  for (const n of nodes) {
    const level = levelStyle.get(n.data.level) || levelStyle.get('unknown');
    elements.push({
      group: 'nodes',
      data: Object.assign({}, n.data, {
        label: nodeLabel(n.data),
        fill: n.data.kind === 'document' ? level.fill : '#ffffff',
        border: level.border,
      }),
      position: positions.get(n.data.id),
    });
  }
  for (const e of edges) {
    const r = relationStyle.get(e.data.relation) || { color: '#999', style: 'solid', width: 1 };
    elements.push({
      group: 'edges',
      data: Object.assign({}, e.data, { color: r.color, lineStyle: r.style, width: r.width }),
    });
  }

  const cy = cytoscape({
    container: document.getElementById('cy'),
    elements,
    style,
    layout: { name: 'preset', fit: true, padding: 30 },
    minZoom: 0.05,
    maxZoom: 2,
    wheelSensitivity: 0.3,
    boxSelectionEnabled: false,
    autoungrabify: false,
  });

  // ---------------------------------------------------------------------
  // Filters.

  const state = { levels: new Set(), kinds: new Set(), relations: new Set(), chosen: null };

  function checkbox(container, item, set, decoration) {
    set.add(item.name);
    const input = el('input', { type: 'checkbox', 'data-name': item.name });
    input.checked = true;
    input.addEventListener('change', () => {
      if (input.checked) set.add(item.name); else set.delete(item.name);
      applyFilters();
    });
    const count = el('span', { className: 'muted' });
    container.appendChild(el('label', {}, input, decoration, item.label, ' ', count));
    return count;
  }

  const levelCounts = new Map();
  const relationCounts = new Map();
  const kindCounts = new Map();
  const levelBox = document.getElementById('level-filters');
  for (const level of LEVELS) {
    const n = cy.nodes().filter((x) => (levelStyle.has(x.data('level')) ? x.data('level') : 'unknown') === level.name).length;
    if (!n) continue;
    const box = el('span', { className: 'box' });
    box.style.background = level.fill;
    box.style.borderColor = level.border;
    levelCounts.set(level.name, checkbox(levelBox, level, state.levels, box));
    levelCounts.get(level.name).textContent = '(' + n + ')';
  }
  const kindBox = document.getElementById('kind-filters');
  for (const kind of KINDS) {
    const n = cy.nodes().filter((x) => x.data('kind') === kind.name).length;
    kindCounts.set(kind.name, checkbox(kindBox, kind, state.kinds, null));
    kindCounts.get(kind.name).textContent = '(' + n + ')';
  }
  const relationBox = document.getElementById('relation-filters');
  for (const relation of RELATIONS) {
    const n = cy.edges().filter((x) => x.data('relation') === relation.name).length;
    if (!n) continue;
    const swatch = el('span', { className: 'swatch' });
    swatch.style.borderTopColor = relation.color;
    swatch.style.borderTopStyle = relation.style;
    relationCounts.set(relation.name, checkbox(relationBox, relation, state.relations, swatch));
    relationCounts.get(relation.name).textContent = '(' + n + ')';
  }
  const lineageOnly = document.getElementById('lineage-only');
  lineageOnly.addEventListener('change', applyFilters);

  function nodeLevel(node) {
    return levelStyle.has(node.data('level')) ? node.data('level') : 'unknown';
  }

  // Visibility by our own classes: Cytoscape's ':visible' reads computed
  // style, which may lag behind a batch that just ended.
  function shownNodes() {
    return cy.nodes().filter((n) => !n.hasClass('hidden'));
  }

  function shownEdges() {
    return cy.edges().filter((e) => !e.hasClass('hidden') &&
      !e.source().hasClass('hidden') && !e.target().hasClass('hidden'));
  }

  function applyFilters() {
    const lineage = state.chosen ? lineageOf(state.chosen) : null;
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        let visible = state.levels.has(nodeLevel(n)) && state.kinds.has(n.data('kind'));
        if (lineageOnly.checked && lineage) visible = visible && lineage.nodes.has(n.id());
        if (n.id() === state.chosen) visible = true;
        n.toggleClass('hidden', !visible);
      });
      cy.edges().forEach((e) => {
        let visible = state.relations.has(e.data('relation'));
        if (lineageOnly.checked && lineage) visible = visible && lineage.edges.has(e.id());
        e.toggleClass('hidden', !visible);
      });
    });
    highlight(lineage);
    arrange(lineageOnly.checked ? lineage : null);
    updateSummary();
  }

  // With only one lineage shown, the whole-graph positions leave its few
  // nodes far apart and too small to read: lay them out again on their own
  // (the same bands), and put everything back when the whole graph returns.
  let compact = false;
  function arrange(lineage) {
    if (lineage) {
      const shown = shownNodes();
      const local = computePositions(shown.map((n) => ({ data: n.data() })),
        shownEdges().map((e) => ({ data: e.data() })));
      shown.positions((n) => Object.assign({}, local.get(n.id())));
      compact = true;
      cy.fit(shown, 60);
    } else if (compact) {
      cy.nodes().positions((n) => Object.assign({}, positions.get(n.id())));
      compact = false;
      cy.fit(shownNodes(), 30);
    }
  }

  function updateSummary() {
    const summary = document.getElementById('summary');
    clear(summary);
    summary.appendChild(el('p', {}, 'shown: ' + shownNodes().length + ' of ' + cy.nodes().length +
      ' nodes, ' + shownEdges().length + ' of ' + cy.edges().length + ' edges'));
    summary.appendChild(el('p', {}, 'Bands, top to bottom: national, municipal, district, ' +
      'department, unknown level; in each, corpus documents (boxes) above the documents they ' +
      'cite (dots). Arrows point from the citing document to the one it cites; ' +
      'a counterpart points from the lower level to the higher. Blue borders: ancestors, ' +
      'green: descendants of the selected document.'));
  }

  // ---------------------------------------------------------------------
  // Lineage: ancestors along outgoing lineage edges, descendants along
  // incoming ones, over the relations that are switched on.

  function lineageOf(id) {
    const start = cy.getElementById(id);
    const result = { nodes: new Set([id]), edges: new Set(), ancestors: [], descendants: [] };
    if (start.empty()) return result;
    function walk(direction, into) {
      const seen = new Set([id]);
      let frontier = [start];
      let depth = 0;
      while (frontier.length) {
        ++depth;
        const next = [];
        for (const node of frontier) {
          const list = direction === 'up' ? node.outgoers('edge') : node.incomers('edge');
          list.forEach((edge) => {
            const relation = edge.data('relation');
            if (!LINEAGE_RELATIONS.has(relation) || !state.relations.has(relation)) return;
            const other = direction === 'up' ? edge.target() : edge.source();
            result.edges.add(edge.id());
            if (seen.has(other.id())) return;
            seen.add(other.id());
            result.nodes.add(other.id());
            into.push({ node: other, edge, depth, from: node.id() });
            next.push(other);
          });
        }
        frontier = next;
      }
    }
    walk('up', result.ancestors);
    walk('down', result.descendants);
    return result;
  }

  function highlight(lineage) {
    cy.batch(() => {
      cy.elements().removeClass('faded lineage ancestor descendant chosen');
      if (!lineage || !state.chosen) return;
      cy.elements().addClass('faded');
      for (const id of lineage.nodes) cy.getElementById(id).removeClass('faded');
      for (const id of lineage.edges) cy.getElementById(id).removeClass('faded').addClass('lineage');
      for (const step of lineage.ancestors) step.node.addClass('ancestor');
      for (const step of lineage.descendants) step.node.addClass('descendant');
      cy.getElementById(state.chosen).addClass('chosen');
    });
  }

  // ---------------------------------------------------------------------
  // The details panel.

  function nodeLink(id) {
    const node = cy.getElementById(id);
    const d = node.empty() ? { id } : node.data();
    const text = (d.doc_number && d.doc_number !== d.title ? d.doc_number + '  ' : '') + (d.title || d.id);
    return el('span', { className: 'link', onclick: () => choose(id, true) }, text);
  }

  function relationLabel(name) {
    const r = relationStyle.get(name);
    const span = el('span', { className: 'relation' }, r ? r.label : name);
    if (r) span.style.color = r.color;
    return span;
  }

  function edgeItem(edge, otherId, arrow) {
    const d = edge.data();
    const item = el('li', {}, relationLabel(d.relation), d.cue ? ' ' + d.cue : '',
      d.count > 1 ? ' ×' + d.count : '', ' ' + arrow + ' ', nodeLink(otherId));
    if (d.evidence_file || d.evidence) {
      item.appendChild(el('span', { className: 'evidence' },
        el('span', { className: 'location' }, location(d.evidence_file, d.evidence_line)),
        d.evidence ? '  ' + d.evidence : ''));
    }
    return item;
  }

  function edgeList(title, list, otherEnd, arrow) {
    const section = el('section', {}, el('h4', {}, title + ' (' + list.length + ')'));
    const ul = el('ul', {});
    list.forEach((edge) => ul.appendChild(edgeItem(edge, otherEnd(edge).id(), arrow)));
    section.appendChild(ul);
    return section;
  }

  function lineageList(title, steps) {
    const section = el('section', {}, el('h4', {}, title + ' (' + steps.length + ')'));
    const ul = el('ul', {});
    for (const step of steps) {
      const level = levelStyle.get(step.node.data('level'));
      ul.appendChild(el('li', {}, '  '.repeat(step.depth - 1) + (step.depth > 1 ? '└ ' : ''),
        relationLabel(step.edge.data('relation')), ' ', nodeLink(step.node.id()),
        el('span', { className: 'muted' }, ' [' + (level ? level.name : 'unknown') + ']')));
    }
    section.appendChild(ul);
    return section;
  }

  function coverageSection(report) {
    const section = el('section', {});
    const ratio = report.total ? report.covered / report.total : 0;
    section.appendChild(el('h4', {}, '覆盖 coverage: ' + report.covered + ' of ' + report.total +
      ' directives (' + Math.round(ratio * 100) + '%)'));
    const bar = el('div', { className: 'bar' }, el('span', {}));
    bar.firstChild.style.width = (ratio * 100).toFixed(1) + '%';
    section.appendChild(bar);
    const children = el('p', {}, 'implemented by: ');
    (report.children || []).forEach((id, i) => {
      if (i) children.appendChild(document.createTextNode('、'));
      children.appendChild(nodeLink(id));
    });
    section.appendChild(children);
    const ul = el('ul', {});
    for (const d of report.directives || []) {
      const item = el('li', {}, el('strong', {}, d.id), '  ', d.heading || d.label || '',
        '  ', el('span', { className: 'location' }, location(d.file, d.line)));
      const by = d.implemented_by || [];
      if (!by.length) item.appendChild(el('span', { className: 'evidence uncovered' }, '无人落实 uncovered'));
      for (const impl of by) {
        item.appendChild(el('span', { className: 'evidence' },
          el('span', { className: 'score' }, Number(impl.score).toFixed(3)), '  ', impl.id,
          '  ', impl.heading || '', '  ', el('span', { className: 'location' }, location(impl.file, impl.line)),
          impl.evidence ? '  shared: ' + impl.evidence : ''));
      }
      ul.appendChild(item);
    }
    section.appendChild(ul);
    return section;
  }

  function implementsSection(id) {
    // Coverage reports in which this document is an implementer.
    const section = el('section', {});
    for (const report of coverageByParent.values()) {
      if (!(report.children || []).includes(id)) continue;
      let carried = 0;
      for (const d of report.directives || []) {
        if ((d.implemented_by || []).some((impl) => impl.id.startsWith(id + '#'))) ++carried;
      }
      section.appendChild(el('p', {}, 'carries out ' + carried + ' of ' + report.total +
        ' directives of ', nodeLink(report.parent)));
    }
    return section.firstChild ? section : null;
  }

  function outlineSection(id) {
    const rows = outlines[id];
    if (!rows || !rows.length) return null;
    const ul = el('ul', { className: 'outline' });
    for (const [path, heading, line] of rows) {
      ul.appendChild(el('li', {}, el('strong', {}, path), '  ', heading || '',
        el('span', { className: 'muted' }, '  L' + line)));
    }
    return el('details', {}, el('summary', {}, '条目 directives (' + rows.length + ')'), ul);
  }

  function showDetails(id, lineage) {
    const panel = document.getElementById('details');
    clear(panel);
    const node = cy.getElementById(id);
    if (node.empty()) return;
    const d = node.data();
    panel.appendChild(el('h3', {}, d.title || d.id));
    const dl = el('dl', {});
    function row(term, value) {
      if (value === undefined || value === null || value === '') return;
      dl.appendChild(el('dt', {}, term));
      dl.appendChild(el('dd', {}, value));
    }
    row('编号 id', d.id);
    if (d.doc_number && d.doc_number !== d.id) row('文号 number', d.doc_number);
    row('类型 kind', d.kind + (d.type ? ' · ' + d.type : ''));
    row('层级 level', d.level);
    row('发文机关 issuer', d.issuer);
    row('日期 date', d.date);
    row('位置 file', d.file ? el('span', { className: 'location' }, location(d.file, d.line)) : '');
    panel.appendChild(dl);
    const carries = implementsSection(id);
    if (carries) panel.appendChild(carries);
    panel.appendChild(lineageList('上溯 ancestors', lineage.ancestors));
    panel.appendChild(lineageList('下延 descendants', lineage.descendants));
    panel.appendChild(edgeList('引用 cites', node.outgoers('edge').toArray(), (e) => e.target(), '→'));
    panel.appendChild(edgeList('被引用 cited by', node.incomers('edge').toArray(), (e) => e.source(), '←'));
    const coverage = coverageByParent.get(id);
    if (coverage) panel.appendChild(coverageSection(coverage));
    const outline = outlineSection(id);
    if (outline) panel.appendChild(outline);
    panel.scrollTop = 0;
  }

  function choose(id, center) {
    const node = cy.getElementById(id);
    if (node.empty()) return false;
    state.chosen = id;
    applyFilters();
    showDetails(id, lineageOf(id));
    cy.nodes().unselect();
    node.select();
    if (center) {
      const lineage = lineageOf(id);
      const focus = cy.collection();
      for (const n of lineage.nodes) focus.merge(cy.getElementById(n));
      cy.fit(focus.filter((n) => !n.hasClass('hidden')), 60);
      // A lineage spread across the whole graph fits only at a zoom where
      // no label is legible; then the chosen node comes first.
      if (cy.zoom() < 0.7) {
        cy.zoom(0.8);
        cy.center(node);
      }
    }
    return true;
  }

  function unchoose() {
    state.chosen = null;
    cy.nodes().unselect();
    applyFilters();
    const panel = document.getElementById('details');
    clear(panel);
    panel.appendChild(el('p', { className: 'muted' },
      '点击一个文件查看详情。 Click a document for its details, evidence and lineage.'));
  }

  cy.on('tap', 'node', (event) => choose(event.target.id(), false));
  cy.on('tap', (event) => { if (event.target === cy) unchoose(); });

  // ---------------------------------------------------------------------
  // Search by title or number, whatever brackets and spaces the user types.

  function fold(text) {
    return String(text || '').toLowerCase().replace(/\s+/g, '')
      .replace(/[[［(（【〔]/g, '〔').replace(/[\]］)）】〕]/g, '〕');
  }

  const searchIndex = cy.nodes().map((n) => ({
    id: n.id(),
    number: fold(n.data('doc_number')),
    key: fold(n.id()),
    title: fold(n.data('title')),
  }));

  function search(query) {
    const q = fold(query);
    if (!q) return [];
    const hits = [];
    for (const entry of searchIndex) {
      let rank = -1;
      if (entry.number === q || entry.key === q) rank = 0;
      else if (entry.number.includes(q) || entry.key.includes(q)) rank = 1;
      else if (entry.title.includes(q)) rank = 2;
      if (rank >= 0) hits.push({ id: entry.id, rank });
    }
    hits.sort((a, b) => a.rank - b.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return hits;
  }

  const searchInput = document.getElementById('search');
  const resultList = document.getElementById('search-results');
  const searchStatus = document.getElementById('search-status');
  let lastHits = [];

  function showResults() {
    lastHits = search(searchInput.value);
    clear(resultList);
    searchStatus.textContent = searchInput.value.trim()
      ? (lastHits.length ? lastHits.length + ' found' : 'not found') : '';
    if (!lastHits.length) { resultList.hidden = true; return; }
    for (const hit of lastHits.slice(0, 50)) {
      const d = cy.getElementById(hit.id).data();
      const level = levelStyle.get(d.level);
      const item = el('li', {}, d.doc_number ? d.doc_number + '  ' : '', d.title || d.id,
        el('span', { className: 'muted' }, '  [' + (level ? level.name : 'unknown') + ', ' + d.kind + ']'));
      item.addEventListener('mousedown', (event) => {
        event.preventDefault();
        resultList.hidden = true;
        choose(hit.id, true);
      });
      resultList.appendChild(item);
    }
    resultList.hidden = false;
  }

  searchInput.addEventListener('input', showResults);
  searchInput.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      showResults();
      resultList.hidden = true;
      if (lastHits.length) choose(lastHits[0].id, true);
    } else if (event.key === 'Escape') {
      resultList.hidden = true;
    }
  });
  searchInput.addEventListener('blur', () => { resultList.hidden = true; });
  document.getElementById('fit').addEventListener('click', () => cy.fit(shownNodes(), 30));
  document.getElementById('clear').addEventListener('click', () => {
    searchInput.value = '';
    showResults();
    unchoose();
    cy.fit(shownNodes(), 30);
  });

  applyFilters();

  // For tests and the console.
  window.pgViewer = {
    cy,
    choose,
    search: (query) => search(query).map((hit) => hit.id),
    lineage: (id) => lineageOf(id),
    loadMs: performance.now() - started,
    ready: true,
  };
})();
