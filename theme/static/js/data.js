// The directory's client data (index.json): fetched once, on demand, and read into records.

const cache = new Map();

/** Fetch and decode a client data file once per page. */
export function loadDirectory(src) {
  if (!cache.has(src)) {
    cache.set(src, fetch(src).then((response) => {
      if (!response.ok) throw new Error(`${src}: HTTP ${response.status}`);
      return response.json();
    }).then(toRecords));
  }
  return cache.get(src);
}

function toRecords(data) {
  const at = Object.fromEntries(data.fields.map((name, index) => [name, index]));
  const businesses = data.businesses.map((row) => {
    const town = data.towns[row[at.town]] || {};
    const exact = row[at.lat] !== null && row[at.lon] !== null;
    return {
      slug: row[at.slug],
      name: row[at.name],
      category: row[at.category],
      categoryLabel: data.categories[row[at.category]] || "",
      town: row[at.town],
      townName: town.name || "",
      // Without its own coordinates a business is placed at its town: close enough to sort.
      lat: exact ? row[at.lat] : (town.lat ?? null),
      lon: exact ? row[at.lon] : (town.lon ?? null),
      hours: row[at.hours],
      audiences: row[at.audiences] || [],
      url: `${data.base}${row[at.slug]}/`,
    };
  });
  return { ...data, businesses };
}

/** Keep the businesses a page is about: its audience (window) or its town. */
export function inScope(businesses, { audience, town }) {
  return businesses.filter((b) => (!audience || b.audiences.includes(audience))
    && (!town || b.town === town));
}

const DAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

/** The day ("mon") and minute of the day now, in the region's time zone. */
export function regionNow(timeZone, date = new Date()) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat("en-US", {
    timeZone, weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
  }).formatToParts(date).map((p) => [p.type, p.value]));
  const day = DAYS.find((d) => parts.weekday.toLowerCase().startsWith(d));
  return { day, minute: Number(parts.hour) * 60 + Number(parts.minute) };
}

/** Tell whether hours like {mon: "08:00-12:00, 13:00-17:00"} are open at a moment. */
export function isOpen(hours, now) {
  const today = hours && hours[now.day];
  if (!today || today === "closed") return false;
  for (const [, h1, m1, h2, m2] of today.matchAll(/(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})/g)) {
    const start = Number(h1) * 60 + Number(m1);
    let end = Number(h2) * 60 + Number(m2);
    if (end <= start) end += 24 * 60;
    if (now.minute >= start && now.minute < end) return true;
  }
  return false;
}

/** Great-circle distance in kilometres between two {lat, lon}. */
export function distanceKm(a, b) {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2
    + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(h));
}

/** Put {name} values into a message of the page's language. */
export function format(message, values = {}) {
  return message.replace(/\{(\w+)\}/g, (all, key) => (key in values ? values[key] : all));
}
