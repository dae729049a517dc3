// A small offline viewer of the OpenAPI document: no CDN, no framework.
(async function () {
  const doc = await (await fetch('/api/v1/openapi.json')).json();
  document.getElementById('description').textContent = doc.info.description;
  const root = document.getElementById('operations');
  const el = (tag, attrs, ...children) => {
    const node = document.createElement(tag);
    Object.assign(node, attrs || {});
    for (const c of children) node.append(c);
    return node;
  };
  const resolve = (schema, depth = 0) => {
    if (!schema || depth > 4) return schema;
    if (schema.$ref) return resolve(doc.components.schemas[schema.$ref.split('/').pop()], depth + 1);
    if (schema.type === 'array') return [resolve(schema.items, depth + 1)];
    if (schema.type === 'object' && schema.properties) {
      const out = {};
      for (const [k, v] of Object.entries(schema.properties)) out[k] = resolve(v, depth + 1);
      return out;
    }
    return [schema.type, schema.format, schema.enum && schema.enum.join('|')].filter(Boolean).join(' ');
  };
  const render = (filter) => {
    root.replaceChildren();
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        if (filter && !(path + op.summary).toLowerCase().includes(filter)) continue;
        const body = el('div', { className: 'body' });
        if (op.parameters) {
          const rows = op.parameters.map((p) => el('tr', {}, el('td', {}, p.name), el('td', {}, p.in), el('td', {}, p.required ? 'requis' : ''), el('td', {}, p.description || '')));
          body.append(el('h4', {}, 'Paramètres'), el('table', {}, ...rows));
        }
        if (op.requestBody) {
          const schema = op.requestBody.content['application/json'].schema;
          body.append(el('h4', {}, 'Corps'), el('pre', {}, JSON.stringify(resolve(schema), null, 2)));
        }
        for (const [code, r] of Object.entries(op.responses)) {
          const content = r.content && Object.values(r.content)[0];
          body.append(el('h4', {}, `${code} — ${r.description}`));
          if (content) body.append(el('pre', {}, JSON.stringify(resolve(content.schema), null, 2)));
        }
        root.append(el('details', {}, el('summary', {}, el('span', { className: `method ${method}` }, method.toUpperCase()), el('span', { className: 'path' }, path), el('span', {}, op.summary)), body));
      }
    }
  };
  document.getElementById('filter').addEventListener('input', (e) => render(e.target.value.toLowerCase()));
  render('');
})();
