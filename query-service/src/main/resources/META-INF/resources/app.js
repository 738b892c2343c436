// Verbatim's reading interface: plain DOM, no framework, no network beyond this service's own API.
// Every piece of article text goes into the page as text nodes (never as HTML), so nothing in an article runs.
'use strict';

const main = document.getElementById('main');
const TYPE_NAMES = { PER: 'Personne', ORG: 'Organisation', LOC: 'Lieu', MISC: 'Divers' };
const QUOTE_TYPES = { direct: 'directe', mixed: 'mixte', indirect: 'indirecte' };
let live = null; // the EventSource of the live page, closed when leaving it

// ---- small helpers -------------------------------------------------------------------------------------------

/** Builds an element; attributes as an object, children as strings (text) or nodes. */
function h(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

/** Replaces a node's children; like h(), skips null (replaceChildren itself would print "null"). */
function fill(node, ...children) {
  node.replaceChildren();
  return append(node, children);
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

async function api(path, params) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params || {})) {
    if (value !== undefined && value !== null && value !== '') query.set(name, value);
  }
  const response = await fetch('api/v1/' + path + (query.toString() ? '?' + query : ''),
    { headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const detail = body && (body.detail || body.title);
    throw new Error(detail ? detail : 'Erreur ' + response.status);
  }
  return body;
}

const dateFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
const dayFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeZone: 'UTC' });
/** "0 entité", "1 entité", "2 entités": in French, less than two is singular. */
function count(n, singular, plural = singular + 's') { return n + ' ' + (Math.abs(n) < 2 ? singular : plural); }

function when(value) { return value ? dateFormat.format(new Date(value)) + ' UTC' : ''; }
function day(value) { return value ? dayFormat.format(new Date(value)) : ''; }

function entityLink(entity, className) {
  return entity ? h('a', { href: '#/entity/' + entity.id, class: className }, entity.name) : null;
}
function speakerLink(speaker) {
  return speaker ? h('a', { href: '#/speaker/' + speaker.id }, speaker.name) : h('span', { class: 'empty' }, 'orateur inconnu');
}
/** "rapportée par 3 sources depuis le 11 mars 2025, d'abord par AFP": how far a statement spread, and who first. */
function spread(st) {
  const sources = st.sources.length;
  const by = sources ? `${sources} source${sources === 1 ? '' : 's'}` : `${st.articleCount} article${st.articleCount === 1 ? '' : 's'}`;
  return `rapportée par ${by} depuis le ${day(st.firstSeenAt)}` + (st.firstSource ? `, d'abord par ${st.firstSource}` : '');
}
function safeUrl(url) { return /^https?:\/\//i.test(url || '') ? url : null; }
function problem(error) { return h('p', { class: 'error', role: 'alert' }, error.message); }

/** A "more" button that loads the next page with the cursor and appends its items. */
function moreButton(load, list, renderItem, page) {
  if (!page.nextCursor) return null;
  const button = h('button', { class: 'secondary', type: 'button' }, 'Plus de résultats');
  let cursor = page.nextCursor;
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const next = await load(cursor);
      next.items.forEach(item => list.append(renderItem(item)));
      cursor = next.nextCursor;
      button.disabled = !cursor;
      if (!cursor) button.remove();
    } catch (e) { button.replaceWith(problem(e)); }
  });
  return button;
}

/** Quotes (or mentions) per day as SVG bars; missing days inside the range count as zero. */
function barChart(points, label) {
  const width = 640, height = 150, left = 30, bottom = 22, top = 10;
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  const set = (node, attributes) => { for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, v); return node; };
  set(svg, { class: 'chart', viewBox: `0 0 ${width} ${height}`, width, height, role: 'img' });
  const total = points.reduce((sum, p) => sum + p.value, 0);
  svg.append(set(document.createElementNS(ns, 'title'), {}));
  svg.firstChild.textContent = `${label} : ${total} sur ${count(points.length, 'jour')}`;
  if (!points.length) return svg;
  const byDay = new Map(points.map(p => [p.day, p.value]));
  let days = points.map(p => p.day);
  const first = new Date(days[0] + 'T00:00:00Z'), last = new Date(days[days.length - 1] + 'T00:00:00Z');
  const span = Math.round((last - first) / 86400000) + 1;
  if (span <= 400) {
    days = Array.from({ length: span }, (_, i) => new Date(first.getTime() + i * 86400000).toISOString().slice(0, 10));
  }
  const max = Math.max(...points.map(p => p.value));
  const step = (width - left - 8) / days.length;
  days.forEach((d, i) => {
    const value = byDay.get(d) || 0;
    const barHeight = (height - top - bottom) * value / max;
    const bar = set(document.createElementNS(ns, 'rect'), {
      class: 'bar', x: left + i * step + step * 0.1, y: height - bottom - barHeight,
      width: Math.max(step * 0.8, 1), height: barHeight });
    const tip = document.createElementNS(ns, 'title');
    tip.textContent = `${d} : ${value}`;
    bar.append(tip);
    svg.append(bar);
  });
  const text = (x, y, content, anchor) => {
    const node = set(document.createElementNS(ns, 'text'), { x, y, 'text-anchor': anchor || 'start' });
    node.textContent = content;
    svg.append(node);
  };
  text(left - 4, top + 10, String(max), 'end');
  text(left - 4, height - bottom, '0', 'end');
  text(left, height - 6, days[0]);
  text(width - 8, height - 6, days[days.length - 1], 'end');
  return svg;
}

// ---- pages ---------------------------------------------------------------------------------------------------

/** The languages a reader may filter on (the API takes any ISO 639-1 code). */
const LANGUAGE_NAMES = { '': 'toutes', fr: 'français', en: 'anglais' };

function searchForm(params) {
  const field = (name, text, input) => h('label', { for: 'f-' + name }, text, input);
  const select = (name, options) => h('select', { id: 'f-' + name, name },
    Object.entries(options).map(([value, text]) => h('option', { value, selected: params[name] === value }, text)));
  const form = h('form', { class: 'search', role: 'search' },
    h('label', { for: 'f-q', class: 'wide' }, 'Rechercher dans les titres, les textes et les citations',
      h('input', { id: 'f-q', name: 'q', type: 'search', value: params.q || '', placeholder: 'ex. « réforme des retraites » ministre' })),
    field('from', 'Du', h('input', { id: 'f-from', name: 'from', type: 'date', value: params.from || '' })),
    field('to', 'Au', h('input', { id: 'f-to', name: 'to', type: 'date', value: params.to || '' })),
    field('source', 'Source', h('input', { id: 'f-source', name: 'source', value: params.source || '' })),
    field('entityType', 'Nomme un(e)', select('entityType', { '': 'peu importe', PER: 'personne', ORG: 'organisation', LOC: 'lieu', MISC: 'divers' })),
    field('quoteType', 'Citation', select('quoteType', { '': 'peu importe', direct: 'directe', mixed: 'mixte', indirect: 'indirecte' })),
    field('language', 'Langue', select('language', LANGUAGE_NAMES)),
    field('sort', 'Tri', select('sort', { '': 'automatique', relevance: 'pertinence', date: 'date' })),
    h('button', { type: 'submit' }, 'Rechercher'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const query = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (value) query.set(name, value);
    location.hash = '#/search?' + query;
  });
  return form;
}

function snippet(s) {
  if (!s) return null;
  const node = h('p', { class: 'snippet' });
  let at = 0;
  for (const mark of s.highlights) {
    node.append(s.text.slice(at, mark.start), h('mark', {}, s.text.slice(mark.start, mark.end)));
    at = mark.end;
  }
  node.append(s.text.slice(at));
  return node;
}

function articleItem(a) {
  return h('li', {},
    h('h3', {}, h('a', { href: '#/article/' + a.id }, a.title)),
    h('div', { class: 'meta' }, [a.source, when(a.publishedAt || a.receivedAt),
      count(a.quoteCount, 'citation')].filter(Boolean).join(' · '),
      a.copyOf ? [' · ', h('a', { href: '#/article/' + a.copyOf }, 'reprise d\'une dépêche')] : null),
    snippet(a.snippet));
}

async function searchPage(params) {
  document.title = 'Verbatim — recherche';
  const filters = { q: params.q, from: params.from, to: params.to, source: params.source, entityType: params.entityType,
    quoteType: params.quoteType, language: params.language, sort: params.sort, entity: params.entity, speaker: params.speaker };
  const results = h('section', { 'aria-label': 'Résultats' }, h('p', { class: 'empty' }, 'Chargement…'));
  fill(main, h('h1', {}, 'Qui a dit quoi'), searchForm(params), results);
  try {
    const load = cursor => api('articles', { ...filters, cursor });
    const page = await load();
    const list = h('ol', { class: 'results' }, page.items.map(articleItem));
    fill(results,
      h('p', { class: 'meta' }, (page.totalIsExact === false ? 'Plus de ' : '') + count(page.total, 'article')),
      page.items.length ? list : h('p', { class: 'empty' }, 'Aucun article ne correspond.'),
      moreButton(load, list, articleItem, page));
  } catch (e) { fill(results, problem(e)); }
}

/** The body with entity mentions coloured by type and quotes highlighted, each followed by its speaker badge. */
function annotatedBody(article) {
  const body = article.body;
  const cuts = new Set([0, body.length]);
  for (const span of [...article.entities, ...article.quotes]) { cuts.add(span.start); cuts.add(span.end); }
  const points = [...cuts].filter(p => p >= 0 && p <= body.length).sort((a, b) => a - b);
  const covering = (spans, from, to) => spans.find(s => s.start <= from && to <= s.end);
  const container = h('div', { class: 'article-body', lang: article.language || 'fr' });
  let quoteNode = null, quote = null;
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i], to = points[i + 1];
    const inQuote = covering(article.quotes, from, to);
    if (inQuote !== quote) {
      if (quote) container.append(badge(quote));
      quote = inQuote;
      quoteNode = quote ? h('span', { class: 'quote', 'data-quote': quote.id }) : null;
      if (quoteNode) container.append(quoteNode);
    }
    const mention = covering(article.entities, from, to);
    const text = body.slice(from, to);
    const piece = mention && mention.entity
      ? h('a', { class: 'ent ent-' + mention.type, href: '#/entity/' + mention.entity.id,
        title: TYPE_NAMES[mention.type] + ' : ' + mention.entity.name }, text)
      : document.createTextNode(text);
    (quoteNode || container).append(piece);
  }
  if (quote) container.append(badge(quote));
  return container;
}

function badge(quote) {
  const details = [quote.speakerDescriptor, quote.cue ? 'verbe : ' + quote.cue : null,
    'citation ' + (QUOTE_TYPES[quote.type] || quote.type)].filter(Boolean).join(' · ');
  const name = quote.speaker ? quote.speaker.name : (quote.speakerDescriptor || 'orateur inconnu');
  return h(quote.speaker ? 'a' : 'span', {
    class: 'badge' + (quote.speaker ? '' : ' unknown'), href: quote.speaker ? '#/speaker/' + quote.speaker.id : null,
    tabindex: quote.speaker ? null : 0, 'aria-label': 'Dit par ' + name + ' (' + details + ')',
  }, name, h('span', { class: 'tip', role: 'tooltip' }, details));
}

async function articlePage(id) {
  fill(main, h('p', { class: 'empty' }, 'Chargement…'));
  try {
    const a = await api('articles/' + encodeURIComponent(id));
    document.title = 'Verbatim — ' + a.title;
    const url = safeUrl(a.url);
    fill(main,
      h('h1', {}, a.title),
      h('p', { class: 'meta' }, [a.source, when(a.publishedAt || a.receivedAt), a.authors.join(', ')].filter(Boolean).join(' · '),
        url ? [' · ', h('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, 'article original')] : null),
      h('p', { class: 'legend', 'aria-label': 'Légende' },
        Object.entries(TYPE_NAMES).map(([type, name]) => h('span', { class: 'ent ent-' + type }, name)),
        h('span', { class: 'quote' }, 'citation')),
      a.copies.length ? h('p', { class: 'meta copies' }, a.copyOf ? 'Reprise d\'une dépêche ; ' : '',
        'autres versions : ', a.copies.map((c, i) => [i ? ', ' : '',
          h('a', { href: '#/article/' + c.id }, [c.source || 'source inconnue', day(c.date)].join(', '))])) : null,
      annotatedBody(a),
      h('h2', {}, 'Citations (' + a.quotes.length + ')'),
      a.quotes.length ? h('ul', { class: 'plain' }, a.quotes.map(q => h('li', {},
        h('blockquote', {}, q.text),
        h('div', { class: 'meta' }, speakerLink(q.speaker),
          [q.speakerDescriptor, q.cue, QUOTE_TYPES[q.type]].filter(Boolean).map(x => ' · ' + x),
          q.statementId ? [' · ', h('a', { href: '#/statement/' + q.statementId, class: 'statement-link' }, 'la déclaration et ses reprises')] : null)))) : h('p', { class: 'empty' }, 'Aucune citation.'),
      h('h2', {}, 'Entités'),
      entityTable(a.entities));
  } catch (e) { fill(main, problem(e)); }
}

function entityTable(mentions) {
  const counts = new Map();
  for (const m of mentions) {
    if (!m.entity) continue;
    const row = counts.get(m.entity.id) || { entity: m.entity, type: m.type, count: 0 };
    row.count++;
    counts.set(m.entity.id, row);
  }
  const rows = [...counts.values()].sort((x, y) => y.count - x.count);
  if (!rows.length) return h('p', { class: 'empty' }, 'Aucune entité.');
  return h('table', {}, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Nom'), h('th', { scope: 'col' }, 'Type'), h('th', { scope: 'col' }, 'Mentions'))),
    h('tbody', {}, rows.map(r => h('tr', {}, h('td', {}, entityLink(r.entity, 'ent ent-' + r.type)),
      h('td', {}, TYPE_NAMES[r.type]), h('td', {}, r.count)))));
}

function statementItem(st) {
  return h('li', {}, h('blockquote', {}, st.text),
    h('div', { class: 'meta' }, spread(st), ' · ', h('a', { href: '#/statement/' + st.id }, 'voir les reprises')));
}

async function speakerPage(id) {
  fill(main, h('p', { class: 'empty' }, 'Chargement…'));
  try {
    const load = cursor => api('statements', { speaker: id, cursor });
    const [s, page] = await Promise.all([api('speakers/' + encodeURIComponent(id)), load()]);
    document.title = 'Verbatim — ' + s.name;
    const list = h('ul', { class: 'plain statements' }, page.items.map(statementItem));
    fill(main,
      h('h1', {}, s.name),
      h('p', { class: 'meta' }, `${TYPE_NAMES[s.type]} · ${s.statements} déclaration(s), ${s.quotes} citation(s) dans ${s.articles} article(s)`,
        s.firstQuotedAt ? ` · du ${day(s.firstQuotedAt)} au ${day(s.lastQuotedAt)}` : '', ' · ',
        h('a', { href: '#/entity/' + s.id }, 'fiche entité')),
      h('h2', {}, 'Citations par jour'),
      barChart(s.quotesPerDay.map(d => ({ day: d.day, value: d.quotes })), 'Citations par jour de ' + s.name),
      h('h2', {}, 'Présenté(e) comme'),
      s.descriptors.length ? h('table', {},
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Description'), h('th', { scope: 'col' }, 'Citations'), h('th', { scope: 'col' }, 'Période'))),
        h('tbody', {}, s.descriptors.map(d => h('tr', {}, h('td', {}, d.descriptor), h('td', {}, d.quotes),
          h('td', {}, day(d.firstSeen) + ' – ' + day(d.lastSeen)))))) : h('p', { class: 'empty' }, 'Aucune description.'),
      h('h2', {}, 'Déclarations'),
      h('p', { class: 'meta' }, 'Chaque déclaration une fois, quel que soit le nombre d\'articles qui l\'ont reprise.'),
      page.items.length ? list : h('p', { class: 'empty' }, 'Aucune déclaration.'),
      moreButton(load, list, statementItem, page));
  } catch (e) { fill(main, problem(e)); }
}

async function statementPage(id) {
  fill(main, h('p', { class: 'empty' }, 'Chargement…'));
  try {
    const st = await api('statements/' + encodeURIComponent(id));
    document.title = 'Verbatim — déclaration de ' + st.speaker.name;
    fill(main,
      h('h1', {}, 'Déclaration de ', speakerLink(st.speaker)),
      h('blockquote', { class: 'statement' }, st.text),
      h('p', { class: 'meta' }, spread(st)),
      h('h2', {}, 'Reprises (' + st.quoteCount + ')'),
      h('ol', { class: 'plain' }, st.quotes.map(r => h('li', {},
        h('a', { href: '#/article/' + r.articleId }, r.source || 'source inconnue'), ' · ', when(r.publishedAt)))));
  } catch (e) { fill(main, problem(e)); }
}

async function entityPage(id) {
  fill(main, h('p', { class: 'empty' }, 'Chargement…'));
  try {
    const key = encodeURIComponent(id);
    const [e, together, timeline] = await Promise.all([api('entities/' + key), api('entities/' + key + '/cooccurring', { size: 25 }),
      api('entities/' + key + '/timeline')]);
    document.title = 'Verbatim — ' + e.name;
    fill(main,
      h('h1', {}, h('span', { class: 'ent ent-' + e.type }, e.name)),
      h('p', { class: 'meta' }, `${TYPE_NAMES[e.type]} · ${e.mentions} mention(s)`,
        e.aliases.length ? ' · aussi : ' + e.aliases.join(', ') : '',
        e.quotes.length ? [' · ', h('a', { href: '#/speaker/' + e.id }, 'ses citations')] : null),
      h('h2', {}, 'Mentions par jour'),
      barChart(timeline.map(d => ({ day: d.day, value: d.mentions })), 'Mentions par jour de ' + e.name),
      h('div', { class: 'grid' },
        h('section', {}, h('h2', {}, 'Nommé(e) avec'),
          together.items.length ? h('table', {},
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Entité'), h('th', { scope: 'col' }, 'Articles communs'))),
            h('tbody', {}, together.items.map(c => h('tr', {}, h('td', {}, entityLink(c, 'ent ent-' + c.type)), h('td', {}, c.sharedArticles)))))
            : h('p', { class: 'empty' }, 'Personne d\'autre.')),
        h('section', {}, h('h2', {}, 'Derniers articles'),
          h('ul', { class: 'plain' }, e.articles.map(a => h('li', {}, h('a', { href: '#/article/' + a.id }, a.title),
            h('div', { class: 'meta' }, day(a.date))))))));
  } catch (err) { fill(main, problem(err)); }
}

async function speakersPage(params) {
  document.title = 'Verbatim — orateurs et entités';
  const form = h('form', { class: 'search' },
    h('label', { for: 'p-from' }, 'Du', h('input', { id: 'p-from', name: 'from', type: 'date', value: params.from || '' })),
    h('label', { for: 'p-to' }, 'Au', h('input', { id: 'p-to', name: 'to', type: 'date', value: params.to || '' })),
    h('label', { for: 'p-language' }, 'Langue', h('select', { id: 'p-language', name: 'language' },
      Object.entries(LANGUAGE_NAMES).map(([value, text]) => h('option', { value, selected: params.language === value }, text)))),
    h('button', { type: 'submit' }, 'Afficher'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const query = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (value) query.set(name, value);
    location.hash = '#/speakers?' + query;
  });
  const filters = { from: params.from, to: params.to, language: params.language };
  const speakers = h('section', {}, h('h2', {}, 'Les plus cités'), h('p', { class: 'empty' }, 'Chargement…'));
  const entities = h('section', {}, h('h2', {}, 'Les plus nommés'), h('p', { class: 'empty' }, 'Chargement…'));
  fill(main, h('h1', {}, 'Orateurs et entités'), form, h('div', { class: 'grid' }, speakers, entities));
  try {
    const [ranking, top] = await Promise.all([api('speakers', { ...filters, size: 25 }), api('entities/top', { ...filters, size: 25 })]);
    fill(speakers, h('h2', {}, 'Les plus cités'),
      h('p', { class: 'meta' }, 'Classés par déclarations : une déclaration reprise par plusieurs articles compte une fois ; les citations, toutes reprises comprises, à côté.'),
      ranking.items.length ? h('table', {},
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Orateur'), h('th', { scope: 'col' }, 'Déclarations'), h('th', { scope: 'col' }, 'Citations'), h('th', { scope: 'col' }, 'Dernière description'))),
      h('tbody', {}, ranking.items.map(s => h('tr', {}, h('td', {}, speakerLink(s)), h('td', {}, s.statements), h('td', {}, s.quotes), h('td', {}, s.latestDescriptor || '')))))
      : h('p', { class: 'empty' }, 'Personne n\'a été cité sur cette période.'));
    fill(entities, h('h2', {}, 'Les plus nommés'), top.items.length ? h('table', {},
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Entité'), h('th', { scope: 'col' }, 'Mentions'), h('th', { scope: 'col' }, 'Articles'))),
      h('tbody', {}, top.items.map(e => h('tr', {}, h('td', {}, entityLink(e, 'ent ent-' + e.type)), h('td', {}, e.mentions), h('td', {}, e.articles)))))
      : h('p', { class: 'empty' }, 'Aucune entité sur cette période.'));
  } catch (e) { fill(speakers, problem(e)); fill(entities); }
}

function livePage() {
  document.title = 'Verbatim — en direct';
  const status = h('p', { class: 'live-status', role: 'status' }, 'Connexion…');
  const list = h('ol', { class: 'results', 'aria-live': 'polite' });
  fill(main, h('h1', {}, 'En direct'),
    h('p', { class: 'meta' }, 'Les articles apparaissent ici dès qu\'ils sont analysés.'), status, list);
  let received = 0;
  const connected = () => {
    status.textContent = received ? `Connecté : ${count(received, 'article reçu', 'articles reçus')} depuis l'ouverture de la page.`
      : 'Connecté : en attente de nouveaux articles.';
  };
  live = new EventSource('api/v1/stream/articles');
  live.addEventListener('open', connected);
  live.addEventListener('error', () => { status.textContent = 'Connexion perdue, nouvelle tentative…'; });
  live.addEventListener('article', event => {
    const a = JSON.parse(event.data);
    const again = list.querySelector(`li[data-id="${CSS.escape(a.id)}"]`);
    again?.remove(); // a redelivered article replaces itself
    if (!again) received++;
    connected();
    list.prepend(h('li', { 'data-id': a.id },
      h('h3', {}, h('a', { href: '#/article/' + a.id }, a.title)),
      h('div', { class: 'meta' }, [a.source, when(a.publishedAt || a.analyzedAt), count(a.entities.length, 'entité')].filter(Boolean).join(' · ')),
      a.quotes.slice(0, 3).map(q => h('blockquote', {}, q.text, ' — ', speakerLink(q.speaker)))));
    while (list.children.length > 100) list.lastChild.remove();
  });
}

// ---- routing -------------------------------------------------------------------------------------------------

function route() {
  if (live) { live.close(); live = null; }
  const hash = location.hash.replace(/^#\/?/, '');
  const [path, query] = hash.split('?');
  const params = Object.fromEntries(new URLSearchParams(query || ''));
  const [page, id] = path.split('/');
  for (const link of document.querySelectorAll('nav a')) {
    const current = link.dataset.nav === (['speaker', 'entity', 'statement'].includes(page) ? 'speakers' : page || 'search');
    if (current) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
  }
  const pages = {
    '': () => searchPage(params), search: () => searchPage(params), article: () => articlePage(id),
    speaker: () => speakerPage(id), statement: () => statementPage(id), entity: () => entityPage(id), speakers: () => speakersPage(params), live: livePage,
  };
  (pages[page] || (() => fill(main, problem(new Error('Page inconnue.')))))();
  if (page) main.focus({ preventScroll: true });
  window.scrollTo(0, 0);
}

window.addEventListener('hashchange', route);
route();
