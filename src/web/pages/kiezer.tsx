import type { ComponentChildren } from 'preact';

/**
 * A picker for several values of one form field (the routing page's organisations and domains). Without JavaScript
 * it is what the caller puts inside (checkboxes named `veld`); with JavaScript, static/kiezer.js replaces that with
 * an ARIA combobox (the WAI-ARIA "combobox with listbox popup", as GOV.UK's accessible-autocomplete and NL Design
 * System's combobox do it): type to filter, arrows, Enter, Escape, the chosen values as chips with a remove button,
 * each backed by a hidden `veld` field. Both send the same fields, so the route reads one shape. The ticked
 * checkboxes are what the script starts from, so choices survive a reload and a validation error.
 */

/** One value as the script offers it: shown as `naam (kort)`, with `extra` beside it, also found by `zoekwoorden`. */
export interface KiezerOptie {
  code: string;
  naam: string;
  /** An abbreviation shown after the name ("UWV"); empty for none. */
  kort: string;
  /** Shown beside the name in the list: the kind, or where it belongs. */
  extra: string;
  /** Found by these too (an official name, synonyms), not shown. */
  zoekwoorden: string[];
}

export interface KiezerProps {
  /** The form field's name; also the ids `veld-<veld>`, `hint-<veld>` and `fout-<veld>`. */
  veld: string;
  /** Prefix of the script's element ids: `<id>-combobox`, `<id>-opties`. */
  id: string;
  /** Prefix of each option's id (`<prefix><code>`). */
  optieId: string;
  legenda: string;
  hint: string;
  /** The hint once the script has made the field a combobox, when that needs other words (typing instead of ticking). */
  hintMetScript?: string;
  /** The validation errors of this field, shown beside it. */
  fouten: string[];
  max: number;
  opties: KiezerOptie[];
  /** Offered first, and alone when nothing is typed; without it, every option is. */
  veelgebruikt?: string[];
  /** How the script names one and several values, and the field it adds ("Organisatie zoeken en kiezen"). */
  woorden: { enkelvoud: string; meervoud: string; zoeklabel: string };
  children: ComponentChildren;
}

export function Kiezer({ veld, id, optieId, legenda, hint, hintMetScript, fouten, max, opties, veelgebruikt, woorden, children }: KiezerProps) {
  const describedBy = [`hint-${veld}`, fouten.length ? `fout-${veld}` : null].filter(Boolean).join(' ');
  // Compact rows for the script: [code, name, abbreviation, extra, search words].
  const data = JSON.stringify(opties.map((o) => [o.code, o.naam, o.kort, o.extra, o.zoekwoorden]));
  return (
    // tabindex -1: the error summary's link to this field moves focus here.
    <div class={fouten.length ? 'mr-veld mr-veld--fout' : 'mr-veld'} id={`veld-${veld}`} tabindex={-1}>
      <fieldset
        class="mr-kiezer"
        data-kiezer
        data-veld={veld}
        data-id={id}
        data-optie-id={optieId}
        data-max={String(max)}
        data-opties={data}
        data-veelgebruikt={veelgebruikt ? JSON.stringify(veelgebruikt) : undefined}
        data-enkelvoud={woorden.enkelvoud}
        data-meervoud={woorden.meervoud}
        data-zoeklabel={woorden.zoeklabel}
        aria-describedby={describedBy}
      >
        <legend class="mr-kiezer__legenda">{legenda}</legend>
        <p class="mr-hint" id={`hint-${veld}`} data-met-script={hintMetScript}>
          {hint}
        </p>
        {fouten.length > 0 && (
          <p class="mr-foutmelding" id={`fout-${veld}`}>
            {fouten.join(' ')}
          </p>
        )}
        <div data-zonder-js>{children}</div>
      </fieldset>
    </div>
  );
}
