// The pickers of several values (organisations, domains) as ARIA comboboxes (WAI-ARIA APG "combobox with listbox
// popup", as GOV.UK's accessible-autocomplete and NL Design System's combobox do it): a progressive enhancement of
// the checkboxes that pages/kiezer.tsx renders for browsers without JavaScript. Type to filter; ArrowDown/ArrowUp
// move through the options, Enter chooses, Escape closes (and, when closed, clears); the chosen values become chips
// with a remove button, each backed by a hidden field of the picker's name, so the form sends what it always sent.
// Everything that differs per picker (field, ids, words, maximum, options) comes from the fieldset's data attributes.
(() => {
  const SHOWN = 50;
  const fold = (text) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const element = (tag, attributes = {}, text) => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    if (text !== undefined) node.textContent = text;
    return node;
  };

  const enhance = (root) => {
    const { veld, id, optieId, enkelvoud, meervoud, zoeklabel } = root.dataset;
    const max = Number(root.dataset.max);
    const options = JSON.parse(root.dataset.opties).map(([code, naam, kort, extra, zoekwoorden]) => ({
      code, naam, kort, extra, naamFold: fold(naam), kortFold: fold(kort), zoekFold: zoekwoorden.map((w) => [w, fold(w)]),
    }));
    const byCode = new Map(options.map((o) => [o.code, o]));
    // With a list of most used, an empty field offers those; without, it offers every option in the page's order.
    const frequent = root.dataset.veelgebruikt ? JSON.parse(root.dataset.veelgebruikt) : null;
    const frequentRank = new Map((frequent || []).map((code, i) => [code, i]));
    const display = (o) => (o.kort && !o.naam.includes(o.kort) ? `${o.naam} (${o.kort})` : o.naam);
    // A short list (the taxonomy) is offered whole; a long one (every organisation) a screenful at a time.
    const limit = options.length <= 2 * SHOWN ? options.length : SHOWN;
    const count = (n) => `${n} ${n === 1 ? enkelvoud : meervoud}`;

    // What was ticked server-side (a page reloaded with choices, or after a validation error) stays chosen, in order.
    const chosen = [];
    for (const box of root.querySelectorAll(`input[name="${veld}"]:checked`)) {
      if (byCode.has(box.value) && !chosen.includes(box.value)) chosen.push(box.value);
    }
    root.querySelector('[data-zonder-js]').remove();
    const hint = root.querySelector('[data-met-script]');
    if (hint) hint.textContent = hint.dataset.metScript;

    const chips = element('ul', { class: 'mr-chips', 'aria-label': `Gekozen ${meervoud}` });
    const label = element('label', { class: 'utrecht-form-label', for: `${id}-combobox` }, zoeklabel);
    const wrapper = element('div', { class: 'utrecht-combobox mr-kiezer__combobox' });
    const input = element('input', {
      class: 'utrecht-textbox utrecht-textbox--html-input',
      id: `${id}-combobox`,
      type: 'text',
      role: 'combobox',
      autocomplete: 'off',
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': `${id}-opties`,
      'aria-describedby': root.getAttribute('aria-describedby'),
    });
    if (root.querySelector(`#fout-${veld}`)) input.setAttribute('aria-invalid', 'true');
    const popover = element('div', { class: 'utrecht-combobox__popover utrecht-combobox__popover--block-end utrecht-combobox__popover--hidden mr-kiezer__popover' });
    const listbox = element('ul', { class: 'utrecht-listbox utrecht-listbox__list', id: `${id}-opties`, role: 'listbox', 'aria-label': meervoud[0].toUpperCase() + meervoud.slice(1) });
    const status = element('div', { class: 'mr-visueel-verborgen', role: 'status', 'data-kiezer-status': '' });
    popover.append(listbox);
    wrapper.append(input, popover);
    root.append(chips, label, wrapper, status);

    let shown = [];
    let active = -1;

    const announce = (text) => {
      status.textContent = text;
    };

    /**
     * Matches, best first: abbreviation or name itself, name start, a whole word, word start, anywhere, then a search word (an
     * official name, a synonym) itself or containing the text; the most used first within each. A match through a
     * search word says which, so the list shows why it is there.
     */
    const matches = (query) => {
      const q = fold(query.trim());
      if (!q) {
        const pool = frequent ? frequent.map((code) => byCode.get(code)).filter(Boolean) : options;
        return pool.filter((o) => !chosen.includes(o.code)).map((o) => ({ o }));
      }
      const scored = [];
      for (const o of options) {
        if (chosen.includes(o.code)) continue;
        let score = -1;
        let via;
        const words = o.naamFold.split(/[\s()-]+/);
        if (o.kortFold === q || o.naamFold === q) score = 0;
        else if (o.naamFold.startsWith(q) || (o.kortFold && o.kortFold.startsWith(q))) score = 1;
        else if (words.includes(q)) score = 2;
        else if (words.some((word) => word.startsWith(q))) score = 3;
        else if (o.naamFold.includes(q)) score = 4;
        else {
          const exact = o.zoekFold.find(([, f]) => f === q);
          const partial = exact || o.zoekFold.find(([, f]) => f.includes(q));
          if (partial) {
            score = exact ? 5 : 6;
            via = partial[0];
          }
        }
        if (score >= 0) scored.push({ score, rank: frequentRank.has(o.code) ? frequentRank.get(o.code) : 1e6, o, via });
      }
      scored.sort((a, b) => a.score - b.score || a.rank - b.rank || a.o.naam.localeCompare(b.o.naam, 'nl'));
      return scored;
    };

    const close = () => {
      popover.classList.add('utrecht-combobox__popover--hidden');
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    };

    const highlight = (index) => {
      active = index;
      listbox.querySelectorAll('[role="option"]').forEach((node, i) => {
        const on = i === index;
        node.setAttribute('aria-selected', on ? 'true' : 'false');
        node.classList.toggle('utrecht-listbox__option--active', on);
        if (on) {
          input.setAttribute('aria-activedescendant', node.id);
          node.scrollIntoView({ block: 'nearest' });
        }
      });
      if (index < 0) input.removeAttribute('aria-activedescendant');
    };

    const open = () => {
      const found = matches(input.value);
      shown = found.slice(0, limit);
      listbox.replaceChildren(
        ...shown.map(({ o, via }) => {
          const option = element('li', { class: 'utrecht-listbox__option utrecht-listbox__option--html-li', role: 'option', id: `${optieId}${o.code}`, 'aria-selected': 'false', 'data-code': o.code,
            // Reached with the arrow keys from the field (aria-activedescendant); tabindex -1, as GOV.UK's
            // accessible-autocomplete does, makes the scrolling list's content focusable without adding tab stops.
            tabindex: '-1' });
          option.append(document.createTextNode(display(o)), element('span', { class: 'mr-hint-inline' }, ` · ${o.extra}${via ? ` · ook: ${via}` : ''}`));
          return option;
        }),
      );
      if (shown.length === 0) {
        close();
        announce(input.value.trim() ? `Geen ${enkelvoud} gevonden voor ‘${input.value.trim()}’.` : '');
        return;
      }
      popover.classList.remove('utrecht-combobox__popover--hidden');
      input.setAttribute('aria-expanded', 'true');
      highlight(-1);
      const more = found.length > limit ? ` De eerste ${limit} staan in de lijst; typ verder om te verfijnen.` : '';
      announce(`${count(found.length)} gevonden.${more} Gebruik pijl omlaag om te kiezen.`);
    };

    const renderChips = () => {
      chips.replaceChildren(
        ...chosen.map((code) => {
          const o = byCode.get(code);
          const chip = element('li', { class: 'mr-chip' });
          const remove = element('button', { type: 'button', class: 'utrecht-button utrecht-button--subtle mr-chip__verwijder', 'data-code': code });
          remove.append(element('span', { 'aria-hidden': 'true' }, '×'), element('span', { class: 'mr-visueel-verborgen' }, `Verwijder ${o.naam}`));
          chip.append(element('span', {}, display(o)), remove, element('input', { type: 'hidden', name: veld, value: code }));
          return chip;
        }),
      );
      chips.hidden = chosen.length === 0;
    };

    const choose = (code) => {
      if (chosen.length >= max) {
        announce(`Hoogstens ${count(max)}. Verwijder er eerst een.`);
        return;
      }
      chosen.push(code);
      renderChips();
      input.value = '';
      close();
      announce(`${byCode.get(code).naam} toegevoegd. ${chosen.length} gekozen.`);
      input.focus();
    };

    input.addEventListener('input', open);
    input.addEventListener('focus', () => {
      if (!input.value) return;
      open();
    });
    input.addEventListener('keydown', (event) => {
      const expanded = input.getAttribute('aria-expanded') === 'true';
      switch (event.key) {
        case 'ArrowDown':
          event.preventDefault();
          if (!expanded) open();
          else highlight(Math.min(active + 1, shown.length - 1));
          break;
        case 'ArrowUp':
          event.preventDefault();
          if (expanded) highlight(Math.max(active - 1, 0));
          break;
        case 'Enter':
          // Enter chooses; with nothing highlighted in an open list it chooses the first match, never submits by accident.
          if (expanded) {
            event.preventDefault();
            const pick = shown[active >= 0 ? active : 0];
            if (pick) choose(pick.o.code);
          }
          break;
        case 'Escape':
          if (expanded) {
            event.preventDefault();
            close();
          } else if (input.value) {
            event.preventDefault();
            input.value = '';
          }
          break;
        case 'Tab':
          close();
          break;
      }
    });
    // mousedown, not click: it comes before the input's blur would close the list.
    listbox.addEventListener('mousedown', (event) => {
      const option = event.target.closest('[role="option"]');
      if (!option) return;
      event.preventDefault();
      choose(option.dataset.code);
    });
    input.addEventListener('blur', () => setTimeout(close, 0));
    chips.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-code]');
      if (!button) return;
      const index = chosen.indexOf(button.dataset.code);
      if (index < 0) return;
      chosen.splice(index, 1);
      renderChips();
      announce(`${byCode.get(button.dataset.code).naam} verwijderd. ${chosen.length} gekozen.`);
      // Focus to the next chip's button, else back to the field: never lost on the page.
      const next = chips.querySelectorAll('button[data-code]')[Math.min(index, chosen.length - 1)];
      (next || input).focus();
    });
    renderChips();
  };

  document.querySelectorAll('[data-kiezer]').forEach(enhance);
})();
