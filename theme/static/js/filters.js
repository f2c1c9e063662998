// Directory filters in the browser: category, town, open now and near me, kept in the URL.
import { distanceKm, format, inScope, isOpen, loadDirectory, regionNow } from "./data.js";

const PAGE = 50;

/** Wire a filters form; return a function giving the businesses it currently shows. */
export function setupFilters(form) {
  const messages = JSON.parse(form.dataset.messages);
  const scope = { audience: form.dataset.audience, town: form.dataset.town };
  const results = form.nextElementSibling;
  const status = form.querySelector("[data-filter-status]");
  const nearButton = form.querySelector("[data-near-me]");
  const openNow = form.querySelector("[data-open-now]");
  const serverList = [...form.parentElement.children]
    .filter((el) => el.matches(".biz-list, .pagination"));
  let data = null;
  let origin = null;
  let current = null;
  let shown = PAGE;

  form.hidden = false;

  async function ensureData() {
    if (!data) {
      status.textContent = messages.loading;
      const loaded = await loadDirectory(form.dataset.src);
      data = { ...loaded, businesses: inScope(loaded.businesses, scope) };
      fillOptions();
      status.textContent = "";
    }
    return data;
  }

  function fillOptions() {
    const params = new URLSearchParams(location.search);
    const present = (field) => new Set(data.businesses.map((b) => b[field]));
    addOptions(form.elements.category, data.categories, present("category"), params.get("category"));
    if (form.elements.town) {
      const names = Object.fromEntries(Object.entries(data.towns).map(([slug, t]) => [slug, t.name]));
      addOptions(form.elements.town, names, present("town"), params.get("town"));
    }
    openNow.hidden = !data.businesses.some((b) => b.hours);
    form.elements.open.checked = params.get("open") === "1";
  }

  function addOptions(select, labels, present, chosen) {
    for (const [value, label] of Object.entries(labels)) {
      if (!present.has(value)) continue;
      select.append(new Option(label, value, false, value === chosen));
    }
  }

  async function apply() {
    try {
      await ensureData();
    } catch (error) {
      status.textContent = messages.failed;
      throw error;
    }
    const category = form.elements.category.value;
    const town = form.elements.town ? form.elements.town.value : "";
    const open = form.elements.open.checked && !openNow.hidden;
    const now = regionNow(data.timezone);
    let rows = data.businesses.filter((b) => (!category || b.category === category)
      && (!town || b.town === town) && (!open || isOpen(b.hours, now)));
    if (origin) {
      rows = rows.map((b) => ({ ...b, km: b.lat === null ? null : distanceKm(origin, b) }))
        .sort((a, b) => (a.km ?? Infinity) - (b.km ?? Infinity));
    }
    writeUrl({ category, town, open: open ? "1" : "" });
    const active = Boolean(category || town || open || origin);
    current = rows;
    shown = PAGE;
    render(active, now);
    document.dispatchEvent(new CustomEvent("vitrine:results", { detail: { rows } }));
  }

  function render(active, now) {
    for (const el of serverList) el.hidden = active;
    results.replaceChildren();
    if (!active) {
      status.textContent = "";
      return;
    }
    const count = current.length;
    status.textContent = count === 0 ? messages.none
      : count === 1 ? messages.one_result : format(messages.results, { count });
    if (origin && count) status.textContent += ` ${messages.located}`;
    const list = document.createElement("ul");
    list.className = "biz-list";
    list.setAttribute("role", "list");
    for (const b of current.slice(0, shown)) list.append(card(b, now));
    results.append(list);
    if (count > shown) {
      const more = document.createElement("button");
      more.type = "button";
      more.textContent = messages.more;
      more.addEventListener("click", () => {
        shown += PAGE;
        const first = list.children.length;
        render(true, now);
        results.querySelectorAll(".biz-list a")[first]?.focus();
      });
      results.append(more);
    }
  }

  function card(b, now) {
    const item = document.createElement("li");
    const article = document.createElement("article");
    article.className = "biz";
    const heading = document.createElement("h3");
    const link = document.createElement("a");
    link.href = b.url;
    link.textContent = b.name;
    heading.append(link);
    const meta = document.createElement("p");
    meta.className = "meta";
    const bits = [b.categoryLabel, b.townName];
    if (b.km !== undefined && b.km !== null) bits.push(format(messages.km, { km: b.km.toFixed(1) }));
    if (isOpen(b.hours, now)) bits.push(messages.open);
    meta.textContent = bits.filter(Boolean).join(" · ");
    article.append(heading, meta);
    item.append(article);
    return item;
  }

  function writeUrl(values) {
    const params = new URLSearchParams(location.search);
    for (const [key, value] of Object.entries(values)) {
      if (value) params.set(key, value); else params.delete(key);
    }
    const query = params.toString();
    history.replaceState(null, "", `${location.pathname}${query ? `?${query}` : ""}${location.hash}`);
  }

  function locate() {
    if (!navigator.geolocation) {
      status.textContent = messages.no_location;
      return;
    }
    status.textContent = messages.loading;
    // Asked only now, on the visitor's click; the position stays in this page's memory.
    navigator.geolocation.getCurrentPosition((position) => {
      origin = { lat: position.coords.latitude, lon: position.coords.longitude };
      nearButton.setAttribute("aria-pressed", "true");
      apply();
    }, () => {
      status.textContent = messages.no_location;
    }, { maximumAge: 600000, timeout: 15000 });
  }

  form.addEventListener("focusin", () => { ensureData().catch(() => {}); }, { once: true });
  form.addEventListener("change", () => { apply(); });
  form.addEventListener("submit", (event) => { event.preventDefault(); apply(); });
  form.addEventListener("reset", () => {
    origin = null;
    nearButton.setAttribute("aria-pressed", "false");
    setTimeout(() => { apply(); });
  });
  nearButton.addEventListener("click", locate);

  const params = new URLSearchParams(location.search);
  if (["category", "town", "open"].some((key) => params.get(key))) apply();

  return async () => {
    await ensureData();
    return current || data.businesses;
  };
}
