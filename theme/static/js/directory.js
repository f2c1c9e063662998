// Directory index, town and window pages: filters, near me and the map on demand.
import { inScope, loadDirectory } from "./data.js";
import { setupFilters } from "./filters.js";
import { setupMapPanel } from "./map-panel.js";

const form = document.querySelector("[data-filters]");
const rowsOf = form ? setupFilters(form) : null;
const panel = document.querySelector("[data-map]");
if (panel) {
  setupMapPanel(panel, rowsOf || (async () => {
    const data = await loadDirectory(panel.dataset.src);
    return inScope(data.businesses, { audience: panel.dataset.audience, town: panel.dataset.town });
  }));
}
