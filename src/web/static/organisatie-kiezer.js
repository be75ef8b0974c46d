// The organisation picker as an ARIA combobox (WAI-ARIA APG "combobox with listbox popup", as GOV.UK's
// accessible-autocomplete and NL Design System's combobox do it): a progressive enhancement of the checkbox list
// that pages/organisatie-kiezer.tsx renders for browsers without JavaScript. Type to filter; ArrowDown/ArrowUp move
// through the options, Enter chooses, Escape closes (and, when closed, clears); the chosen organisations become
// chips with a remove button, each backed by a hidden `organisaties` field, so the form sends what it always sent.
(() => {
  const root = document.querySelector('[data-organisatiekiezer]');
  if (!root) return;
  const MAX = 20;
  const SHOWN = 50;
  const fold = (text) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const organisations = JSON.parse(root.dataset.organisaties).map(([code, naam, afkorting, soort, officieel]) => ({
    code, naam, afkorting, soort, naamFold: fold(naam), afkortingFold: fold(afkorting), officieelFold: fold(officieel || ''),
  }));
  const byCode = new Map(organisations.map((o) => [o.code, o]));
  const frequent = JSON.parse(root.dataset.veelgebruikt || '[]');
  const frequentRank = new Map(frequent.map((code, i) => [code, i]));
  const display = (o) => (o.afkorting && !o.naam.includes(o.afkorting) ? `${o.naam} (${o.afkorting})` : o.naam);

  // What was ticked server-side (a page reloaded with choices, or after a validation error) stays chosen, in order.
  const chosen = [];
  for (const box of root.querySelectorAll('input[name="organisaties"]:checked')) {
    if (byCode.has(box.value) && !chosen.includes(box.value)) chosen.push(box.value);
  }
  root.querySelector('[data-zonder-js]').remove();

  const element = (tag, attributes = {}, text) => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    if (text !== undefined) node.textContent = text;
    return node;
  };

  const chips = element('ul', { class: 'mr-chips', 'aria-label': 'Gekozen organisaties' });
  const label = element('label', { class: 'utrecht-form-label', for: 'organisatie-combobox' }, 'Organisatie zoeken en kiezen');
  const wrapper = element('div', { class: 'utrecht-combobox mr-kiezer__combobox' });
  const input = element('input', {
    class: 'utrecht-textbox utrecht-textbox--html-input',
    id: 'organisatie-combobox',
    type: 'text',
    role: 'combobox',
    autocomplete: 'off',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': 'organisatie-opties',
    'aria-describedby': 'hint-organisaties',
  });
  const popover = element('div', { class: 'utrecht-combobox__popover utrecht-combobox__popover--block-end utrecht-combobox__popover--hidden mr-kiezer__popover' });
  const listbox = element('ul', { class: 'utrecht-listbox utrecht-listbox__list', id: 'organisatie-opties', role: 'listbox', 'aria-label': 'Organisaties' });
  const status = element('div', { class: 'mr-visueel-verborgen', role: 'status', 'data-kiezer-status': '' });
  popover.append(listbox);
  wrapper.append(input, popover);
  root.append(chips, label, wrapper, status);

  let options = [];
  let active = -1;

  const announce = (text) => {
    status.textContent = text;
  };

  /** Matches, best first: abbreviation, name start, word start, anywhere, official name; most routed first within each. */
  const matches = (query) => {
    const q = fold(query.trim());
    const candidates = organisations.filter((o) => !chosen.includes(o.code));
    if (!q) return frequent.map((code) => byCode.get(code)).filter((o) => o && !chosen.includes(o.code));
    const scored = [];
    for (const o of candidates) {
      let score = -1;
      if (o.afkortingFold === q || o.naamFold === q) score = 0;
      else if (o.naamFold.startsWith(q) || (o.afkortingFold && o.afkortingFold.startsWith(q))) score = 1;
      else if (o.naamFold.split(/[\s-]+/).some((word) => word.startsWith(q))) score = 2;
      else if (o.naamFold.includes(q)) score = 3;
      else if (o.officieelFold.includes(q)) score = 4;
      if (score >= 0) scored.push([score, frequentRank.has(o.code) ? frequentRank.get(o.code) : 1e6, o]);
    }
    scored.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2].naam.localeCompare(b[2].naam, 'nl'));
    return scored.map((s) => s[2]);
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
    options = found.slice(0, SHOWN);
    listbox.replaceChildren(
      ...options.map((o) => {
        const option = element('li', { class: 'utrecht-listbox__option utrecht-listbox__option--html-li', role: 'option', id: `optie-${o.code}`, 'aria-selected': 'false', 'data-code': o.code,
          // Reached with the arrow keys from the field (aria-activedescendant); tabindex -1, as GOV.UK's
          // accessible-autocomplete does, makes the scrolling list's content focusable without adding tab stops.
          tabindex: '-1' });
        option.append(document.createTextNode(display(o)), element('span', { class: 'mr-hint-inline' }, ` · ${o.soort}`));
        return option;
      }),
    );
    if (options.length === 0) {
      close();
      announce(input.value.trim() ? `Geen organisatie gevonden voor ‘${input.value.trim()}’.` : '');
      return;
    }
    popover.classList.remove('utrecht-combobox__popover--hidden');
    input.setAttribute('aria-expanded', 'true');
    highlight(-1);
    const more = found.length > SHOWN ? ` De eerste ${SHOWN} staan in de lijst; typ verder om te verfijnen.` : '';
    announce(`${found.length === 1 ? '1 organisatie' : `${found.length} organisaties`} gevonden.${more} Gebruik pijl omlaag om te kiezen.`);
  };

  const renderChips = () => {
    chips.replaceChildren(
      ...chosen.map((code) => {
        const o = byCode.get(code);
        const chip = element('li', { class: 'mr-chip' });
        const remove = element('button', { type: 'button', class: 'utrecht-button utrecht-button--subtle mr-chip__verwijder', 'data-code': code });
        remove.append(element('span', { 'aria-hidden': 'true' }, '×'), element('span', { class: 'mr-visueel-verborgen' }, `Verwijder ${o.naam}`));
        chip.append(element('span', {}, display(o)), remove, element('input', { type: 'hidden', name: 'organisaties', value: code }));
        return chip;
      }),
    );
    chips.hidden = chosen.length === 0;
  };

  const choose = (code) => {
    if (chosen.length >= MAX) {
      announce(`Hoogstens ${MAX} organisaties. Verwijder er eerst een.`);
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
        else highlight(Math.min(active + 1, options.length - 1));
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (expanded) highlight(Math.max(active - 1, 0));
        break;
      case 'Enter':
        // Enter chooses; with nothing highlighted in an open list it chooses the first match, never submits by accident.
        if (expanded) {
          event.preventDefault();
          const pick = options[active >= 0 ? active : 0];
          if (pick) choose(pick.code);
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
})();
