// The coursework page of `planner serve`: pick a plan, edit its numbers, see it re-solved.
// Plain browser JavaScript, no build step and nothing fetched from outside (the page works
// offline). State: the plan's editable numbers and the edits (id -> value); every change
// re-solves through POST /api/plans/<id>/solve (docs/server.md) and redraws.
'use strict';

const state = {
  plans: [], plan: null, numbers: new Map(), edits: new Map(), undo: [],
  seq: 0, drawn: 0, editStart: null, answer: null, dragging: null,
};
// edit-to-redraw latencies (ms), read by the browser test (tests/browser/).
window.plannerTimings = [];

const $ = (id) => document.getElementById(id);
const domId = (numberId) => numberId.replace(/\./g, '-');
const fmt = (v) => (v === undefined || v === null) ? '' :
  Math.abs(v) >= 1000 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : Math.abs(v) >= 0.01 ? v.toFixed(3) : v.toPrecision(3);

async function api(method, path, body) {
  const r = await fetch(path, {method, headers: {'Content-Type': 'application/json'}, body: body ? JSON.stringify(body) : undefined});
  const text = await r.text();
  let value;
  try { value = JSON.parse(text); } catch (e) { value = {error: text}; }
  if (!r.ok) throw new Error(value.error || ('HTTP ' + r.status));
  return value;
}

// ---- the share link: #plan=<id>&edits=<id>:<value>,… ------------------------------------
function readHash() {
  const h = new URLSearchParams(location.hash.slice(1));
  const edits = new Map();
  for (const pair of (h.get('edits') || '').split(',').filter(Boolean)) {
    const k = pair.lastIndexOf(':');
    const v = Number(pair.slice(k + 1));
    if (k > 0 && Number.isFinite(v)) edits.set(pair.slice(0, k), v);
  }
  return {plan: h.get('plan'), edits};
}
function writeHash() {
  const edits = [...state.edits].map(([k, v]) => k + ':' + v).join(',');
  const h = 'plan=' + encodeURIComponent(state.plan.id) + (edits ? '&edits=' + edits : '');
  history.replaceState(null, '', '#' + h);
}

// ---- controls ---------------------------------------------------------------------------
function sliderRange(n) {
  const v = Math.abs(n.value);
  const max = v > 0 ? v * 3 : (n.kind === 'technical' || n.kind === 'capital' ? 1 : 10);
  return {min: 0, max, step: max / 600};
}

function numberRow(n) {
  const row = document.createElement('div');
  row.className = 'number';
  row.id = 'row-' + domId(n.id);
  const label = document.createElement('label');
  label.htmlFor = 'num-' + domId(n.id);
  label.textContent = n.label + (n.unit ? ' [' + n.unit + ']' : '');
  const slider = document.createElement('input');
  slider.type = 'range';
  slider.id = 'slider-' + domId(n.id);
  const r = sliderRange(n);
  slider.min = r.min; slider.max = r.max; slider.step = r.step;
  const field = document.createElement('input');
  field.type = 'number';
  field.step = 'any';
  field.min = 0;
  field.id = 'num-' + domId(n.id);
  // One drag of a slider is one undo step: the first input event saves the edits before it.
  slider.addEventListener('input', () => { field.value = Number(slider.value); setEdit(n.id, Number(slider.value), 40, state.dragging === n.id); state.dragging = n.id; });
  slider.addEventListener('change', () => { state.dragging = null; });
  field.addEventListener('change', () => { if (field.value !== '') setEdit(n.id, Number(field.value), 0); });
  row.append(label, slider, field);
  return row;
}

function showValues() {
  for (const n of state.numbers.values()) {
    const v = state.edits.has(n.id) ? state.edits.get(n.id) : n.value;
    const slider = $('slider-' + domId(n.id)), field = $('num-' + domId(n.id));
    if (!slider) continue;
    if (v > Number(slider.max)) slider.max = v;
    slider.value = v;
    if (document.activeElement !== field) field.value = v;
    $('row-' + domId(n.id)).classList.toggle('edited', state.edits.has(n.id));
  }
  $('undo').disabled = state.undo.length === 0;
  $('edits-summary').textContent = state.edits.size ? state.edits.size + ' number(s) changed from the plan file' : 'the plan as its file states it';
  showCoefficient();
}

function buildControls(plan) {
  for (const g of ['goal', 'capacity', 'resource', 'floor']) $('group-' + g).replaceChildren();
  state.numbers = new Map(plan.numbers.map((n) => [n.id, n]));
  for (const n of plan.numbers)
    if ($('group-' + n.kind)) $('group-' + n.kind).append(numberRow(n));
  for (const g of ['goal', 'capacity', 'resource', 'floor'])
    if (!$('group-' + g).children.length) $('group-' + g).textContent = 'none in this plan';
  const options = plan.sectors.map((s) => new Option(s, s));
  $('coef-row').replaceChildren(...options.map((o) => o.cloneNode(true)));
  $('coef-col').replaceChildren(...options.map((o) => o.cloneNode(true)));
}

function coefficientId() { return $('coef-kind').value + '.' + $('coef-row').value + '.' + $('coef-col').value; }
function showCoefficient() {
  const n = state.numbers.get(coefficientId());
  $('coef-value').disabled = $('coef-apply').disabled = !n;
  if (!n) { $('coef-label').textContent = 'not editable in this plan'; return; }
  const v = state.edits.has(n.id) ? state.edits.get(n.id) : n.value;
  if (document.activeElement !== $('coef-value')) $('coef-value').value = v;
  $('coef-label').textContent = n.label + ' [' + n.unit + ']; the plan file says ' + n.value + (state.edits.has(n.id) ? ', edited' : '');
}

// ---- edits, undo, re-solve --------------------------------------------------------------
let timer = null;
function setEdit(id, value, debounceMs, sameStep) {
  const n = state.numbers.get(id);
  if (!n || !Number.isFinite(value)) return;
  if (!sameStep) state.undo.push(new Map(state.edits));
  if (value === n.value) state.edits.delete(id); else state.edits.set(id, value);
  changed(debounceMs);
}
function changed(debounceMs) {
  state.editStart = performance.now();
  writeHash();
  showValues();
  clearTimeout(timer);
  timer = setTimeout(solve, debounceMs || 0);
}

async function solve() {
  const seq = ++state.seq;
  const start = state.editStart;
  $('status').textContent = 'solving…';
  const t0 = performance.now();
  let answer;
  try {
    answer = await api('POST', '/api/plans/' + state.plan.id + '/solve', {edits: editList()});
  } catch (e) {
    if (seq !== state.seq) return;
    $('status').textContent = 'error: ' + e.message;
    $('status').className = 'status infeasible';
    return;
  }
  if (seq !== state.seq) return;  // a later edit is on its way: draw only the newest answer
  const solveMs = performance.now() - t0;
  state.answer = answer;
  draw(answer);
  state.drawn = seq;
  if (start !== null) {
    const ms = performance.now() - start;
    window.plannerTimings.push({edit_to_redraw_ms: ms, request_ms: solveMs});
    $('timing').textContent = 'edit to redrawn chart: ' + ms.toFixed(0) + ' ms (solve request ' + solveMs.toFixed(0) + ' ms)';
  }
  document.body.dataset.solved = String(seq);
}
function editList() { return [...state.edits].map(([id, value]) => ({id, value})); }

// ---- drawing ----------------------------------------------------------------------------
const SERIES = [['base', '#90a4ae', 'base year'], ['goal', '#ffb300', 'goal'], ['feasible', '#1e88e5', 'feasible (LP)'], ['actual', '#43a047', 'actual']];
const SVG = 'http://www.w3.org/2000/svg';
function el(name, attrs, text) {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

function drawChart(products) {
  const svg = $('chart');
  svg.replaceChildren();
  const shown = products.filter((p) => p.goal !== undefined || p.actual !== undefined);
  const W = svg.clientWidth || 800, H = 320, left = 40, bottom = 60, top = 10;
  svg.setAttribute('viewBox', '0 0 ' + W + ' ' + H);
  let max = 1;
  for (const p of shown) for (const [s] of SERIES) if (p[s] !== undefined && p.base > 0) max = Math.max(max, p[s] / p.base);
  max *= 1.08;
  const y = (m) => top + (H - top - bottom) * (1 - m / max);
  for (let m = 0; m <= max; m += max > 8 ? 2 : 1) {
    svg.append(el('line', {x1: left, x2: W, y1: y(m), y2: y(m), stroke: '#eee'}));
    svg.append(el('text', {x: left - 4, y: y(m) + 4, 'text-anchor': 'end', 'font-size': 11}, '×' + m));
  }
  const group = (W - left) / Math.max(1, shown.length), bar = Math.min(18, (group - 8) / SERIES.length);
  shown.forEach((p, i) => {
    const x0 = left + i * group + (group - bar * SERIES.length) / 2;
    SERIES.forEach(([s, colour, label], k) => {
      if (p[s] === undefined || !(p.base > 0)) return;
      const m = p[s] / p.base;
      const r = el('rect', {x: x0 + k * bar, y: y(m), width: bar - 1, height: Math.max(0, y(0) - y(m)), fill: colour,
                            'data-product': p.id, 'data-series': s, 'data-value': p[s]});
      r.append(el('title', {}, p.name + ' ' + label + ': ' + fmt(p[s]) + ' ' + p.unit + ' (×' + m.toFixed(2) + ')'));
      svg.append(r);
    });
    const lx = left + i * group + group / 2, ly = H - bottom + 12;
    svg.append(el('text', {x: lx, y: ly, 'text-anchor': 'end', 'font-size': 11, transform: 'rotate(-25 ' + lx + ' ' + ly + ')'}, p.name));
  });
  $('legend').replaceChildren(...SERIES.map(([, colour, label]) => {
    const s = document.createElement('span');
    const i = document.createElement('i');
    i.style.background = colour;
    s.append(i, label);
    return s;
  }));
}

function cell(tr, text, cls) {
  const td = document.createElement('td');
  td.textContent = text;
  if (cls) td.className = cls;
  tr.append(td);
  return td;
}

function draw(a) {
  const ok = a.status === 'optimal';
  $('status').textContent = ok ? (a.fulfilment !== undefined ? 'λ = ' + a.fulfilment.toFixed(4) + ' (share of every goal reachable at once)' : a.objective_kind + ' = ' + fmt(a.result.objective))
                               : 'the plan is ' + a.status;
  $('status').className = 'status' + (ok ? '' : ' infeasible');
  $('diagnosis').hidden = ok;
  $('diagnosis-text').textContent = a.diagnosis ? a.diagnosis.text : (a.message || '');
  drawChart(ok ? a.products : a.products.map((p) => Object.assign({}, p, {feasible: undefined})));
  const body = $('products-table').tBodies[0];
  body.replaceChildren();
  for (const p of a.products) {
    if (p.goal === undefined && p.actual === undefined) continue;
    const tr = document.createElement('tr');
    tr.dataset.product = p.id;
    cell(tr, p.name);
    cell(tr, p.unit);
    cell(tr, fmt(p.base));
    cell(tr, fmt(p.goal));
    cell(tr, ok ? fmt(p.feasible) : '—', 'feasible');
    cell(tr, p.actual !== undefined ? fmt(p.actual) + ' (' + p.actual_year + ')' : '');
    const share = ok && p.goal ? p.feasible / p.goal : undefined;
    cell(tr, share !== undefined ? (100 * share).toFixed(1) + ' %' : '', share !== undefined && share < 0.9995 ? 'short' : '');
    body.append(tr);
  }
  const bind = $('binding-table').tBodies[0];
  bind.replaceChildren();
  for (const b of ok ? a.binding : []) {
    const tr = document.createElement('tr');
    tr.dataset.rows = b.rows.join(' ');
    cell(tr, b.text, 'text');
    cell(tr, b.min_price === b.max_price ? b.min_price.toPrecision(4) : b.min_price.toPrecision(3) + ' to ' + b.max_price.toPrecision(3), 'price');
    cell(tr, b.rows.join(', '), 'rows');
    bind.append(tr);
  }
}

// ---- plans ------------------------------------------------------------------------------
async function openPlan(id, edits) {
  const plan = await api('GET', '/api/plans/' + encodeURIComponent(id));
  state.plan = plan;
  state.undo = [];
  state.edits = new Map([...(edits || [])].filter(([k]) => plan.numbers.some((n) => n.id === k)));
  $('plan').value = id;
  $('model').value = plan.model;
  buildControls(plan);
  changed(0);
}

function fillPlans(model) {
  const plans = state.plans.filter((p) => !model || p.model === model);
  $('plan').replaceChildren(...plans.map((p) => new Option(p.name + ' (' + p.id + ')', p.id)));
  return plans;
}

async function start() {
  const [models, plans] = await Promise.all([api('GET', '/api/models'), api('GET', '/api/plans')]);
  state.plans = plans.plans;
  $('model').replaceChildren(new Option('every model', ''), ...models.models.map((m) => new Option(m.name + ' (' + m.id + ')', m.id)));
  fillPlans('');
  const wanted = readHash();
  const first = state.plans.find((p) => p.id === wanted.plan) || state.plans.find((p) => p.id === 'fyp1-stated-goals') || state.plans[0];
  if (!first) { $('status').textContent = 'no plans in the plans folder'; return; }
  await openPlan(first.id, wanted.edits);
}

$('model').addEventListener('change', () => { const p = fillPlans($('model').value); if (p.length) openPlan(p[0].id); });
$('plan').addEventListener('change', () => openPlan($('plan').value));
$('undo').addEventListener('click', () => { if (state.undo.length) { state.edits = state.undo.pop(); changed(0); } });
$('reset').addEventListener('click', () => { state.undo.push(new Map(state.edits)); state.edits = new Map(); changed(0); });
$('share').addEventListener('click', () => {
  writeHash();
  $('share-link').value = location.href;
  $('share-link').select();
  if (navigator.clipboard) navigator.clipboard.writeText(location.href).catch(() => {});
});
$('download').addEventListener('click', async () => {
  const r = await fetch('/api/plans/' + state.plan.id + '/toml', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify({edits: editList()})});
  const text = await r.text();
  if (!r.ok) { $('status').textContent = 'error: ' + text; return; }
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], {type: 'application/toml'}));
  a.download = state.plan.id + '-edited.toml';
  a.id = 'download-link';
  document.body.append(a);
  a.click();
  a.remove();
});
for (const id of ['coef-kind', 'coef-row', 'coef-col']) $(id).addEventListener('change', showCoefficient);
$('coef-apply').addEventListener('click', () => setEdit(coefficientId(), Number($('coef-value').value), 0));
window.addEventListener('hashchange', () => {
  const h = readHash();
  if (h.plan && state.plan && h.plan !== state.plan.id) openPlan(h.plan, h.edits);
});

start().catch((e) => { $('status').textContent = 'error: ' + e.message; });
