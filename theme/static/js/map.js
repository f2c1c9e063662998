// Leaflet with marker clustering, vendored into the site and loaded only when asked for.

const VENDOR = new URL("../vendor/leaflet/", import.meta.url);
let ready = null;

function stylesheet(name) {
  return new Promise((resolve, reject) => {
    const link = Object.assign(document.createElement("link"), {
      rel: "stylesheet", href: new URL(name, VENDOR).href, onload: resolve, onerror: reject,
    });
    document.head.append(link);
  });
}

function script(name) {
  return new Promise((resolve, reject) => {
    const tag = Object.assign(document.createElement("script"), {
      src: new URL(name, VENDOR).href, onload: resolve, onerror: reject,
    });
    document.head.append(tag);
  });
}

/** Load Leaflet, the cluster plugin and their styles once. */
export function loadLeaflet() {
  ready ??= Promise.all(["leaflet.css", "MarkerCluster.css", "MarkerCluster.Default.css"]
    .map(stylesheet))
    .then(() => script("leaflet.js"))
    .then(() => script("leaflet.markercluster.js"))
    .then(() => window.L);
  return ready;
}

function popup(b) {
  const box = document.createElement("div");
  const link = document.createElement("a");
  link.href = b.url;
  link.textContent = b.name;
  const meta = document.createElement("p");
  meta.textContent = [b.categoryLabel, b.townName].filter(Boolean).join(" · ");
  box.append(link, meta);
  return box;
}

/** Make a clustered map in an element; return update(rows) to show other businesses. */
export async function createMap(element, { tiles, attribution, maxZoom, label }) {
  const L = await loadLeaflet();
  // Without a tile layer marker clustering needs maxZoom on the map itself.
  const map = L.map(element, { maxZoom, keyboard: true });
  element.setAttribute("aria-label", label);
  if (tiles) L.tileLayer(tiles, { attribution, maxZoom }).addTo(map);
  const cluster = L.markerClusterGroup({ chunkedLoading: true, showCoverageOnHover: false });
  map.addLayer(cluster);
  map.setView([0, 0], 2);

  function update(rows) {
    cluster.clearLayers();
    const markers = rows.filter((b) => b.lat !== null && b.lon !== null).map((b) => L.marker(
      [b.lat, b.lon], { title: b.name, alt: b.name, keyboard: true },
    ).bindPopup(() => popup(b)));
    cluster.addLayers(markers);
    if (markers.length) map.fitBounds(cluster.getBounds(), { maxZoom: 14, padding: [20, 20] });
    return markers.length;
  }
  return { map, update };
}
