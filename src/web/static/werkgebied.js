// The werkgebied field (pages/vermelding-formulier.tsx), enhanced: Enter in the text field adds the typed place as a
// ticked box, as a click on "add" would, instead of sending the whole form half-filled. It adds a place only when the
// name is one of the offered ones (its label, its name, or another name it goes by); a name that is both a gemeente
// and a province adds neither and says which two to choose from; an unknown name says so. Without JavaScript the
// form sends the typed name and the server answers the same way.
(() => {
  // As nameKey in professionals/references.ts: case, accents, apostrophes and punctuation do not matter.
  const key = (text) =>
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[\u2019\u2018'`\u00b4]/g, '')
      .replace(/[-.,()/]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();

  for (const root of document.querySelectorAll('[data-werkgebied]:not([data-werkgebied-klaar])')) {
    root.setAttribute('data-werkgebied-klaar', '');
    const input = root.querySelector('input[type="text"][list]');
    const list = input && document.getElementById(input.getAttribute('list'));
    if (!list) continue;

    // Every name an option answers to: "Den Bosch (gemeente)", "Den Bosch", "gemeente Den Bosch", "’s-Hertogenbosch".
    const options = [...list.options].map((option) => {
      const label = option.value;
      const match = /^(.*) \((gemeente|provincie)\)$/.exec(label);
      const others = option.textContent ? option.textContent.split(', ') : [];
      const names = match ? [match[1], ...others] : others;
      const forms = match ? names.flatMap((name) => [`${match[2]} ${name}`, `${name} (${match[2]})`]) : [];
      return { label, keys: new Set([label, ...names, ...forms].map(key)) };
    });

    const status = document.createElement('p');
    status.className = 'mr-hint';
    status.setAttribute('role', 'status');
    status.id = `${input.id}-status`;
    input.insertAdjacentElement('afterend', status);
    input.setAttribute('aria-describedby', `${input.getAttribute('aria-describedby') ?? ''} ${status.id}`.trim());

    const chosenList = () => {
      let ul = root.querySelector('ul.mr-keuzelijst');
      if (!ul) {
        ul = document.createElement('ul');
        ul.className = 'mr-keuzelijst';
        root.querySelector(`label[for="${input.id}"]`).insertAdjacentElement('beforebegin', ul);
      }
      return ul;
    };

    const add = (label) => {
      const boxes = [...root.querySelectorAll('input[type="checkbox"][name="werkgebied"]')];
      const existing = boxes.find((box) => box.value === label || box.labels?.[0]?.textContent === label);
      if (existing) {
        existing.checked = true;
        return `${label} staat er al.`;
      }
      const li = document.createElement('li');
      const box = document.createElement('input');
      box.className = 'utrecht-checkbox utrecht-checkbox--html-input';
      box.type = 'checkbox';
      box.name = 'werkgebied';
      // The label, not a bare name: "Utrecht (provincie)" is clear to the server, "Utrecht" is not.
      box.value = label;
      box.checked = true;
      let n = boxes.length;
      while (document.getElementById(`werkgebied-${n}`)) n += 1;
      box.id = `werkgebied-${n}`;
      const text = document.createElement('label');
      text.htmlFor = box.id;
      text.textContent = label;
      li.append(box, text);
      chosenList().append(li);
      root.querySelector(`label[for="${input.id}"]`).textContent = 'Nog een gemeente of provincie toevoegen';
      return `${label} toegevoegd.`;
    };

    input.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' || event.isComposing) return;
      const typed = input.value.trim();
      // An empty field: Enter sends the form, as in any other field.
      if (!typed) return;
      event.preventDefault();
      const found = options.filter((option) => option.keys.has(key(typed)));
      if (found.length === 1) {
        status.textContent = add(found[0].label);
        input.value = '';
      } else if (found.length > 1) {
        status.textContent = `‘${typed}’ is zowel een gemeente als een provincie; kies ${found.map((o) => `‘${o.label}’`).join(' of ')}.`;
        // Both in the list to choose from, where the browser can open it.
        try {
          input.showPicker();
        } catch {
          // Not every browser opens a datalist on request; the message names both.
        }
      } else {
        status.textContent = `‘${typed}’ staat niet in de lijst; kies een gemeente of provincie uit de lijst.`;
      }
    });
  }
})();
