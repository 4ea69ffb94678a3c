// Writes the verdict, the details and the list of checks into the page. Text only: nothing is parsed as HTML.
import { fill } from './text.js';

const element = (name, attributes = {}, ...children) => {
  const node = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  for (const child of children) node.append(child);
  return node;
};

const parts = values => values.map(v => v && typeof v === 'object' && 'href' in v ? element('a', { href: v.href }, v.text) : String(v));

/** The one plain sentence; kind is ok, warn or bad (green, amber, red), also set on main for tests and styles. */
export function verdict(main, kind, template, values = {}, note) {
  const box = document.getElementById('verdict');
  box.className = `verdict ${kind}`;
  box.replaceChildren(element('p', { class: 'sentence' }, ...parts(fill(template, values))));
  if (note) box.append(element('p', { class: 'note' }, ...parts(fill(note.template, note.values ?? {}))));
  main.dataset.verdict = kind;
}

export function details(rows) {
  const list = document.getElementById('details');
  if (!list) return;
  list.replaceChildren(...rows.filter(([, value]) => value !== undefined && value !== null && value !== '')
    .flatMap(([label, value, code]) => [element('dt', {}, label), element('dd', code ? { class: 'code' } : {}, ...parts([value]))]));
}

/** rows: { id, where: 'browser' | 'server', outcome: 'pass' | 'fail' | 'skip' | 'claim' }. */
export function checks(t, rows) {
  const table = document.getElementById('checks');
  if (!table) return;
  const head = element('thead', {}, element('tr', {}, ...t.columns.map(c => element('th', { scope: 'col' }, c))));
  const body = element('tbody', {}, ...rows.map(r => element('tr', { 'data-check': r.id, 'data-where': r.where, 'data-outcome': r.outcome },
    element('th', { scope: 'row' }, t.checks[r.id]), element('td', {}, t.where[r.where]), element('td', { class: r.outcome }, t.outcome[r.outcome]))));
  table.replaceChildren(head, body);
  table.hidden = rows.length === 0;
  document.getElementById('checks-heading').hidden = rows.length === 0;
}

/** Payload fields as "a.b: value" rows, for published (L1) records. */
export function flatten(value, prefix = '') {
  if (value === null || typeof value !== 'object') return [[prefix, String(value)]];
  return Object.entries(value).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
}
