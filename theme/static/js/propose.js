// Propose a business or a correction (/proposer/, /en/propose/): check the form against the
// business JSON Schema the build exports (/donnees/schema/entreprise.json), then compose a
// pre-filled issue on the agency's forge or an e-mail to the steward, both carrying a
// ready-to-drop YAML record. Nothing is sent from here: the visitor opens the link.
//
// The schema is checked by hand, for the subset of JSON Schema that
// vitrine/directory/json_schema.py exports: type, enum, maxLength, pattern, not (a pattern),
// minimum, maximum, properties, required, additionalProperties, items, minItems. Our CSP has
// no 'unsafe-eval', so a compiled validator such as ajv (it builds functions from strings)
// cannot run on this site.

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const form = document.querySelector("[data-propose]");
if (form) start(form);

async function start(form) {
  const messages = JSON.parse(form.dataset.messages);
  const towns = JSON.parse(form.dataset.towns); // slug -> name
  let schema;
  try {
    const response = await fetch(form.dataset.schema);
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
    schema = await response.json();
  } catch (error) {
    // the fallback link stays in place: the visitor writes an e-mail instead
    console.warn("propose: the schema could not load", error);
    document.querySelector("[data-propose-fallback] h2 + p").textContent =
      messages["errors.no_schema"];
    return;
  }
  const controls = [...form.querySelectorAll("[data-path]")];
  const correcting = prefill(form, controls, towns, messages, await current(form));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const record = collect(controls, towns);
    const errors = [];
    validate(schema, record, [], errors);
    showErrors(form, controls, errors, messages);
    const ready = document.querySelector("[data-propose-ready]");
    if (errors.length) {
      ready.hidden = true;
      return;
    }
    compose(form, ready, schema, record, correcting, messages);
  });
  document.querySelector("[data-propose-fallback]").hidden = true;
  form.hidden = false;
}

// ---- reading the form --------------------------------------------------------------------

function plain(text) {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/[^a-z0-9]+/g, " ").trim();
}

function townSlug(text, towns) {
  const wanted = plain(text);
  for (const [slug, name] of Object.entries(towns)) {
    if (plain(name) === wanted || plain(slug) === wanted) return slug;
  }
  return null;
}

function collect(controls, towns) {
  const record = {};
  for (const control of controls) {
    let value = control.value.trim();
    if (!value) continue;
    const path = control.dataset.path;
    if (path === "municipality") value = townSlug(value, towns) ?? value;
    const keys = path.split(".");
    let at = record;
    for (const key of keys.slice(0, -1)) at = at[key] ??= {};
    at[keys.at(-1)] = value;
  }
  return record;
}

// A business page links here as ?slug=<its slug>; its current values are in that page
// (script[data-business-record]), read from the same site: nothing long in the link.
async function current(form) {
  const slug = new URLSearchParams(location.search).get("slug") ?? "";
  if (!SLUG.test(slug)) return null;
  try {
    const response = await fetch(`${form.dataset.businessPages}${slug}/`);
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
    const page = new DOMParser().parseFromString(await response.text(), "text/html");
    const values = JSON.parse(page.querySelector("script[data-business-record]").textContent);
    return values.slug === slug ? values : null;
  } catch (error) {
    console.warn(`propose: no current values for ${slug}`, error);
    return null;
  }
}

function prefill(form, controls, towns, messages, values) {
  if (!values) return null;
  for (const control of controls) {
    const value = values[control.dataset.path];
    if (!value) continue;
    control.value = control.dataset.path === "municipality" ? (towns[value] ?? value) : value;
  }
  const name = values.name;
  const title = document.querySelector("[data-propose-title]");
  title.textContent = fill(title.dataset.titleFix, { name });
  document.title = `${title.textContent} — ${document.title.split(" — ").at(-1)}`;
  form.querySelector("[data-correcting-text]").textContent = fill(messages.correcting, { name });
  form.querySelector("[data-correcting]").hidden = false;
  return { slug: values.slug, name, initial: collect(controls, towns) };
}

// ---- the schema's subset -----------------------------------------------------------------

const TYPES = {
  string: (v) => typeof v === "string",
  number: (v) => typeof v === "number" && Number.isFinite(v),
  integer: (v) => Number.isInteger(v),
  array: Array.isArray,
  object: (v) => typeof v === "object" && v !== null && !Array.isArray(v),
};

// Push one error per value that breaks its schema: {path, keyword, params}.
function validate(schema, value, path, errors) {
  const fail = (keyword, params = {}) => errors.push({ path, keyword, params });
  if (schema.type && !TYPES[schema.type](value)) return fail("type");
  if (schema.type === "object") {
    for (const name of schema.required ?? []) {
      if (!(name in value)) errors.push({ path: [...path, name], keyword: "required", params: {} });
    }
    for (const [name, item] of Object.entries(value)) {
      const sub = schema.properties?.[name];
      if (sub) validate(sub, item, [...path, name], errors);
      else if (schema.additionalProperties === false) {
        errors.push({ path: [...path, name], keyword: "additionalProperties", params: {} });
      }
    }
    return;
  }
  if (schema.type === "array") {
    if (schema.minItems !== undefined && value.length < schema.minItems) return fail("minItems");
    value.forEach((item, i) => validate(schema.items ?? {}, item, [...path, i], errors));
    return;
  }
  if (schema.enum && !schema.enum.includes(value)) return fail("enum");
  if (schema.not?.pattern && new RegExp(schema.not.pattern, "u").test(value)) {
    return fail("not", { title: schema.not.title });
  }
  if (schema.maxLength !== undefined && [...value].length > schema.maxLength) {
    return fail("maxLength", { max: schema.maxLength });
  }
  if (schema.pattern && !new RegExp(schema.pattern, "u").test(value)) return fail("pattern");
  if (schema.minimum !== undefined && value < schema.minimum) return fail("minimum");
  if (schema.maximum !== undefined && value > schema.maximum) return fail("maximum");
}

// ---- showing errors ----------------------------------------------------------------------

function fill(text, values) {
  return text.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole));
}

function message(error, messages) {
  const key = error.path.join("_");
  const specific = (name) => messages[`errors.${name}_${key}`] ?? messages[`errors.${name}`];
  switch (error.keyword) {
    case "required": return messages["errors.required"];
    case "enum": return specific("enum");
    case "pattern": return specific("pattern");
    case "maxLength": return fill(messages["errors.max_length"], error.params);
    case "not": return messages[`errors.${(error.params.title ?? "pattern").replace(/-/g, "_")}`]
      ?? messages["errors.pattern"];
    default: return messages["errors.type"];
  }
}

function showErrors(form, controls, errors, messages) {
  const byPath = new Map(errors.map((e) => [e.path.join("."), e]));
  const summary = form.querySelector("[data-error-summary]");
  const list = summary.querySelector("ul");
  list.replaceChildren();
  for (const control of controls) {
    const error = byPath.get(control.dataset.path);
    const note = document.getElementById(`${control.id}-error`);
    const hint = document.getElementById(`${control.id}-hint`);
    const described = hint ? [hint.id] : [];
    if (error) {
      note.textContent = message(error, messages);
      described.push(note.id);
      control.setAttribute("aria-invalid", "true");
      const link = document.createElement("a");
      link.href = `#${control.id}`;
      link.textContent = fill(messages["errors.summary_line"], {
        field: messages[`fields.${control.id.slice(2)}`], message: note.textContent });
      link.addEventListener("click", (event) => {
        event.preventDefault();
        control.focus();
      });
      const item = document.createElement("li");
      item.append(link);
      list.append(item);
    } else {
      note.textContent = "";
      control.removeAttribute("aria-invalid");
    }
    note.hidden = !error;
    if (described.length) control.setAttribute("aria-describedby", described.join(" "));
    else control.removeAttribute("aria-describedby");
  }
  summary.hidden = errors.length === 0;
  if (errors.length) {
    summary.querySelector("h2").textContent = errors.length === 1
      ? messages["errors.summary_one"]
      : fill(messages["errors.summary_many"], { count: errors.length });
    summary.focus();
  }
}

// ---- composing the proposal --------------------------------------------------------------

// A YAML double-quoted scalar: JSON's escapes are YAML's; the characters YAML would read as
// line breaks or refuse raw are escaped too.
function yamlString(text) {
  return JSON.stringify(text).replace(/[\u007f-\u009f\u2028\u2029\ufeff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function toYaml(record, schema, indent = "") {
  const lines = [];
  for (const key of Object.keys(schema.properties)) {
    if (!(key in record)) continue;
    const value = record[key];
    if (typeof value === "object") {
      lines.push(`${indent}${key}:`, toYaml(value, schema.properties[key], `${indent}  `));
    } else {
      lines.push(`${indent}${key}: ${yamlString(value)}`);
    }
  }
  return lines.join("\n");
}

function slugify(text) {
  return plain(text).replace(/ /g, "-") || "entreprise";
}

function changedFields(record, initial, prefix = "") {
  const keys = new Set([...Object.keys(record), ...Object.keys(initial)]);
  return [...keys].flatMap((key) => {
    const a = record[key], b = initial[key];
    if (typeof a === "object" || typeof b === "object") {
      return changedFields(a ?? {}, b ?? {}, `${prefix}${key}.`);
    }
    return a === b ? [] : [`${prefix}${key}`];
  });
}

function compose(form, ready, schema, record, correcting, messages) {
  const m = (key, values = {}) => fill(messages[`compose.${key}`], values);
  const slug = correcting?.slug ?? slugify(`${record.name} ${record.municipality}`);
  const path = `${form.dataset.folder}${slug}.yaml`;
  const yaml = `# ${path}\n${toYaml(record, schema)}\n`;
  const title = correcting?.slug
    ? m("title_fix", { name: record.name, slug })
    : m("title_new", { name: record.name });
  const lines = [m("intro", { page: form.dataset.page }), ""];
  if (correcting?.slug) {
    lines.push(m("kind_fix", { slug, url: `${form.dataset.businesses}${slug}/` }));
    const changed = changedFields(record, correcting.initial);
    if (changed.length) lines.push(m("changed", { fields: changed.join(", ") }));
  } else {
    lines.push(m("kind_new"));
  }
  const note = form.querySelector("#f-message").value.trim();
  if (note) lines.push("", m("message"), ...note.split(/\r?\n/).map((line) => `> ${line}`));
  lines.push("", m("file", { path }), "", "```yaml", yaml.trimEnd(), "```", "");
  const body = lines.join("\n");
  const issue = ready.querySelector("[data-issue-link]");
  if (issue) {
    issue.href = form.dataset.issueUrl
      .replaceAll("{title}", () => encodeURIComponent(title))
      .replaceAll("{body}", () => encodeURIComponent(body));
  }
  const email = ready.querySelector("[data-email-link]");
  if (email) {
    email.href = `mailto:${form.dataset.email}?subject=${encodeURIComponent(title)}` +
      `&body=${encodeURIComponent(body.replace(/\n/g, "\r\n"))}`;
  }
  ready.querySelector("[data-record]").value = yaml;
  ready.hidden = false;
  ready.querySelector("h2").focus();
}
