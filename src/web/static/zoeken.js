// Search as you type: a progressive enhancement of the plain search form (which works without JavaScript).
// Fetches the same page with the new query, swaps in the results region, and keeps the URL shareable.
(() => {
  const form = document.querySelector('[data-zoekformulier]');
  const input = form && form.querySelector('input[name="zoekterm"]');
  if (!form || !input || !window.fetch || !window.DOMParser) return;
  let timer;
  let controller;
  const update = async () => {
    const params = new URLSearchParams(new FormData(form));
    params.delete('pagina');
    const url = `${location.pathname}?${params}`;
    controller?.abort();
    controller = new AbortController();
    try {
      const response = await fetch(url, { signal: controller.signal, headers: { Accept: 'text/html' } });
      if (!response.ok) return;
      const page = new DOMParser().parseFromString(await response.text(), 'text/html');
      const fresh = page.querySelector('[data-zoekresultaten]');
      const current = document.querySelector('[data-zoekresultaten]');
      if (fresh && current) current.replaceWith(fresh);
      const status = document.querySelector('[data-zoekstatus]');
      const count = page.querySelector('[data-aantal]');
      if (status && count) status.textContent = count.textContent;
      history.replaceState(null, '', url);
    } catch (error) {
      if (error.name !== 'AbortError') throw error;
    }
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(update, 250);
  });
  // The desired level reorders the results at once.
  form.querySelector('select[name="gewenstRolniveau"]')?.addEventListener('change', update);
})();
