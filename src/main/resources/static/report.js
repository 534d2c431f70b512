// The decision memo: the answer of POST /recommend read as a board reads it. The verdict comes first
// in words; every figure on the page is the service's (the answer, /recommend/sweep,
// /recommend/sensitivity, /models), formatted by one set of formatters; the wording of reasons,
// blockers and advice is the rules' own, the labels around it are the page's. The form is built
// from the published contract (/v3/api-docs), so a field added to the request appears without
// more code (labelled with its API name until it gets words here).
'use strict';

const state = { schema: null, required: [], example: {}, catalog: new Map(), a: null, b: null, charts: {} };
const memo = (window.memo = {}); // what the page shows, for its browser test
const $ = (id) => document.getElementById(id);
const el = (tag, attrs = {}, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v; else if (k === 'text') e.textContent = v; else if (v != null) e.setAttribute(k, v);
  }
  for (const c of children) if (c != null && c !== false) e.append(c);
  return e;
};

// ---- words ---------------------------------------------------------------------------------

/** Each request field as a question or label; the API name is shown as a hint beside it. */
const LABELS = {
  dataSensitivity: 'How sensitive is the data?',
  monthlyTokens: 'Tokens a month',
  timeToProduction: 'How soon must it be live?',
  upfrontBudgetUsd: 'Budget available upfront (USD)',
  mlEngineers: 'ML engineers on the team',
  infraEngineers: 'Infrastructure engineers on the team',
  latencyBudgetMs: 'Latency the product can allow (ms)',
  customization: 'How far must the model be adapted?',
  taskType: 'What does the model mostly do?',
  knowledgeUpdates: 'How often does the knowledge change?',
  labeledExamples: 'Labeled examples for fine-tuning',
  ragMeetsQualityBar: 'Does retrieval alone reach the quality bar?',
  referenceModel: 'API model to price',
  minContextWindowTokens: 'Smallest context window acceptable (tokens)',
  minQuality: 'Lowest model quality acceptable',
  requireOpenWeights: 'Open-weight models only?',
  tokensPerTask: 'Tokens one task uses',
  expectedAttempts: 'Attempts a task needs, by model',
  outputTokenShare: 'Share of tokens that are output (0 to 1)',
  cachedInputShare: 'Share of input served from the cache (0 to 1)',
  batchShare: 'Share sent through a batch API (0 to 1)',
  engineerMonthlyUsd: 'Monthly cost of one engineer (USD)',
  horizonMonths: 'Horizon to compare over (months)',
  selfHost: 'Your self-hosting quote',
  apiPriceChangePerYear: 'API price change a year (−0.5: halves)',
  volumeGrowthPerYear: 'Volume growth a year (1: doubles)',
};

/** Short names for sentences and tables. */
const SHORT = {
  monthlyTokens: 'volume', upfrontBudgetUsd: 'upfront budget', mlEngineers: 'ML engineers',
  infraEngineers: 'infrastructure engineers', latencyBudgetMs: 'latency budget', labeledExamples: 'labeled examples',
  engineerMonthlyUsd: 'engineer cost a month', horizonMonths: 'horizon', outputTokenShare: 'output share',
  cachedInputShare: 'cached input share', batchShare: 'batch share', tokensPerTask: 'tokens per task',
  minContextWindowTokens: 'minimum context window', apiPriceChangePerYear: 'API price change a year',
  volumeGrowthPerYear: 'volume growth a year', dataSensitivity: 'data', timeToProduction: 'time to production',
  customization: 'customization', taskType: 'task', knowledgeUpdates: 'knowledge updates',
  ragMeetsQualityBar: 'retrieval reaches the bar', referenceModel: 'API model', minQuality: 'minimum quality',
  requireOpenWeights: 'open weights only', selfHost: 'self-hosting quote', expectedAttempts: 'attempts per task',
};

const GROUPS = [
  ['The situation', ['dataSensitivity', 'monthlyTokens', 'timeToProduction', 'upfrontBudgetUsd', 'mlEngineers', 'infraEngineers', 'latencyBudgetMs']],
  ['The task', ['taskType', 'customization', 'knowledgeUpdates', 'labeledExamples', 'ragMeetsQualityBar', 'tokensPerTask', 'expectedAttempts']],
  ['The models', ['referenceModel', 'minQuality', 'minContextWindowTokens', 'requireOpenWeights']],
  ['Total cost of ownership', ['horizonMonths', 'engineerMonthlyUsd', 'outputTokenShare', 'cachedInputShare', 'batchShare', 'apiPriceChangePerYear', 'volumeGrowthPerYear', 'selfHost']],
];

const ENUM_WORDS = {
  PUBLIC: 'Public', INTERNAL: 'Internal', CONFIDENTIAL: 'Confidential', REGULATED: 'Regulated (may not leave your infrastructure)',
  DAYS: 'Within days', WEEKS: 'Within weeks', MONTHS: 'Within months',
  PROMPT_ONLY: 'Prompting only', DOMAIN_ADAPTATION: 'Adapted to the domain', FULL_CONTROL: 'Full control of the model',
  FACTUAL_QA: 'Factual answers over documents', STYLE_FORMAT: 'A style or format', DOMAIN_EXPERT: 'Domain expertise',
  STATIC: 'Rarely', PERIODIC: 'Periodically', REAL_TIME: 'In real time',
  MEDIUM: 'Medium', MEDIUM_HIGH: 'Medium-high', HIGH: 'High', VERY_HIGH: 'Very high',
  true: 'Yes', false: 'No',
};

const OPTION = {
  API: { name: 'a managed API', verb: 'Use a managed API', short: 'API' },
  FINE_TUNE: { name: 'fine-tuning', verb: 'Fine-tune a hosted model', short: 'Fine-tuning' },
  SELF_HOST: { name: 'self-hosting', verb: 'Self-host', short: 'Self-hosting' },
};
const optionName = (o) => (OPTION[o] ? OPTION[o].name : String(o));
const optionShort = (o) => (OPTION[o] ? OPTION[o].short : String(o));
const KNOWLEDGE = { RAG: 'retrieval (RAG)', FINE_TUNING: 'fine-tuning', RAG_AND_FINE_TUNING: 'retrieval and fine-tuning together' };
const APPROACH = { RAG: 'Retrieval (RAG)', FINE_TUNING: 'Fine-tuning' };

const label = (f) => LABELS[f] || f.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase());
const short = (f) => SHORT[f] || f.replace(/([A-Z])/g, ' $1').toLowerCase();
const words = (v) => (v == null ? '—' : ENUM_WORDS[v] || String(v).toLowerCase().replace(/_/g, ' '));
const cap = (s) => (s ? s[0].toUpperCase() + s.slice(1) : s);

// ---- numbers: one formatter each --------------------------------------------------------------

/** Money: grouped thousands; cents only under $1,000 and only when there are any. */
function usd(n) {
  if (n == null || n === '') return '—';
  const v = Number(n);
  const abs = Math.abs(v);
  const cents = abs < 1000 && Math.round(abs * 100) % 100 !== 0;
  const s = abs.toLocaleString('en-US', { minimumFractionDigits: cents ? 2 : 0, maximumFractionDigits: cents ? 2 : 0 });
  return (v < 0 ? '−$' : '$') + s;
}
/** A cost per task: three significant digits. */
function usdTask(n) {
  if (n == null) return '—';
  const v = Number(n);
  return '$' + (v >= 1000 ? usd(v).slice(1) : String(Number(v.toPrecision(3))));
}
/** Money on a chart's axis: $2.5M, $80K. */
function usdShort(n) {
  const v = Number(n);
  for (const [d, s] of [[1e9, 'B'], [1e6, 'M'], [1e3, 'K']]) if (Math.abs(v) >= d) return '$' + +(v / d).toPrecision(3) + s;
  return '$' + +v.toPrecision(3);
}
/** A token volume: 2B, 800M, 34B (the exact value is the element's title). */
function tokensText(n) {
  const v = Number(n);
  for (const [d, s] of [[1e12, 'T'], [1e9, 'B'], [1e6, 'M'], [1e3, 'K']]) if (v >= d) return +(v / d).toPrecision(3) + s;
  return String(v);
}
const grouped = (n) => Number(n).toLocaleString('en-US', { maximumFractionDigits: 4 });
function tokens(n) {
  return el('span', { class: 'tokens', title: grouped(n) + ' tokens', text: tokensText(n) });
}
const percent = (v) => +(Number(v) * 100).toPrecision(3) + ' %';
const MONEY = /Usd$/;
const SHARES = new Set(['outputTokenShare', 'cachedInputShare', 'batchShare', 'apiPriceChangePerYear', 'volumeGrowthPerYear']);
const TOKEN_FIELDS = new Set(['monthlyTokens', 'minContextWindowTokens', 'tokensPerTask']);

/** A request field's value in words, as text (tokens with their exact value in brackets nowhere). */
function valueText(field, v) {
  if (v == null || v === '') return '—';
  // a threshold such as $499,999.99 keeps its cents: rounded, it would read as the other side
  if (MONEY.test(field)) return Math.round(Number(v) * 100) % 100 !== 0 ? '$' + Number(v).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : usd(v);
  if (TOKEN_FIELDS.has(field)) return tokensText(v);
  if (SHARES.has(field)) return percent(v);
  if (field === 'latencyBudgetMs') return grouped(v) + ' ms';
  if (field === 'horizonMonths') return grouped(v) + ' months';
  if (typeof v === 'object') return JSON.stringify(v);
  if (/^-?\d+(\.\d+)?$/.test(String(v))) return grouped(v);
  return words(v);
}
function valueNode(field, v) {
  return TOKEN_FIELDS.has(field) && v != null && v !== '' ? tokens(v) : document.createTextNode(valueText(field, v));
}
function dateText(iso) {
  const d = new Date(iso + 'T00:00:00Z');
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

// ---- the contract and the form ----------------------------------------------------------------

async function loadContract() {
  const docs = await (await fetch('/v3/api-docs')).json();
  state.schema = docs.components.schemas.CriteriaRequest;
  state.required = state.schema.required || [];
  const examples = docs.paths['/recommend'].post.requestBody.content['application/json'].examples || {};
  const first = Object.values(examples)[0];
  state.example = first ? (typeof first.value === 'string' ? JSON.parse(first.value) : first.value) : {};
}

async function loadCatalog() {
  try {
    const r = await fetch('/models?size=500');
    if (r.ok) for (const m of (await r.json()).models) state.catalog.set(m.name, m);
  } catch (e) { /* prices-as-of is then left out */ }
}

function typeOf(prop) {
  if (prop.enum) return 'enum';
  const t = Array.isArray(prop.type) ? prop.type.find((x) => x !== 'null') : prop.type;
  return t || (prop.additionalProperties || prop.properties || prop.$ref ? 'object' : 'string');
}
const fieldNames = () => Object.keys(state.schema.properties);

function buildForm() {
  const box = $('fields');
  box.replaceChildren();
  const placed = new Set();
  const groups = GROUPS.map(([title, names]) => [title, names.filter((n) => state.schema.properties[n])]);
  const rest = fieldNames().filter((n) => !GROUPS.some(([, names]) => names.includes(n)));
  if (rest.length) groups.push(['Other', rest]);
  for (const [title, names] of groups) {
    const set = el('fieldset', { class: 'group' }, el('legend', { text: title }));
    const grid = el('div', { class: 'fields' });
    for (const name of names) { grid.append(field(name)); placed.add(name); }
    set.append(grid);
    box.append(set);
  }
}

function field(name) {
  const prop = state.schema.properties[name];
  const type = typeOf(prop);
  const id = 'f-' + name;
  const required = state.required.includes(name);
  const lab = el('label', { for: id }, label(name), required ? el('span', { class: 'req', text: ' *' }) : null);
  const hint = el('span', { class: 'desc', id: 'd-' + name }, el('code', { class: 'api', text: name }),
    prop.description ? ' · ' + prop.description : null, prop.default != null ? ' · default ' + prop.default : null);
  let input;
  if (type === 'enum' || type === 'boolean') {
    input = el('select', { id, name });
    const values = type === 'boolean' ? ['true', 'false'] : prop.enum;
    input.append(el('option', { value: '', text: required ? '— choose —' : '— not said' + (prop.default != null ? ' (' + words(prop.default) + ')' : '') + ' —' }));
    for (const v of values) input.append(el('option', { value: v, text: words(v) }));
  } else if (type === 'object') {
    input = el('textarea', { id, name, rows: '2', placeholder: prop.example ? JSON.stringify(prop.example) : '{}' });
  } else {
    input = el('input', { id, name, type: 'text', autocomplete: 'off' });
    if (type === 'integer' || type === 'number') input.setAttribute('inputmode', 'decimal');
  }
  input.dataset.type = type;
  input.setAttribute('aria-describedby', 'd-' + name + ' err-' + name);
  return el('div', { class: 'field', id: 'field-' + name }, lab, input, hint, el('p', { class: 'error', id: 'err-' + name, role: 'alert' }));
}

function fill(values) {
  for (const name of fieldNames()) {
    const v = values[name];
    $('f-' + name).value = v == null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
}

/** The form's values as strings, by field (what the URL holds). */
function formValues() {
  const values = {};
  for (const name of fieldNames()) {
    const v = $('f-' + name).value.trim();
    if (v !== '') values[name] = v;
  }
  return values;
}

/** A request as JSON text. A typed number goes in as typed, so the service judges it. */
function requestJson(values) {
  const parts = [];
  for (const name of fieldNames()) {
    if (values[name] == null || values[name] === '') continue;
    const raw = String(typeof values[name] === 'object' ? JSON.stringify(values[name]) : values[name]).trim();
    const type = typeOf(state.schema.properties[name]);
    let json;
    if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(raw)) json = raw;
    else if (type === 'boolean' && (raw === 'true' || raw === 'false')) json = raw;
    else if (type === 'object') json = raw;
    else json = JSON.stringify(raw);
    parts.push(JSON.stringify(name) + ':' + json);
  }
  return '{' + parts.join(',') + '}';
}

// ---- the URL: situation A as its fields, the edited copy B as vs.<field> for what differs --------

function readUrl() {
  const params = new URLSearchParams(location.search);
  const a = {};
  const over = {};
  let any = false;
  for (const [k, v] of params) {
    if (k.startsWith('vs.')) { over[k.slice(3)] = v; any = true; } else a[k] = v;
  }
  const base = Object.keys(a).length ? a : stringValues(state.example);
  return { a: base, b: any ? applyOver(base, over) : null };
}
function stringValues(o) {
  const s = {};
  for (const [k, v] of Object.entries(o)) if (v != null) s[k] = typeof v === 'object' ? JSON.stringify(v) : String(v);
  return s;
}
function applyOver(base, over) {
  const b = { ...base };
  for (const [k, v] of Object.entries(over)) { if (v === '') delete b[k]; else b[k] = v; }
  return b;
}
function differences(a, b) {
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return names.filter((n) => (a[n] ?? '') !== (b[n] ?? ''));
}
function urlOf(a, b) {
  const p = new URLSearchParams(a);
  if (b) for (const n of differences(a, b)) p.append('vs.' + n, b[n] ?? '');
  return location.pathname + '?' + p.toString();
}

// ---- talking to the service -------------------------------------------------------------------

async function post(path, body, retried) {
  const r = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
  // a decision stopped at its deadline (a busy or faulty service): asked once more before saying so
  if (r.status === 503 && !retried) return post(path, body, true);
  let json = null;
  try { json = await r.json(); } catch (e) { json = { detail: 'The service answered ' + r.status + '.' }; }
  return { ok: r.ok, body: json };
}

function clearErrors() {
  $('form-error').textContent = '';
  for (const name of fieldNames()) {
    $('err-' + name).textContent = '';
    $('field-' + name).classList.remove('invalid');
  }
}

/** A refused request: each problem next to its field, in the service's words. */
function showProblem(problem) {
  const loose = [];
  for (const e of problem.errors || []) {
    const top = (e.field || '').split(/[.[]/)[0];
    if (top && $('err-' + top)) {
      const err = $('err-' + top);
      err.textContent = (err.textContent ? err.textContent + '; ' : '') + (e.field !== top ? e.field + ' ' : '') + e.message;
      $('field-' + top).classList.add('invalid');
    } else loose.push((e.field ? e.field + ': ' : '') + e.message);
  }
  if (!problem.errors || loose.length) $('form-error').textContent = [problem.detail, ...loose].join(' ');
  // the memo is hidden (it would be the previous answer); the form stays, with the problems in it
  $('loading').hidden = true;
  $('report').hidden = false;
  $('form-panel').open = true;
}

/** Decides A (and B when comparing), then draws everything; the form keeps what was typed. */
async function show(a, b) {
  document.body.dataset.state = 'deciding';
  clearErrors();
  const answer = await post('/recommend?explain=flips', requestJson(a));
  if (!answer.ok) { showProblem(answer.body); document.body.dataset.state = 'refused'; return false; }
  let answerB = null;
  if (b) {
    answerB = await post('/recommend', requestJson(b));
    if (!answerB.ok) { showProblem(answerB.body); document.body.dataset.state = 'refused'; return false; }
  }
  state.a = a; state.b = b;
  memo.request = a; memo.answer = answer.body; memo.requestB = b; memo.answerB = answerB && answerB.body;
  history.replaceState(null, '', urlOf(a, b));
  $('share').href = urlOf(a, b);
  $('loading').hidden = true;
  $('report').hidden = false;
  render(a, answer.body);
  renderCompare(a, answer.body, b, answerB && answerB.body);
  await Promise.all([drawVolume(a, answer.body), drawTornado(a, answer.body)]);
  drawTime(a, answer.body);
  document.body.dataset.state = 'done';
  return true;
}

// ---- the memo ---------------------------------------------------------------------------------

/** Each option's total as the headline compares them: over the horizon, else a month all in. */
function totals(answer) {
  const out = new Map();
  const c = answer.cost;
  if (!c || !Array.isArray(c.options)) return out;
  for (const o of c.options) {
    if (o.horizonUsd != null) out.set(o.option, { usd: Number(o.horizonUsd), basis: 'horizon' });
    else if (o.monthlyUsd != null) out.set(o.option, { usd: Number(o.monthlyUsd) + Number(o.labourMonthlyUsd || 0), basis: 'month' });
  }
  return out;
}
function horizonOf(request, answer) {
  const o = answer.cost && (answer.cost.options || []).find((x) => Array.isArray(x.totalByMonthUsd));
  return o ? o.totalByMonthUsd.length : request.horizonMonths ? Number(request.horizonMonths) : null;
}
const basisText = (basis, months) => (basis === 'horizon' ? 'over ' + months + ' months' : 'a month');

/** The headline and what it compares, from the answer alone. */
function verdict(request, answer) {
  const d = answer.deployment;
  const rec = d.recommendation;
  if (!rec) return { text: 'Nothing is feasible as the situation stands', rec: null };
  const c = answer.cost;
  let what = OPTION[rec] ? OPTION[rec].verb : rec;
  if (rec === 'SELF_HOST' && c) {
    if (c.selfHost) what += ' ' + c.selfHost.model + ' on ' + c.selfHost.gpuCount + ' × ' + c.selfHost.gpu;
    else if (c.selfHostSetup) what += ' an open model on ' + c.selfHostSetup;
  }
  // the reference model is named only when it is among the candidates the filters let through
  if (rec === 'API' && c && (answer.models || []).some((m) => m.name === c.referenceModel)) what = 'Use the ' + c.referenceModel + ' API';
  const t = totals(answer);
  const months = horizonOf(request, answer);
  const mine = t.get(rec);
  let text = what;
  let against = null;
  if (mine) {
    text += ': ' + usd(mine.usd) + ' ' + basisText(mine.basis, months);
    const eligible = new Set(d.options.filter((o) => o.eligible && o.option !== rec).map((o) => o.option));
    const others = [...t.entries()].filter(([o, x]) => eligible.has(o) && x.basis === mine.basis).sort((x, y) => x[1].usd - y[1].usd);
    if (others.length) {
      const [o, x] = others[0];
      const diff = mine.usd - x.usd;
      against = { option: o, diffUsd: diff };
      text += diff < 0 ? ', ' + usd(-diff) + ' less than ' + optionName(o)
        : diff > 0 ? ', ' + usd(diff) + ' more than ' + optionName(o)
          : ', the same as ' + optionName(o);
    }
  }
  return { text, rec, against, basis: mine && mine.basis };
}

/** The winner's strongest reason, in the rules' words. */
function strongest(answer) {
  const d = answer.deployment;
  const w = d.options.find((o) => o.option === d.recommendation);
  if (!w) return null;
  let best = null;
  for (const e of w.effects || []) {
    const n = Number(e.effect);
    if (!Number.isNaN(n) && n > 0 && (!best || n > best.n)) best = { n, text: e.text };
  }
  return best && best.text;
}

/** The situation in plain words: volume, data, deadline, budget, team, task, horizon. */
function situationText(r) {
  const parts = [];
  if (r.dataSensitivity) parts.push(words(r.dataSensitivity).replace(/ \(.*\)/, '').toLowerCase() + ' data');
  if (r.monthlyTokens) parts.push(tokensText(r.monthlyTokens) + ' tokens a month');
  if (r.timeToProduction) parts.push('live ' + words(r.timeToProduction).toLowerCase());
  if (r.upfrontBudgetUsd != null) parts.push(usd(r.upfrontBudgetUsd) + ' to spend upfront');
  const ml = Number(r.mlEngineers || 0), infra = Number(r.infraEngineers || 0);
  parts.push(ml + infra === 0 ? 'no ML or infrastructure engineers' : ml + ' ML and ' + infra + ' infrastructure engineer' + (infra === 1 ? '' : 's'));
  if (r.latencyBudgetMs) parts.push('answers within ' + grouped(r.latencyBudgetMs) + ' ms');
  if (r.taskType) parts.push('a task of ' + words(r.taskType).toLowerCase());
  if (r.customization && r.customization !== 'PROMPT_ONLY') parts.push(words(r.customization).toLowerCase());
  if (r.labeledExamples != null) parts.push(grouped(r.labeledExamples) + ' labeled examples');
  if (r.minQuality) parts.push('at least ' + words(r.minQuality).toLowerCase() + ' quality');
  if (r.requireOpenWeights === 'true') parts.push('open-weight models only');
  if (r.horizonMonths) parts.push('compared over ' + r.horizonMonths + ' months');
  if (r.engineerMonthlyUsd) parts.push('an engineer at ' + usd(r.engineerMonthlyUsd) + ' a month');
  return cap(parts.join(', ')) + '.';
}

function render(request, a) {
  const d = a.deployment;
  const v = verdict(request, a);
  memo.headline = v;
  $('headline').textContent = v.text + '.';
  const knowledge = a.knowledge && a.knowledge.recommendation ? ' Knowledge: ' + KNOWLEDGE[a.knowledge.recommendation] + '.' : '';
  const why = strongest(a);
  $('because').textContent = d.feasible ? (why ? 'Because: ' + why + '.' : '') + knowledge
    : 'Every option is ruled out by the situation; below, what excludes each and what would lift it.';
  $('situation').textContent = 'For: ' + situationText(request);
  $('premium').textContent = premiumText(d);
  $('asof').textContent = asOf(a);

  const options = $('options');
  options.replaceChildren();
  for (const o of d.options) {
    const cls = 'option' + (o.option === d.recommendation ? ' winner' : '') + (o.eligible ? '' : ' blocked');
    options.append(el('div', { class: cls, 'data-option': o.option },
      el('h4', { text: cap(optionName(o.option)) + (o.option === d.recommendation ? ': recommended' : o.eligible ? ': possible, score ' + o.score : ': ruled out') + (o.option === d.recommendation ? ', score ' + o.score : '') }),
      o.reasons.length ? list(o.reasons.map(weighted), 'reason') : null,
      o.blockers.length ? list(o.blockers.map((b) => 'Ruled out: ' + sentence(b)), 'blocker') : null));
  }
  for (const c of d.conflicts || []) options.append(conflictBlock(optionName(c.option), c.excludedBy));

  const flips = (d.flips || []).map((f) => el('li', {}, 'With ' + short(f.field) + ' at ', valueNode(f.field, f.value),
    ', the answer would be ' + (f.recommendation ? optionName(f.recommendation) : 'that nothing is feasible') + '.'));
  $('flips').replaceChildren(flips.length ? el('ul', { class: 'flips' }, ...flips)
    : el('p', { class: 'hint', text: 'No single input nearby changes the recommendation.' }));
  const take = d.whatItWouldTake || [];
  $('take').replaceChildren(...(take.length ? [el('h4', { text: 'What it would take' }), el('ul', {}, ...take.map(takeItem))] : []));

  renderKnowledge(a.knowledge);
  renderCost(request, a);
  renderModels(a);
  $('advice').replaceChildren(...(a.advice || []).map((x) => el('li', {}, x.text)));
  $('decided').replaceChildren(table(['rule', 'where it is written'],
    (a.decidedBy || []).map((r) => [r.rule, r.source.file + (r.source.sheet ? ', sheet ' + r.source.sheet + ', row ' + r.source.row : '')]), [], 'rules'));
  $('inputs').replaceChildren(el('dl', { class: 'inputs' }, ...Object.entries(request).flatMap(([k, val]) =>
    [el('dt', { text: label(k) }), el('dd', {}, valueNode(k, val))])));
  $('version').textContent = 'Rules version ' + a.rulesVersion + '; ' + a.firedRules.length + ' rules fired in all.';
}

function premiumText(d) {
  const p = d.costPremium;
  if (!p) return '';
  let s = 'It costs ' + usd(p.monthlyUsd) + ' a month more than ' + optionName(p.comparedTo);
  if (p.horizonUsd != null) s += ' (' + usd(p.horizonUsd) + ' over the horizon)';
  if (p.allowedUsd != null) {
    s += '; the reasons that chose it are worth up to ' + usd(p.allowedUsd);
    if (p.justifiedBy && p.justifiedBy.length) s += ': ' + p.justifiedBy.map((j) => (typeof j === 'string' ? j : j.text || j.reason || JSON.stringify(j))).join('; ');
  }
  return s + '.';
}

function asOf(a) {
  const names = new Set([(a.cost || {}).referenceModel, ((a.cost || {}).cheapestApi || {}).model, ...(a.models || []).map((m) => m.name)]);
  const dates = [...names].map((n) => (n && state.catalog.get(n) ? state.catalog.get(n).pricesCheckedOn : (a.models || []).find((m) => m.name === n)?.pricesCheckedOn))
    .filter(Boolean).sort();
  if (!dates.length) return '';
  const lo = dates[0], hi = dates[dates.length - 1];
  return 'Prices as of ' + (lo === hi ? dateText(lo) : dateText(lo) + ' to ' + dateText(hi)) + ' (the catalog\'s check dates).';
}

const sentence = (s) => (s && !/[.!?]$/.test(s) ? s + '.' : s);

function conflictBlock(name, excludedBy) {
  return el('div', { class: 'option blocked' }, el('h4', { text: cap(name) + ' is ruled out' }),
    list(excludedBy.map((x) => sentence(x.because) + (x.change ? ' It would take: ' + sentence(x.change.replace(/^./, (ch) => ch.toLowerCase())) : '')), 'blocker'));
}

function takeItem(t) {
  const changes = (t.changes || []).map((c) => short(c.field) + ' at ' + valueText(c.field, c.value)).join(' and ');
  const extra = Object.entries(t).filter(([k, v]) => MONEY.test(k) && v != null).map(([k, v]) => short(k.replace(/Usd$/, '')) + ' ' + usd(v));
  return el('li', {}, cap(optionName(t.option)) + ' would be recommended with ' + (changes || 'no change') + (extra.length ? ' (' + extra.join(', ') + ')' : '') + '.');
}

function list(items, cls) {
  const ul = el('ul');
  for (const i of items) ul.append(el('li', { class: cls || '' }, i));
  return ul;
}

function weighted(text) {
  const m = /^\(([+-]?\d+)\)\s*(.*)$/.exec(text);
  if (!m) return text;
  const n = Number(m[1]);
  return el('span', {}, el('span', { class: 'weight ' + (n > 0 ? 'up' : n < 0 ? 'down' : 'note'), title: n === 0 ? 'a note: does not change the score' : 'weight in the score', text: n > 0 ? '+' + n : String(n) }), ' ' + m[2]);
}

/** A table that becomes stacked rows on a phone (each cell labelled with its column). */
function table(head, rows, numeric = [], cls = '') {
  const t = el('table', { class: 'stack ' + cls });
  t.append(el('thead', {}, el('tr', {}, ...head.map((h, i) => el('th', { class: numeric.includes(i) ? 'num' : '', text: h })))));
  const tb = el('tbody');
  for (const r of rows) {
    tb.append(el('tr', {}, ...r.map((c, i) => el('td', { class: numeric.includes(i) ? 'num' : '', 'data-label': head[i] },
      c == null ? '—' : c instanceof Node ? c : String(c)))));
  }
  t.append(tb);
  return t;
}

function renderKnowledge(k) {
  const box = $('knowledge');
  box.replaceChildren();
  if (!k) return;
  box.append(el('p', {}, el('strong', { text: k.recommendation ? cap(KNOWLEDGE[k.recommendation]) : 'No approach can serve the task as it stands' })));
  const why = k.reasons.filter((r) => !r.startsWith('(trade-off)')).map((r) => {
    const m = /^\(([^)]*)\)\s*(.*)$/.exec(r);
    const kind = m ? m[1] : '';
    const word = { needed: 'Needed', overruled: 'Needed, but overruled', 'cannot work': 'Cannot work', 'ruled out: beats needed': 'Ruled out, and this outweighs a need' }[kind] || cap(kind);
    return el('span', {}, el('em', { text: word + ': ' }), m ? m[2] : r);
  });
  if (why.length) box.append(list(why));
  for (const c of k.conflicts || []) box.append(conflictBlock(APPROACH[c.option] || c.option, c.excludedBy));
  const offs = k.tradeOffs || [];
  if (offs.length) {
    // the article's table: one row per dimension, one column per approach the strategy uses
    const approaches = [...new Set(offs.map((t) => t.approach))];
    const rows = new Map();
    for (const t of offs) {
      const [head, rest] = splitTradeOff(t.text);
      if (!rows.has(head)) rows.set(head, {});
      rows.get(head)[t.approach] = rest;
    }
    box.append(el('h4', { text: 'Trade-offs' }), table(['', ...approaches.map((x) => APPROACH[x] || x)],
      [...rows.entries()].map(([head, cells]) => [head, ...approaches.map((x) => cells[x] || '—')]), [], 'tradeoffs'));
  }
}

/** "Hallucination risk is lower: grounded" → ["Hallucination risk", "Lower: grounded"]. */
function splitTradeOff(text) {
  const colon = text.indexOf(':');
  const left = colon < 0 ? text : text.slice(0, colon);
  const m = /^(.*?) (is|are) (.*)$/.exec(left);
  if (m) return [m[1], cap(m[3]) + (colon < 0 ? '' : text.slice(colon))];
  if (colon > 0) return [left, cap(text.slice(colon + 1).trim())];
  return [text, '✓'];
}

function renderCost(request, a) {
  const box = $('cost');
  box.replaceChildren();
  $('assumptions').replaceChildren();
  const c = a.cost;
  if (!c) { $('cost-lead').textContent = 'The answer prices nothing for this situation.'; return; }
  const months = horizonOf(request, a);
  const cheaper = c.cheaperOption;
  const be = c.breakEvenMonthlyTokens;
  const lead = [];
  lead.push('At ' + tokensText(request.monthlyTokens) + ' tokens a month ' + (cheaper === 'SELF_HOST' ? 'self-hosting is cheaper than the ' + c.referenceModel + ' API' : 'the ' + c.referenceModel + ' API is cheaper than self-hosting') + '.');
  lead.push(be == null ? 'Self-hosting never costs less than the API at any volume.' : 'Self-hosting costs no more than the API from ' + tokensText(be) + ' tokens a month' + (c.selfHostCheaperRanges.length > 1 ? ' (it wins and loses again as volume grows; see the chart)' : '') + '.');
  if (c.cheapestApi) lead.push('The cheapest API model meeting the filters is ' + c.cheapestApi.model + ' at ' + usd(c.cheapestApi.monthlyUsd) + ' a month.');
  $('cost-lead').textContent = lead.join(' ');
  memo.costLead = { cheaper, breakEven: be };
  if (Array.isArray(c.options)) {
    const head = ['option', 'upfront', 'a month', 'labour a month', months ? 'over ' + months + ' months' : 'over the horizon'];
    box.append(table(head, c.options.map((o) => [cap(optionName(o.option)) + (o.option === a.deployment.recommendation ? ' (recommended)' : ''),
      usd(o.upfrontUsd), usd(o.monthlyUsd), o.labourMonthlyUsd == null ? 'not counted' : usd(o.labourMonthlyUsd), o.horizonUsd == null ? 'no horizon given' : usd(o.horizonUsd)]), [1, 2, 3, 4], 'costs'));
  }
  $('assumptions').replaceChildren(...(c.assumptions || []).map((x) => el('li', { text: x })));
}

function renderModels(a) {
  const models = a.models || [];
  const box = $('models');
  if (models.length) {
    box.replaceChildren(table(['model', 'quality', 'context', 'licence', 'a month', 'per task'],
      models.map((m) => [m.name + (m.provider ? ' (' + m.provider + ')' : ''), words(m.quality), m.contextWindowTokens == null ? 'unknown' : tokens(m.contextWindowTokens),
        words(m.license), usd(m.monthlyUsd), m.costPerTaskUsd == null ? '—' : usdTask(m.costPerTaskUsd)]), [4, 5], 'models'),
    ...(a.moreModels ? [el('p', { class: 'hint', text: a.moreModels + ' more models meet the filters and cost more.' })] : []));
  } else {
    box.replaceChildren(el('p', { class: 'blocker', text: 'No model in the catalog meets every filter of this situation.' }),
      list((a.modelExclusions || []).map(exclusionSentence)));
  }
  const retired = models.length ? (a.modelExclusions || []) : [];
  if (retired.length) box.append(list(retired.map(exclusionSentence), 'hint'));
}

function exclusionSentence(x) {
  const names = x.models.join(', ') + (x.count > x.models.length ? ' and ' + (x.count - x.models.length) + ' more' : '');
  const why = state.schema.properties[x.filter] ? 'the filter “' + label(x.filter) + '”' : x.filter;
  return cap(names) + (x.count === 1 ? ' is' : ' are') + ' left out by ' + why + '.';
}

// ---- two situations side by side ------------------------------------------------------------

function renderCompare(ra, a, rb, b) {
  const box = $('compare');
  if (!rb || !b) { box.hidden = true; memo.compare = null; return; }
  box.hidden = false;
  const va = verdict(ra, a), vb = verdict(rb, b);
  const ta = totals(a), tb = totals(b);
  const rows = [['Recommendation', va.text, vb.text]];
  for (const n of differences(ra, rb)) rows.push([cap(short(n)), valueNode(n, ra[n]), valueNode(n, rb[n])]);
  const opts = [...new Set([...ta.keys(), ...tb.keys()])];
  for (const o of opts) {
    const x = ta.get(o), y = tb.get(o);
    rows.push([cap(optionName(o)), x ? usd(x.usd) + ' ' + basisText(x.basis, horizonOf(ra, a)) : '—', y ? usd(y.usd) + ' ' + basisText(y.basis, horizonOf(rb, b)) : '—']);
  }
  if (a.cost && b.cost) rows.push(['Cheaper at this volume', cap(optionName(a.cost.cheaperOption)), cap(optionName(b.cost.cheaperOption))]);
  $('compare-body').replaceChildren(table(['', 'This situation', 'The edited copy'], rows, [], 'compare'));
  memo.compare = { a: va, b: vb };
}

// ---- charts -----------------------------------------------------------------------------------

const COLOURS = { API: '#1f5fa8', SELF_HOST: '#c0392b', FINE_TUNE: '#7b4fb3', CHEAPEST_API: '#2a9d8f' };
const chartFont = { family: 'system-ui, sans-serif', size: 11 };

function chart(id, config) {
  if (state.charts[id]) state.charts[id].destroy();
  state.charts[id] = new Chart($(id), config);
  return state.charts[id];
}

/**
 * The volumes to draw: a log grid around the submitted volume, plus both sides of every edge of
 * the ranges where self-hosting is cheaper, so the crossings are drawn where the rules put them.
 */
function volumes(request, answer) {
  const v = Number(request.monthlyTokens) || 1e9;
  const ranges = (answer.cost && answer.cost.selfHostCheaperRanges) || [];
  const edges = ranges.flatMap((r) => (r.toTokens == null ? [r.fromTokens] : [r.fromTokens, r.toTokens]));
  const lo = Math.max(1, Math.min(1e6, v / 100));
  const hi = Math.min(1e15, Math.max(1e11, v * 100, ...edges.map((e) => e * 10)));
  const set = new Set([Math.round(v)]);
  const n = 120;
  for (let i = 0; i < n; i++) set.add(Math.round(Math.exp(Math.log(lo) + ((Math.log(hi) - Math.log(lo)) * i) / (n - 1))));
  for (const e of edges) for (const x of [e - 1, e, e + 1]) if (x >= lo && x <= hi) set.add(x);
  return [...set].sort((a, b) => a - b).slice(0, 200);
}

/**
 * What an option costs a month as break-even counts it: the bill, plus labour when the request
 * counts it, plus the upfront spread over the horizon when there is one (cost.assumptions says so).
 * The lines and the break-even marker are then the same quantity, so the marker sits where they cross.
 */
function allInMonthly(o, horizon) {
  let v = Number(o.monthlyUsd);
  if (o.labourMonthlyUsd != null) v += Number(o.labourMonthlyUsd);
  if (horizon && o.upfrontUsd != null) v += Number(o.upfrontUsd) / horizon;
  return v;
}

async function drawVolume(request, answer) {
  const sweep = await post('/recommend/sweep', JSON.stringify({ criteria: JSON.parse(requestJson(request)), field: 'monthlyTokens', values: volumes(request, answer) }));
  memo.sweep = sweep.ok ? sweep.body : null;
  if (!sweep.ok) { $('chart-notes').textContent = 'No chart: ' + sweep.body.detail; return; }
  const horizon = horizonOf(request, answer); // the request's or the default one: the months break-even spreads the upfront over
  const labour = sweep.body.points.some((p) => p.options.some((o) => o.labourMonthlyUsd != null));
  $('volume-caption').textContent = 'Cost a month against volume' + (labour || horizon ? ' (' + [labour ? 'labour' : null, horizon ? 'upfront spread over ' + horizon + ' months' : null].filter(Boolean).join(' and ') + ' included, as break-even counts them)' : '');
  const series = new Map();
  const add = (key, lab, x, y) => {
    if (!series.has(key)) series.set(key, { label: lab, data: [] });
    series.get(key).data.push({ x, y });
  };
  const ref = answer.cost ? answer.cost.referenceModel : 'reference';
  for (const p of sweep.body.points) {
    for (const o of p.options) add(o.option, o.option === 'API' ? 'API (' + ref + ')' : cap(optionName(o.option)), Number(p.value), allInMonthly(o, horizon));
    if (p.cheapestApi) add('CHEAPEST_API', 'Cheapest API (' + p.cheapestApi.model + ')', Number(p.value), Number(p.cheapestApi.monthlyUsd));
  }
  const datasets = [...series.entries()].map(([key, s]) => ({
    label: s.label, key, data: s.data, borderColor: COLOURS[key] || '#555', backgroundColor: COLOURS[key] || '#555',
    stepped: key === 'SELF_HOST' ? 'after' : false, pointRadius: 0, borderWidth: 2,
  }));
  const annotations = {};
  const line = (id, x, text, colour, dash, pos) => {
    annotations[id] = { type: 'line', xMin: x, xMax: x, borderColor: colour, borderWidth: 1.5, borderDash: dash,
      label: { display: !!text, content: text, position: pos, backgroundColor: colour, font: { size: 10 } } };
  };
  const be = answer.cost && answer.cost.breakEvenMonthlyTokens;
  sweep.body.changes.forEach((c, i) => {
    // a change's value is the last volume before it: the one next to break-even is break-even
    if (c.what === 'cheaperOption' && (be == null || Math.abs(Number(c.value) - Number(be)) > 1)) line('x' + i, Number(c.value), tokensText(c.value), '#777', [4, 4], 'end');
  });
  if (be != null) line('be', Number(be), 'break-even ' + tokensText(be), '#1e7d45', [], 'start');
  line('you', Number(request.monthlyTokens), 'you: ' + tokensText(request.monthlyTokens), '#16324f', [], 'center');
  memo.volumeMarkers = { breakEven: be == null ? null : Number(be), you: Number(request.monthlyTokens) };
  chart('cost-chart', {
    type: 'line',
    data: { datasets },
    options: {
      responsive: true, maintainAspectRatio: false, animation: false,
      interaction: { mode: 'nearest', axis: 'x', intersect: false },
      scales: {
        x: { type: 'logarithmic', title: { display: true, text: 'tokens a month' }, ticks: { font: chartFont, callback: (v) => (String(v)[0] === '1' ? tokensText(v) : '') } },
        y: { type: 'logarithmic', title: { display: true, text: 'USD a month' }, ticks: { font: chartFont, callback: (v) => (String(v)[0] === '1' ? usdShort(v) : '') } },
      },
      plugins: {
        annotation: { annotations },
        tooltip: { callbacks: { title: (items) => grouped(items[0].parsed.x) + ' tokens a month', label: (i) => i.dataset.label + ': ' + usd(i.parsed.y) } },
        legend: { position: 'bottom', labels: { boxWidth: 12, font: chartFont } },
      },
    },
  });
  const crossings = sweep.body.changes.filter((c) => c.what === 'cheaperOption').map((c) => tokensText(c.value) + ' (' + optionName(c.to) + ' cheaper above)');
  const turns = sweep.body.changes.filter((c) => c.what === 'recommendation').map((c) => tokensText(c.value) + ' (' + (c.to ? optionName(c.to) : 'nothing feasible') + ' above)');
  $('chart-notes').textContent = 'The cheaper option changes at ' + (crossings.join(', ') || 'no volume in this range') + ' tokens a month.'
    + (turns.length ? ' The recommendation changes at ' + turns.join(', ') + '.' : '') + ' ' + sweep.body.points.length + ' decisions of the rules.';
}

/** Where the cumulative totals of self-hosting and the API cross, read off the plotted series. */
function drawTime(request, answer) {
  const c = answer.cost;
  const withSeries = c && Array.isArray(c.options) ? c.options.filter((o) => Array.isArray(o.totalByMonthUsd)) : [];
  const box = $('time-chart').parentElement;
  if (!withSeries.length) {
    if (state.charts['time-chart']) { state.charts['time-chart'].destroy(); delete state.charts['time-chart']; }
    $('time-notes').textContent = 'Give a horizon (and an engineer\'s monthly cost) to see each option\'s total month by month.';
    box.classList.add('empty');
    memo.timeMarker = null;
    return;
  }
  box.classList.remove('empty');
  const datasets = withSeries.map((o) => ({
    label: cap(optionName(o.option)), key: o.option, borderColor: COLOURS[o.option], backgroundColor: COLOURS[o.option], pointRadius: 0, borderWidth: 2,
    data: [{ x: 0, y: Number(o.upfrontUsd || 0) }, ...o.totalByMonthUsd.map((v, i) => ({ x: i + 1, y: Number(v) }))],
  }));
  const months = withSeries[0].totalByMonthUsd.length;
  const annotations = {};
  const m = c.breakEvenMonths;
  let note;
  if (m != null && Number(m) > 0 && Number(m) <= months) {
    annotations.be = { type: 'line', xMin: Number(m), xMax: Number(m), borderColor: '#1e7d45', borderWidth: 1.5,
      label: { display: true, content: 'self-hosting pays back: month ' + m, position: 'start', backgroundColor: '#1e7d45', font: { size: 10 } } };
    note = 'Self-hosting has cost no more in all than the API after ' + m + ' months.';
  } else if (m != null && Number(m) > months) {
    note = 'Self-hosting would pay back against the API after ' + m + ' months, beyond the ' + months + '-month horizon.';
  } else if (m != null && Number(m) === 0) {
    note = 'Self-hosting never costs more in all than the API.';
  } else {
    note = 'Self-hosting does not pay back against the API within 120 months.';
  }
  memo.timeMarker = m == null ? null : Number(m);
  $('time-notes').textContent = note;
  chart('time-chart', {
    type: 'line',
    data: { datasets },
    options: {
      responsive: true, maintainAspectRatio: false, animation: false, parsing: true,
      interaction: { mode: 'nearest', axis: 'x', intersect: false },
      scales: {
        x: { type: 'linear', min: 0, max: months, title: { display: true, text: 'months' }, ticks: { font: chartFont, stepSize: months > 36 ? 12 : 6 } },
        y: { title: { display: true, text: 'USD paid so far' }, ticks: { font: chartFont, callback: (v) => usdShort(v) } },
      },
      plugins: {
        annotation: { annotations },
        tooltip: { callbacks: { title: (items) => 'month ' + items[0].parsed.x, label: (i) => i.dataset.label + ': ' + usd(i.parsed.y) } },
        legend: { position: 'bottom', labels: { boxWidth: 12, font: chartFont } },
      },
    },
  });
}

/** The tornado: the recommended option's total with each input moved down and up. */
async function drawTornado(request, answer) {
  const r = await post('/recommend/sensitivity', JSON.stringify({ criteria: JSON.parse(requestJson(request)) }));
  memo.sensitivity = r.ok ? r.body : null;
  const notes = $('tornado-notes');
  notes.replaceChildren();
  if (!r.ok) { $('tornado-lead').textContent = 'No sensitivity: ' + r.body.detail; return; }
  const s = r.body;
  const focus = s.recommendation || (answer.cost && answer.cost.cheaperOption) || 'API';
  const base = s.options.find((o) => o.option === focus);
  const useHorizon = base && base.horizonUsd != null;
  const baseUsd = base ? Number(useHorizon ? base.horizonUsd : base.monthlyUsd) : null;
  const pick = (o, end) => (o ? Number(useHorizon ? o['horizonUsd' + end] : o['monthlyUsd' + end]) : null);
  const rows = s.inputs.map((i) => {
    const o = i.options.find((x) => x.option === focus);
    return { i, low: pick(o, 'Low'), high: pick(o, 'High') };
  }).filter((x) => x.low != null && baseUsd != null && (x.low !== baseUsd || x.high !== baseUsd))
    // the service orders by the largest swing of any option; the tornado by this option's own
    .sort((x, y) => Math.abs(y.high - y.low) - Math.abs(x.high - x.low)).slice(0, 10);
  $('tornado-lead').textContent = 'Each input moved ' + percent(s.change) + ' down and up, and decided again: ' + cap(optionName(focus)) + '\'s total '
    + (useHorizon ? 'over the horizon' : 'a month') + ' (' + usd(baseUsd) + ' as submitted) at each end, the input that moves it most on top.';
  const labels = rows.map((x) => cap(short(x.i.field)) + ' ' + valueText(x.i.field, x.i.low) + ' – ' + valueText(x.i.field, x.i.high));
  chart('tornado', {
    type: 'bar',
    data: {
      labels,
      datasets: [
        { label: 'input lowered', backgroundColor: '#8fb3de', data: rows.map((x) => [baseUsd, x.low]) },
        { label: 'input raised', backgroundColor: '#1f5fa8', data: rows.map((x) => [baseUsd, x.high]) },
      ],
    },
    options: {
      indexAxis: 'y', responsive: true, maintainAspectRatio: false, animation: false,
      scales: { x: { ticks: { font: chartFont, callback: (v) => usdShort(v) } }, y: { stacked: true, ticks: { font: chartFont } } },
      plugins: {
        legend: { position: 'bottom', labels: { boxWidth: 12, font: chartFont } },
        tooltip: { callbacks: { label: (c) => c.dataset.label + ': ' + usd(c.raw[1]) } },
        annotation: { annotations: { base: { type: 'line', xMin: baseUsd, xMax: baseUsd, borderColor: '#16324f', borderWidth: 1 } } },
      },
    },
  });
  $('tornado').parentElement.style.height = Math.max(140, 40 + rows.length * 30) + 'px';
  state.charts.tornado.resize();
  const turns = [];
  for (const x of s.inputs) {
    for (const [end, rec] of [['low', x.recommendationLow], ['high', x.recommendationHigh]]) {
      if (rec !== s.recommendation) turns.push(el('li', {}, 'With ' + short(x.field) + ' at ', valueNode(x.field, x[end]), ' (' + (end === 'low' ? 'down' : 'up') + ' ' + percent(s.change) + '), the answer would be ' + (rec ? optionName(rec) : 'that nothing is feasible') + '.'));
    }
  }
  notes.append(...(turns.length ? turns : [el('li', { text: 'No input moved by ' + percent(s.change) + ' changes the recommendation.' })]));
}

// ---- a decision on record ---------------------------------------------------------------------

// /?decision=<id>: the stored answer exactly as it was served, marked with its date and rules
// version (the charts are drawn by today's rules); Decide decides the same request again.
async function showRecorded(id) {
  const r = await fetch('/decisions/' + encodeURIComponent(id));
  if (!r.ok) {
    $('loading').hidden = true;
    $('page-error').textContent = 'No decision on record has the id ' + id + '.';
    return;
  }
  const d = await r.json();
  const a = stringValues(d.request);
  fill(a);
  state.a = a; state.b = null;
  memo.request = a; memo.answer = d.answer; memo.requestB = null; memo.answerB = null;
  const when = d.decidedAt.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC');
  $('report').prepend(el('p', { class: 'hint', id: 'recorded', role: 'note' },
    'Decision ' + d.id + ' as answered on ' + when + ' under rules ' + d.rulesVersion
      + (d.commit ? ' (commit ' + d.commit.slice(0, 12) + ')' : '') + '. The charts are drawn by today\'s rules; ',
    el('a', { href: '/decisions/' + encodeURIComponent(d.id) + '/now', text: 'what today\'s rules answer' }), '.'));
  $('loading').hidden = true;
  $('report').hidden = false;
  render(a, d.answer);
  renderCompare(a, d.answer, null, null);
  await Promise.all([drawVolume(a, d.answer), drawTornado(a, d.answer)]);
  drawTime(a, d.answer);
  document.body.dataset.state = 'done';
}

// ---- start ------------------------------------------------------------------------------------

async function start() {
  if (window['chartjs-plugin-annotation']) Chart.register(window['chartjs-plugin-annotation']);
  try {
    await Promise.all([loadContract(), loadCatalog()]);
  } catch (e) {
    $('page-error').textContent = 'The contract (/v3/api-docs) could not be read.';
    return;
  }
  buildForm();
  const { a, b } = readUrl();
  fill(a);
  let mode = 'decide';
  const setMode = (m) => {
    mode = m;
    $('submit').textContent = m === 'compare' ? 'Decide the copy and compare' : 'Decide';
    $('form-summary').textContent = m === 'compare' ? 'Edit the copy to compare' : 'Change the situation';
  };
  $('criteria').addEventListener('submit', async (e) => {
    e.preventDefault();
    const values = formValues();
    const ok = mode === 'compare' ? await show(state.a, values) : await show(values, null);
    if (ok) { $('form-panel').open = false; if (mode === 'compare') fill(state.a); setMode('decide'); $('verdict').scrollIntoView(); }
  });
  $('reset').addEventListener('click', () => { fill(stringValues(state.example)); setMode('decide'); show(formValues(), null); });
  $('compare-open').addEventListener('click', () => { setMode('compare'); fill(state.b || state.a || a); $('form-panel').open = true; $('form-panel').scrollIntoView(); });
  $('compare-stop').addEventListener('click', () => { fill(state.a); show(state.a, null); });
  window.addEventListener('beforeprint', () => Object.values(state.charts).forEach((c) => c.resize()));
  document.body.dataset.ready = 'true';
  const recorded = new URLSearchParams(location.search).get('decision');
  if (recorded) await showRecorded(recorded); else await show(a, b);
}

start();
