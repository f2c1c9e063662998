// The search page: Pagefind's index of the page's language, filters, results in the URL.
import { format } from "./data.js";

const PAGE = 10;
const form = document.querySelector("[data-search]");
const messages = JSON.parse(form.dataset.messages);
const input = form.elements.q;
const status = document.querySelector("[data-search-status]");
const list = document.querySelector("[data-search-results]");
const fallback = document.querySelector("[data-search-fallback]");
const selects = [...form.querySelectorAll("[data-filter]")];
let pagefind = null;
let latest = 0;

/** Keep only the text and <mark> of a Pagefind excerpt: nothing else becomes markup. */
function excerptNodes(html) {
  const template = document.createElement("template");
  template.innerHTML = html;
  return [...template.content.childNodes].map((node) => {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      return mark;
    }
    return document.createTextNode(node.textContent);
  });
}

function resultItem(data) {
  const item = document.createElement("li");
  const heading = document.createElement("h2");
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.meta.title || data.url;
  heading.append(link);
  item.append(heading);
  const where = [data.meta.category, data.meta.town].filter(Boolean).join(" · ");
  if (where) {
    const meta = document.createElement("p");
    meta.className = "meta";
    meta.textContent = where;
    item.append(meta);
  }
  const excerpt = document.createElement("p");
  excerpt.append(...excerptNodes(data.excerpt || ""));
  item.append(excerpt);
  return item;
}

/** The chosen values by select name (for the URL). */
function chosenFilters() {
  const filters = {};
  for (const select of selects) if (select.value) filters[select.name] = select.value;
  return filters;
}

/** Pagefind's filters for the chosen values: each value is a filter of its own (town-amos). */
function pagefindFilters() {
  const filters = {};
  for (const select of selects) {
    const key = select.selectedOptions[0]?.dataset.key;
    if (key) filters[key] = "1";
  }
  return filters;
}

function writeUrl(query, filters, push) {
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  for (const [name, value] of Object.entries(filters)) params.set(name, value);
  const url = `${location.pathname}${params.size ? `?${params}` : ""}`;
  if (url !== `${location.pathname}${location.search}`) {
    history[push ? "pushState" : "replaceState"](null, "", url);
  }
}

async function showPage(results, from) {
  const page = await Promise.all(results.slice(from, from + PAGE).map((r) => r.data()));
  list.append(...page.map(resultItem));
  list.parentElement.querySelector("[data-search-more]")?.remove();
  if (results.length > from + PAGE) {
    const more = document.createElement("button");
    more.type = "button";
    more.dataset.searchMore = "";
    more.textContent = messages.more;
    more.addEventListener("click", async () => {
      await showPage(results, from + PAGE);
      list.children[from + PAGE]?.querySelector("a")?.focus();
    });
    list.after(more);
  }
}

async function run(push = false) {
  const query = input.value.trim();
  const filters = chosenFilters();
  writeUrl(query, filters, push);
  const ticket = ++latest;
  if (!query && !Object.keys(filters).length) {
    list.replaceChildren();
    status.textContent = "";
    return;
  }
  status.textContent = messages.loading;
  if (!(await load())) return;
  const search = await pagefind.search(query || null, { filters: pagefindFilters() });
  let results = search.results;
  if (results.length && !(await holdsEveryWord(results[0], query))) results = [];
  if (ticket !== latest) return;  // a newer search started meanwhile
  list.replaceChildren();
  const count = results.length;
  status.textContent = count === 0 ? messages.none
    : count === 1 ? messages.one_result : format(messages.results, { count });
  await showPage(results, 0);
}

/** A word as search compares it: lower case, without accents, letters and digits only. */
function bare(word) {
  return word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
}

/** Letters two words begin with in common. */
function common(a, b) {
  let n = 0;
  while (n < a.length && a[n] === b[n]) n += 1;
  return n;
}

/**
 * Whether the best result holds each word of the query, or a form of it (plural, stem,
 * prefix). Pagefind answers a word it does not know with the longest known word it begins
 * with: "lapin" with "la", "dessert" with "des", which lists most of the site. The result's
 * matched words show it: no answer is better than that one. A matched word that shares the
 * query word's first letters and then differs ("fired" for "firing") is a stem, not that.
 */
async function holdsEveryWord(result, query) {
  if (!query || query.includes('"')) return true;  // filters only, or an exact phrase
  const data = await result.data();
  const words = data.content.split(/[\r\n\s]+/g);
  const found = data.locations.flatMap((at) => {
    const word = words[at] || "";
    return [bare(word), ...word.split(/[^\p{L}\p{N}]+/u).map(bare)];  // "l'auberge"
  });
  return query.split(/\s+/).map(bare).filter(Boolean).every((term) => {
    const needed = Math.min(term.length, Math.max(4, term.length - 3));
    return found.some((word) => {
      const shared = common(term, word);
      return shared >= needed || (shared >= 3 && shared < word.length);
    });
  });
}

let loading = null;

/** Load Pagefind once, on first need; false when that failed. */
function load() {
  loading ??= (async () => {
    try {
      pagefind = await import(form.dataset.bundle);
      // On the page's thread, not Pagefind's worker: each result is then not copied to the
      // page and registered for clean-up. A word in a third of a 50,000-business directory
      // answers in 75-95 ms instead of 130-160, two such words in 80 ms instead of 0.6-1.5 s.
      await pagefind.options({ excerptLength: 24, noWorker: true });
    } catch (error) {
      status.textContent = messages.failed;
      console.error(error);
      return false;
    }
    fallback.hidden = true;
    // Shown with Pagefind, as the visitor reaches for the form: showing them on load would
    // move the page under the visitor's eyes.
    form.querySelector("[data-search-filters]").hidden = selects.length === 0;
    return true;
  })();
  return loading;
}

function start() {
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  // The page lists the filter values itself: pagefind.filters() would load every filter
  // into the index, and Pagefind then counts all of them on each search.
  for (const select of selects) select.value = params.get(select.name) || "";
  let timer = null;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => run(false), 150);
  });
  // Pagefind (its script, WebAssembly and index) loads when the visitor reaches for the
  // search field, not with the page: an empty search page stays light.
  form.addEventListener("focusin", load, { once: true });
  form.addEventListener("pointerdown", load, { once: true });
  form.addEventListener("change", (event) => { if (event.target !== input) run(false); });
  form.addEventListener("submit", (event) => { event.preventDefault(); run(true); });
  window.addEventListener("popstate", () => {
    const now = new URLSearchParams(location.search);
    input.value = now.get("q") || "";
    for (const select of selects) select.value = now.get(select.name) || "";
    run(false);
  });
  if ([...params.keys()].length) load().then((ok) => ok && run(false));
}

start();
