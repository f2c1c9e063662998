// The "show the map" button: nothing is requested from anyone before the visitor clicks.
import { format } from "./data.js";

/** Reveal a map panel; on click, load the map with the rows getRows() gives. */
export function setupMapPanel(panel, getRows) {
  const messages = JSON.parse(panel.dataset.messages);
  const button = panel.querySelector("[data-map-show]");
  const canvas = panel.querySelector("[data-map-canvas]");
  const status = panel.querySelector("[data-map-status]");
  let view = null;
  panel.hidden = false;

  function show(rows) {
    const count = view.update(rows);
    status.textContent = format(messages.shown, { count });
  }

  button.addEventListener("click", async () => {
    if (view) return;
    button.disabled = true;
    status.textContent = messages.loading;
    try {
      const [{ createMap }, rows] = await Promise.all([import("./map.js"), getRows()]);
      canvas.hidden = false;
      view = await createMap(canvas, {
        tiles: panel.dataset.tiles, attribution: panel.dataset.attribution,
        maxZoom: Number(panel.dataset.maxZoom) || 18, label: messages.label,
      });
      show(rows);
      button.hidden = true;
    } catch (error) {
      status.textContent = messages.failed;
      button.disabled = false;
      throw error;
    }
  });
  document.addEventListener("vitrine:results", (event) => {
    if (view) show(event.detail.rows);
  });
}
