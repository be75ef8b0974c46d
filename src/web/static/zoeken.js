// Progressive enhancement of the plain search form (which works without JavaScript): the results follow the text
// field, the level and the filters at once; the URL stays shareable and back/forward shows what belongs to it.
(() => {
  const form = document.querySelector('[data-zoekformulier]');
  const input = form && form.querySelector('input[name="zoekterm"]');
  if (!form || !input || !window.fetch || !window.DOMParser) return;
  const wide = window.matchMedia('(min-width: 52rem)');
  let timer;
  let controller;
  // The search the page shows now: a jump to a fragment (the skip link) also fires popstate, and needs no fetch.
  let shownSearch = location.pathname + location.search;

  // Ticking applies at once, so the button that applies ticks is only for use without JavaScript.
  const enhance = (region) => {
    region.querySelectorAll('[data-filters-toepassen]').forEach((button) => (button.hidden = true));
    const details = region.querySelector('[data-filterpaneel]');
    if (details && wide.matches) details.open = true;
  };

  /** Swaps in the results region of `url`, keeping focus, typed text and the open filter panel where they were. */
  const show = async (url, how) => {
    controller?.abort();
    controller = new AbortController();
    try {
      const response = await fetch(url, { signal: controller.signal, headers: { Accept: 'text/html' } });
      if (!response.ok && response.status !== 400) return;
      const page = new DOMParser().parseFromString(await response.text(), 'text/html');
      const fresh = page.querySelector('[data-zoekresultaten]');
      const current = document.querySelector('[data-zoekresultaten]');
      if (!fresh || !current) return;
      const active = document.activeElement;
      const keep = active && current.contains(active) && active.id ? active : null;
      const wasOpen = current.querySelector('[data-filterpaneel]')?.open;
      // Read what to announce before the element moves into this document (it leaves `page` when it does).
      const count = fresh.querySelector('[data-aantal]')?.textContent ?? fresh.querySelector('[role="alert"]')?.textContent ?? '';
      enhance(fresh);
      if (wasOpen !== undefined && fresh.querySelector('[data-filterpaneel]')) fresh.querySelector('[data-filterpaneel]').open = wasOpen;
      current.replaceWith(fresh);
      if (keep) {
        const again = document.getElementById(keep.id);
        if (again) {
          if (again.type === 'search' || again.type === 'text') again.value = keep.value;
          again.focus();
        }
      }
      const status = document.querySelector('[data-zoekstatus]');
      if (status) status.textContent = count.trim().replace(/\s+/g, ' ');
      if (how === 'push') history.pushState({ zoeken: true }, '', url);
      else if (how === 'replace') history.replaceState({ zoeken: true }, '', url);
      shownSearch = location.pathname + location.search;
    } catch (error) {
      if (error.name !== 'AbortError') throw error;
    }
  };

  const formUrl = () => {
    const params = new URLSearchParams(new FormData(form));
    for (const [key, value] of [...params]) if (value === '') params.delete(key);
    params.delete('pagina');
    return `${location.pathname}?${params}`;
  };

  const later = (how) => {
    clearTimeout(timer);
    timer = setTimeout(() => show(formUrl(), how), 250);
  };
  // Arrow keys on a closed drop-down change it at every press: the level chosen that way is one step back, not four
  // (and one search, once the keys rest), so a change soon after the previous one of the same select replaces it.
  let lastSelect = { element: null, at: 0 };

  enhance(document);
  input.addEventListener('input', () => later('replace'));
  form.addEventListener('input', (event) => {
    if (event.target.matches('input[data-organisatiezoeker]')) later('replace');
  });
  form.addEventListener('change', (event) => {
    // A tick, or the desired level, is a step one can go back from.
    if (event.target.matches('select')) {
      const select = event.target;
      clearTimeout(timer);
      timer = setTimeout(() => {
        const again = lastSelect.element === select && Date.now() - lastSelect.at < 2000;
        lastSelect = { element: select, at: Date.now() };
        show(formUrl(), again ? 'replace' : 'push');
      }, 400);
    } else if (event.target.matches('input[type="checkbox"]')) {
      lastSelect = { element: null, at: 0 };
      clearTimeout(timer);
      show(formUrl(), 'push');
    }
  });
  // Removing a filter (a chip, "Wis alle filters") is a step too; the links work without JavaScript as well.
  form.addEventListener('click', (event) => {
    const link = event.target.closest('a[data-filterlink]');
    if (!link || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    show(link.href, 'push').then(() => document.getElementById('resultaten-kop')?.focus());
  });
  // Back and forward: the text field and the level from the URL, ticks and results from the page of that URL.
  window.addEventListener('popstate', () => {
    if (location.pathname + location.search === shownSearch) return;
    const params = new URLSearchParams(location.search);
    input.value = params.get('zoekterm') ?? '';
    const level = form.querySelector('select[name="gewenstRolniveau"]');
    if (level) level.value = params.get('gewenstRolniveau') ?? '';
    show(location.href, 'none');
  });
})();
