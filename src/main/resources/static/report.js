// The report page: the form is built from the published contract (/v3/api-docs), so every request
// field the service accepts appears with its description, default and allowed values; the report
// shows the answer of POST /recommend and a chart whose points come from POST /recommend/sweep.
'use strict';

const state = { schema: null, required: [], example: {}, chart: null };
const $ = (id) => document.getElementById(id);
const el = (tag, attrs = {}, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v; else if (k === 'text') e.textContent = v; else e.setAttribute(k, v);
  }
  for (const c of children) if (c != null) e.append(c);
  return e;
};
const usd = (n) => n == null ? '—' : '$' + Number(n).toLocaleString('en-US', { maximumFractionDigits: 2 });
const tokens = (n) => {
  const v = Number(n);
  for (const [d, s] of [[1e12, 'T'], [1e9, 'B'], [1e6, 'M'], [1e3, 'K']]) if (v >= d) return +(v / d).toFixed(2) + s;
  return String(v);
};

async function loadContract() {
  const docs = await (await fetch('/v3/api-docs')).json();
  state.schema = docs.components.schemas.CriteriaRequest;
  state.required = state.schema.required || [];
  const examples = docs.paths['/recommend'].post.requestBody.content['application/json'].examples || {};
  const first = Object.values(examples)[0];
  state.example = first ? (typeof first.value === 'string' ? JSON.parse(first.value) : first.value) : {};
}

function typeOf(prop) {
  if (prop.enum) return 'enum';
  const t = Array.isArray(prop.type) ? prop.type.find((x) => x !== 'null') : prop.type;
  return t || (prop.additionalProperties ? 'object' : 'string');
}

function buildForm() {
  const box = $('fields');
  box.replaceChildren();
  for (const [name, prop] of Object.entries(state.schema.properties)) {
    const type = typeOf(prop);
    const id = 'f-' + name;
    const required = state.required.includes(name);
    const label = el('label', { for: id }, name, required ? el('span', { class: 'req', text: ' *' }) : null);
    const hint = [prop.description, prop.default != null ? 'default ' + prop.default : null].filter(Boolean).join('; ');
    let input;
    if (type === 'enum' || type === 'boolean') {
      input = el('select', { id, name });
      const values = type === 'boolean' ? ['true', 'false'] : prop.enum;
      input.append(el('option', { value: '', text: required ? '— choose —' : '— not sent' + (prop.default != null ? ' (' + prop.default + ')' : '') + ' —' }));
      for (const v of values) input.append(el('option', { value: v, text: v }));
    } else if (type === 'object') {
      input = el('textarea', { id, name, rows: '2', placeholder: prop.example ? JSON.stringify(prop.example) : '{}' });
    } else {
      input = el('input', { id, name, type: 'text', autocomplete: 'off' });
      if (type === 'integer' || type === 'number') input.setAttribute('inputmode', 'decimal');
    }
    input.dataset.type = type;
    const field = el('div', { class: 'field', id: 'field-' + name }, label,
      el('span', { class: 'desc', id: 'd-' + name, text: hint }), input,
      el('p', { class: 'error', id: 'err-' + name, role: 'alert' }));
    input.setAttribute('aria-describedby', 'd-' + name + ' err-' + name);
    box.append(field);
  }
}

function fill(values) {
  for (const name of Object.keys(state.schema.properties)) {
    const input = $('f-' + name);
    const v = values[name];
    input.value = v == null ? '' : (typeof v === 'object' ? JSON.stringify(v) : String(v));
  }
}

// The request as JSON text. A number the user typed goes in as typed, so the service (not the
// browser) judges it: "1.5" for an integer comes back as a problem next to its field.
function requestJson() {
  const parts = [];
  for (const name of Object.keys(state.schema.properties)) {
    const input = $('f-' + name);
    const raw = input.value.trim();
    if (raw === '') continue;
    const type = input.dataset.type;
    let json;
    if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(raw)) json = raw;
    else if (type === 'boolean' && (raw === 'true' || raw === 'false')) json = raw;
    else if (type === 'object') json = raw;
    else json = JSON.stringify(raw);
    parts.push(JSON.stringify(name) + ':' + json);
  }
  return '{' + parts.join(',') + '}';
}

function formValues() {
  const values = {};
  for (const name of Object.keys(state.schema.properties)) {
    const v = $('f-' + name).value.trim();
    if (v !== '') values[name] = v;
  }
  return values;
}

function shareLink() {
  const params = new URLSearchParams(formValues());
  return location.pathname + '?' + params.toString();
}

function clearErrors() {
  $('form-error').textContent = '';
  for (const name of Object.keys(state.schema.properties)) {
    $('err-' + name).textContent = '';
    $('field-' + name).classList.remove('invalid');
  }
}

function showProblem(problem) {
  const loose = [];
  for (const e of problem.errors || []) {
    const top = (e.field || '').split(/[.[]/)[0];
    if (top && $('err-' + top)) {
      const err = $('err-' + top);
      err.textContent = (err.textContent ? err.textContent + '; ' : '') + (e.field !== top ? e.field + ' ' : '') + e.message;
      $('field-' + top).classList.add('invalid');
    } else {
      loose.push((e.field ? e.field + ': ' : '') + e.message);
    }
  }
  if (!problem.errors || loose.length) $('form-error').textContent = [problem.detail, ...loose].join(' ');
  $('report').hidden = true;
}

async function post(path, body) {
  const r = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
  return { ok: r.ok, body: await r.json() };
}

async function decide() {
  clearErrors();
  history.replaceState(null, '', shareLink());
  $('share').href = shareLink();
  const body = requestJson();
  const answer = await post('/recommend?explain=flips', body);
  if (!answer.ok) { showProblem(answer.body); return; }
  render(answer.body);
  $('report').hidden = false;
  await drawChart(JSON.parse(body), answer.body);
}

function list(items, cls) {
  const ul = el('ul');
  for (const i of items) ul.append(el('li', { class: cls || '' }, i));
  return ul;
}

function weighted(text) {
  const m = /^\(([+-]?\d+)\)\s*(.*)$/.exec(text);
  return m ? el('span', {}, el('span', { class: 'weight', text: m[1] }), ' ' + m[2]) : text;
}

function table(head, rows, numeric = []) {
  const t = el('table');
  t.append(el('thead', {}, el('tr', {}, ...head.map((h, i) => el('th', { class: numeric.includes(i) ? 'num' : '', text: h })))));
  const tb = el('tbody');
  for (const r of rows) tb.append(el('tr', {}, ...r.map((c, i) => el('td', { class: numeric.includes(i) ? 'num' : '' }, c == null ? '—' : String(c)))));
  t.append(tb);
  return el('div', { class: 'scroll' }, t);
}

function render(a) {
  const d = a.deployment;
  $('recommendation').textContent = d.recommendation || 'Nothing is feasible';
  const winner = d.options.find((o) => o.option === d.recommendation);
  $('verdict-line').textContent = d.feasible
    ? 'Score ' + winner.score + '; knowledge: ' + a.knowledge.recommendation + (a.cost ? '; usage tier ' + a.cost.tier : '')
    : 'Every option is blocked by a submitted constraint; see what would have to change.';
  $('premium').textContent = d.costPremium
    ? 'Costs ' + usd(d.costPremium.monthlyUsd) + ' a month more than ' + d.costPremium.comparedTo + '.'
    : (d.feasible ? 'No cost premium: no eligible option is cheaper.' : '');

  const options = $('options');
  options.replaceChildren();
  for (const o of d.options) {
    const cls = 'option' + (o.option === d.recommendation ? ' winner' : '') + (o.eligible ? '' : ' blocked');
    options.append(el('div', { class: cls, 'data-option': o.option },
      el('h4', { text: o.option + (o.eligible ? ' · score ' + o.score : ' · blocked') }),
      o.reasons.length ? list(o.reasons.map(weighted), 'reason') : null,
      o.blockers.length ? list(o.blockers.map((b) => 'Blocked: ' + b), 'blocker') : null));
  }
  for (const c of d.conflicts || []) {
    options.append(el('div', { class: 'option blocked' }, el('h4', { text: c.option + ': what would have to change' }),
      list(c.excludedBy.map((x) => x.because + ' → ' + x.change), 'blocker')));
  }

  const flips = $('flips');
  flips.replaceChildren(d.flips && d.flips.length
    ? table(['input', 'at', 'the answer becomes'], d.flips.map((f) => [f.field, f.value, f.recommendation || 'nothing feasible']))
    : el('p', { class: 'hint', text: 'No single input changes the recommendation.' }));

  const k = a.knowledge;
  $('knowledge').replaceChildren(el('p', {}, el('strong', { text: k.recommendation })),
    list(k.reasons), ...(k.conflicts || []).map((c) => el('p', { class: 'blocker', text: JSON.stringify(c) })));

  const cost = $('cost');
  cost.replaceChildren();
  if (a.cost) {
    const c = a.cost;
    if (Array.isArray(c.options)) {
      cost.append(table(['option', 'upfront', 'monthly', 'labour a month', 'over the horizon'],
        c.options.map((o) => [o.option, usd(o.upfrontUsd), usd(o.monthlyUsd), usd(o.labourMonthlyUsd), usd(o.horizonUsd)]), [1, 2, 3, 4]));
    } else {
      cost.append(table(['option', 'monthly'], [['API (' + c.referenceModel + ')', usd(c.apiMonthlyUsd)],
        ['SELF_HOST (' + (c.selfHostSetup || 'no setup') + ')', usd(c.selfHostMonthlyUsd)]], [1]));
    }
    const facts = [
      'Cheaper at this volume: ' + c.cheaperOption + '.',
      'Break-even: ' + (c.breakEvenMonthlyTokens == null ? 'never' : tokens(c.breakEvenMonthlyTokens) + ' tokens a month') + '.',
      c.cheapestApi ? 'Cheapest API meeting the filters: ' + c.cheapestApi.model + ' at ' + usd(c.cheapestApi.monthlyUsd) + ' a month.' : null,
      c.summary,
      ...(c.assumptions || []),
    ].filter(Boolean);
    cost.append(list(facts));
  }

  const models = a.models || [];
  $('models').replaceChildren(models.length
    ? table(['model', 'provider', 'quality', 'context', 'license', 'input $/1M', 'monthly', 'per task'],
      models.map((m) => [m.name, m.provider, m.quality, tokens(m.contextWindowTokens), m.license,
        m.inputUsdPerMillionTokens == null ? 'infra only' : m.inputUsdPerMillionTokens, usd(m.monthlyUsd),
        m.costPerTaskUsd == null ? null : '$' + m.costPerTaskUsd]), [5, 6, 7])
    : el('p', { class: 'hint', text: 'No candidate model: ' + JSON.stringify(a.modelExclusions) }));

  $('advice').replaceChildren(...(a.advice || []).map((x) => el('li', {}, el('strong', { text: x.code }), ' ' + x.text)));
  $('decided').replaceChildren(table(['rule', 'file', 'sheet', 'row'],
    (a.decidedBy || []).map((r) => [r.rule, r.source.file, r.source.sheet, r.source.row])));
  $('version').textContent = 'Rules version ' + a.rulesVersion + '. Full trace: ' + a.firedRules.length + ' rules fired.';
}

// The volumes to draw: a log grid around the submitted volume, plus both sides of every edge of
// the ranges where self-hosting is cheaper, so the staircase and the crossovers are drawn where the
// rules put them; at most the sweep's 200 points.
function volumes(request, answer) {
  const v = Number(request.monthlyTokens) || 1e9;
  const ranges = (answer.cost && answer.cost.selfHostCheaperRanges) || [];
  const edges = ranges.flatMap((r) => r.toTokens == null ? [r.fromTokens] : [r.fromTokens, r.toTokens]);
  const lo = Math.max(1, Math.min(1e6, v / 100));
  const hi = Math.min(1e15, Math.max(1e11, v * 100, ...edges.map((e) => e * 10)));
  const set = new Set([Math.round(v)]);
  const n = 120;
  for (let i = 0; i < n; i++) set.add(Math.round(Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * i / (n - 1))));
  for (const e of edges) for (const x of [e - 1, e, e + 1]) if (x >= lo && x <= hi) set.add(x);
  return [...set].sort((a, b) => a - b).slice(0, 200);
}

const COLOURS = { API: '#1f5fa8', SELF_HOST: '#c0392b', FINE_TUNE: '#7b4fb3', CHEAPEST_API: '#2a9d8f' };

async function drawChart(request, answer) {
  const sweep = await post('/recommend/sweep', JSON.stringify({ criteria: request, field: 'monthlyTokens', values: volumes(request, answer) }));
  if (!sweep.ok) { $('chart-notes').textContent = 'No chart: ' + sweep.body.detail; return; }
  const points = sweep.body.points;
  const series = new Map();
  const add = (key, label, x, y) => {
    if (!series.has(key)) series.set(key, { label, data: [] });
    series.get(key).data.push({ x, y });
  };
  const ref = answer.cost ? answer.cost.referenceModel : 'reference';
  for (const p of points) {
    for (const o of p.options) {
      const label = o.option === 'API' ? 'API at ' + ref : o.option === 'SELF_HOST' ? 'Self-host (setups)' : o.option === 'FINE_TUNE' ? 'Fine-tuning' : o.option;
      add(o.option, label, p.value, o.monthlyUsd);
    }
    if (p.cheapestApi) add('CHEAPEST_API', 'Cheapest API (' + p.cheapestApi.model + ')', p.value, p.cheapestApi.monthlyUsd);
  }
  const datasets = [...series.entries()].map(([key, s]) => ({
    label: s.label, data: s.data, borderColor: COLOURS[key] || '#555', backgroundColor: COLOURS[key] || '#555',
    stepped: key === 'SELF_HOST' ? 'after' : false, pointRadius: 0, borderWidth: 2,
  }));
  const annotations = {};
  const line = (id, x, text, colour, dash, pos) => {
    annotations[id] = { type: 'line', xMin: x, xMax: x, borderColor: colour, borderWidth: 1.5, borderDash: dash,
      label: { display: true, content: text, position: pos, backgroundColor: colour, font: { size: 10 } } };
  };
  const be = answer.cost && answer.cost.breakEvenMonthlyTokens;
  sweep.body.changes.forEach((c, i) => {
    // crossovers carry only their volume (the chart's note says which way each goes), so they fit
    if (c.what === 'cheaperOption' && Number(c.value) !== Number(be)) line('x' + i, c.value, tokens(c.value), '#777', [4, 4], 'end');
    if (c.what === 'recommendation') line('r' + i, c.value, tokens(c.value) + ' → ' + (c.to || 'nothing feasible'), '#e67e22', [2, 2], 'center');
  });
  if (be != null) line('be', be, 'break-even ' + tokens(be), '#1e7d45', [], 'start');
  line('you', Number(request.monthlyTokens), 'you: ' + tokens(request.monthlyTokens), '#16324f', [], 'center');

  if (state.chart) state.chart.destroy();
  state.chart = new Chart($('cost-chart'), {
    type: 'line',
    data: { datasets },
    options: {
      responsive: true, maintainAspectRatio: false, animation: false, parsing: true,
      interaction: { mode: 'nearest', axis: 'x', intersect: false },
      scales: {
        x: { type: 'logarithmic', title: { display: true, text: 'tokens a month' }, ticks: { callback: (v) => (String(v)[0] === '1' ? tokens(v) : '') } },
        y: { type: 'logarithmic', title: { display: true, text: 'USD a month' }, ticks: { callback: (v) => (String(v)[0] === '1' ? usd(v) : '') } },
      },
      plugins: {
        annotation: { annotations },
        tooltip: { callbacks: { title: (items) => tokens(items[0].parsed.x) + ' tokens', label: (i) => i.dataset.label + ': ' + usd(i.parsed.y) } },
        legend: { position: 'bottom' },
      },
    },
  });
  const crossings = sweep.body.changes.filter((c) => c.what === 'cheaperOption').map((c) => tokens(c.value) + ' (' + c.to + ' cheaper above)').join(', ');
  $('chart-notes').textContent = points.length + ' decisions by POST /recommend/sweep. The cheaper option changes at '
    + (crossings || 'no volume in this range') + ' tokens a month.';
}

async function start() {
  // the plugin's UMD build registers itself where it can; registering it again is harmless
  if (window['chartjs-plugin-annotation']) Chart.register(window['chartjs-plugin-annotation']);
  try {
    await loadContract();
  } catch (e) {
    $('loading').textContent = 'The contract (/v3/api-docs) could not be read.';
    return;
  }
  buildForm();
  const params = Object.fromEntries(new URLSearchParams(location.search));
  fill(Object.keys(params).length ? params : state.example);
  $('share').href = shareLink();
  $('criteria').addEventListener('submit', (e) => { e.preventDefault(); decide(); });
  $('reset').addEventListener('click', () => { fill(state.example); decide(); });
  window.addEventListener('beforeprint', () => state.chart && state.chart.resize());
  document.body.dataset.ready = 'true';
  decide();
}

start();
