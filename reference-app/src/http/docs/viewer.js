// A small offline viewer of the OpenAPI 3.1 document: no CDN, no framework.
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
  // Follows a "#/components/<kind>/<name>" reference.
  const follow = (ref) => {
    const [, , kind, name] = ref.split('/');
    return doc.components[kind][name];
  };
  const types = (schema) => [].concat(schema.type || []).filter((t) => t !== 'null');
  // A schema as a JSON-like sketch: objects by field, arrays as one item, leaves as their type.
  const sketch = (schema, depth = 0) => {
    if (!schema || depth > 5) return schema;
    if (schema.$ref) return sketch(follow(schema.$ref), depth + 1);
    const options = schema.oneOf || schema.anyOf || schema.allOf;
    if (options) {
      const real = options.filter((o) => !(o.type === 'null'));
      return real.length === 1 ? sketch(real[0], depth + 1) : real.map((o) => sketch(o, depth + 1));
    }
    if (types(schema).includes('array')) return [sketch(schema.items, depth + 1)];
    if (schema.properties) {
      const out = {};
      const required = schema.required || [];
      for (const [k, v] of Object.entries(schema.properties)) {
        out[required.includes(k) ? k : `${k}?`] = sketch(v, depth + 1);
      }
      return out;
    }
    const nullable = [].concat(schema.type || []).includes('null') ? ' | null' : '';
    return [types(schema).join('|'), schema.format, schema.enum && `(${schema.enum.join('|')})`].filter(Boolean).join(' ') + nullable || 'any';
  };
  const securityOf = (op) => {
    const ways = (op.security || doc.security || []).map((s) => Object.keys(s)[0] || 'anonyme');
    return ways.length ? `Accès : ${ways.join(', ')}` : '';
  };
  const render = (filter) => {
    root.replaceChildren();
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        if (filter && !(path + op.summary + (op.tags || []).join(' ')).toLowerCase().includes(filter)) continue;
        const body = el('div', { className: 'body' });
        if (op.description) body.append(el('p', {}, op.description));
        body.append(el('p', { className: 'security' }, securityOf(op)));
        if (op.parameters) {
          const rows = op.parameters.map((p) => el('tr', {}, el('td', {}, p.name), el('td', {}, p.in), el('td', {}, p.required ? 'requis' : ''), el('td', {}, p.description || '')));
          body.append(el('h4', {}, 'Paramètres'), el('table', {}, ...rows));
        }
        if (op.requestBody) {
          // The first media type the operation accepts: JSON mostly, raw bytes for uploads.
          const [type, content] = Object.entries(op.requestBody.content)[0];
          body.append(el('h4', {}, `Corps${type === 'application/json' ? '' : ` (${type})`}`));
          if (type === 'application/json') body.append(el('pre', {}, JSON.stringify(sketch(content.schema), null, 2)));
        }
        for (const [code, ref] of Object.entries(op.responses)) {
          const r = ref.$ref ? follow(ref.$ref) : ref;
          const [type, content] = Object.entries(r.content || {})[0] || [];
          body.append(el('h4', {}, `${code} — ${r.description}${type && type !== 'application/json' ? ` (${type})` : ''}`));
          if (content && type === 'application/json') body.append(el('pre', {}, JSON.stringify(sketch(content.schema), null, 2)));
        }
        root.append(el('details', {}, el('summary', {}, el('span', { className: `method ${method}` }, method.toUpperCase()), el('span', { className: 'path' }, path), el('span', {}, op.summary)), body));
      }
    }
  };
  document.getElementById('filter').addEventListener('input', (e) => render(e.target.value.toLowerCase()));
  render('');
})();
