// Partner embeds: the search box and menus filter the list already in the page, in place.
const form = document.querySelector("[data-embed-filters]");
const list = document.querySelector("[data-embed-list]");

// Compare without case or accents: "deneigement" finds "Déneigement".
const fold = (text) => text.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase();

if (form && list) {
  // a business's name, category and town (not the hidden "opens in a new tab")
  const items = [...list.children].map((li) => ({
    li, text: fold(`${li.querySelector("a").firstChild.textContent} ${li.querySelector(".small").textContent}`),
  }));
  const status = form.querySelector("[data-embed-status]");
  const messages = JSON.parse(form.dataset.messages);

  const apply = () => {
    const words = fold(form.elements.q.value).split(/\s+/).filter(Boolean);
    const category = form.elements.category ? form.elements.category.value : "";
    const town = form.elements.town ? form.elements.town.value : "";
    let shown = 0;
    for (const { li, text } of items) {
      const match = words.every((word) => text.includes(word))
        && (!category || li.dataset.category === category)
        && (!town || li.dataset.town === town);
      li.hidden = !match;
      shown += match ? 1 : 0;
    }
    status.textContent = shown === 0 ? messages.none
      : shown === 1 ? messages.one_result : messages.results.replace("{count}", shown);
  };

  form.addEventListener("input", apply);
  form.addEventListener("submit", (event) => event.preventDefault());
  form.hidden = false;
  const links = document.querySelector("[data-embed-links]");
  if (links && form.elements.category) links.hidden = true; // the menus do their job now
}
