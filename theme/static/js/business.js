// A business page: its map, loaded only when the visitor asks for it.
import { setupMapPanel } from "./map-panel.js";

const panel = document.querySelector("[data-map]");
if (panel) {
  const { lat, lon, name, meta } = panel.dataset;
  setupMapPanel(panel, async () => [{
    lat: Number(lat), lon: Number(lon), name, url: location.pathname, categoryLabel: meta,
    townName: "",
  }]);
}
