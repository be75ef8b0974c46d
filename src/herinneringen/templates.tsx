import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { digestSize, type Digest, type DigestEntry, type DigestSection } from './digest.js';

/**
 * The mails, in Dutch, as plain text and as HTML. The HTML is rendered by Preact (every value escaped), is one
 * column of headings, paragraphs and lists with real link texts, `lang="nl"`, no images and no layout tables, so
 * screen readers and text-only clients read it in order. Both parts say the same.
 */

export interface RenderedMail {
  onderwerp: string;
  tekst: string;
  html: string;
}

const datum = (date: Date) => date.toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });
const dagen = (n: number) => (n === 1 ? '1 dag' : `${n} dagen`);

const LINK_STYLE = 'color:#0b3d91;text-decoration:underline;';
const BUTTON_STYLE = 'display:inline-block;padding:12px 20px;background:#0b3d91;color:#ffffff;text-decoration:none;border-radius:4px;font-weight:bold;';

function Document({ titel, children }: { titel: string; children: ComponentChildren }) {
  return (
    <html lang="nl">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{titel}</title>
      </head>
      <body style="margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;background:#ffffff;">
        <div style="max-width:640px;">{children}</div>
      </body>
    </html>
  );
}

const html = (node: preact.VNode) => `<!doctype html>${renderToString(node)}`;

const GROET_TEKST = ['Met vriendelijke groet,', 'Maatwerkregister'];
const FOOTER_TEKST = [
  '-- ',
  'Dit is een automatisch bericht van het Maatwerkregister; antwoorden op dit bericht worden niet gelezen.',
  'Het register bevat alleen werkgegevens van professionals, nooit gegevens van inwoners.',
];
/** The closing lines of every plain-text mail: greeting, then the footer. */
const SLOT_TEKST = [...GROET_TEKST, '', ...FOOTER_TEKST];

/** The closing of every HTML mail: the same greeting and footer as SLOT_TEKST. */
function Slot() {
  return (
    <>
      <p>
        {GROET_TEKST[0]}
        <br />
        {GROET_TEKST[1]}
      </p>
      <p style="margin-top:32px;font-size:14px;color:#4a4a4a;">{FOOTER_TEKST.slice(1).join(' ')}</p>
    </>
  );
}

export interface ReminderInput {
  /** Who receives it: the entry's owner, or a coordinator (entries without an owner). */
  aan: 'eigenaar' | 'coordinator';
  entry: { naam: string; functie: string; soort: 'persoon' | 'team'; organisatieNaam: string; organisatieCode: string };
  bevestigingTot: Date;
  dagenOver: number;
  link: string;
  linkTot: Date;
  publicUrl: string;
}

export function reminderMail(input: ReminderInput): RenderedMail {
  const { entry, aan } = input;
  const eigen = aan === 'eigenaar';
  const onderwerp = eigen
    ? `Is je vermelding nog actueel? Nog ${dagen(input.dagenOver)} vindbaar in het Maatwerkregister`
    : `Vermelding "${entry.naam}" van ${entry.organisatieNaam}: nog ${dagen(input.dagenOver)} vindbaar`;
  const aanhef = eigen && entry.soort === 'persoon' ? `Beste ${entry.naam},` : 'Beste coördinator,';
  const wat = eigen
    ? `Je vermelding "${entry.naam}" (${entry.functie}) bij ${entry.organisatieNaam} in het Maatwerkregister is nog ${dagen(input.dagenOver)} vindbaar voor collega's: tot ${datum(input.bevestigingTot)}.`
    : `De vermelding "${entry.naam}" (${entry.functie}) van ${entry.organisatieNaam} heeft geen eigenaar. Als coördinator kun je bevestigen dat zij nog klopt. Ze is nog ${dagen(input.dagenOver)} vindbaar voor collega's: tot ${datum(input.bevestigingTot)}.`;
  const vraag = eigen ? 'Klopt alles nog? Bevestig dan dat je vermelding actueel is:' : 'Klopt alles nog? Bevestig dan dat de vermelding actueel is:';
  const linkUitleg = `De link opent een pagina met één knop, "Nog actueel". Er verandert niets tot je op die knop drukt. De link werkt één keer, alleen voor deze vermelding, tot ${datum(input.linkTot)}.`;
  const aanpassen = eigen ? `${input.publicUrl}/mijn-vermelding` : `${input.publicUrl}/coordinatie?organisatie=${encodeURIComponent(entry.organisatieCode)}`;
  const aanpassenTekst = eigen ? 'Wil je iets wijzigen? Log in en ga naar Mijn vermelding:' : 'Wil je iets wijzigen? Log in en ga naar Coördinatie:';
  const anders = `Wordt de vermelding niet bevestigd, dan is zij vanaf ${datum(input.bevestigingTot)} niet meer te vinden. Er gaat niets verloren: bevestigen kan daarna nog steeds.`;
  const tekst = [aanhef, '', wat, '', vraag, input.link, '', linkUitleg, '', aanpassenTekst, aanpassen, '', anders, '', ...SLOT_TEKST].join('\n');
  return {
    onderwerp,
    tekst,
    html: html(
      <Document titel={onderwerp}>
        <p>{aanhef}</p>
        <p>{wat}</p>
        <p>{vraag}</p>
        <p>
          <a href={input.link} style={BUTTON_STYLE}>
            Bevestig dat "{entry.naam}" actueel is
          </a>
        </p>
        <p>{linkUitleg}</p>
        <p>
          {aanpassenTekst}{' '}
          <a href={aanpassen} style={LINK_STYLE}>
            {eigen ? 'Mijn vermelding' : 'Coördinatie'}
          </a>
          .
        </p>
        <p>{anders}</p>
        <Slot />
      </Document>,
    ),
  };
}

const SECTIONS: { key: DigestSection; kop: string; uitleg: string; filter: string }[] = [
  { key: 'verlooptBinnenkort', kop: 'Bevestiging verloopt binnenkort', uitleg: 'Deze vermeldingen zijn binnenkort niet meer vindbaar als niemand bevestigt dat ze actueel zijn.', filter: 'bevestiging=binnenkort' },
  { key: 'bevestigingVerlopen', kop: 'Bevestiging verlopen', uitleg: 'Deze vermeldingen zijn niet meer vindbaar tot iemand bevestigt dat ze actueel zijn.', filter: 'bevestiging=verlopen' },
  { key: 'verificatieVerlopen', kop: 'Verificatie verlopen', uitleg: 'Je verificatie van deze vermeldingen is verlopen.', filter: 'verificatie=verlopen' },
  { key: 'verificatieOntbreekt', kop: 'Nog niet geverifieerd', uitleg: 'Deze vermeldingen heeft nog geen coördinator geverifieerd.', filter: 'verificatie=ontbreekt' },
  { key: 'ongeclaimd', kop: 'Nog niet geclaimd', uitleg: 'Deze persoonsvermeldingen heeft de persoon zelf nog niet in beheer genomen.', filter: 'geclaimd=nee' },
];

/** Names listed per section; the rest is counted and on the coordination page. */
export const DIGEST_NAMES_PER_SECTION = 20;

export function digestMail(digest: Digest, input: { publicUrl: string; periodeDagen: number }): RenderedMail {
  const totaal = digestSize(digest);
  const onderwerp = `Overzicht Maatwerkregister voor ${digest.organisatieNaam}: ${totaal === 1 ? '1 punt' : `${totaal} punten`} vragen aandacht`;
  const base = `${input.publicUrl}/coordinatie?organisatie=${encodeURIComponent(digest.organisatieCode)}`;
  const present = SECTIONS.filter((section) => digest[section.key].length > 0);
  // The digest counts active entries only (digest.ts); the page lists inactive ones too unless asked not to.
  const linkFor = (filter: string) => `${base}&${filter}&status=actief`;
  const naam = (entry: DigestEntry) => `${entry.naam}${entry.soort === 'team' ? ' (team)' : ''}`;
  const intro = `Dit is het overzicht van de vermeldingen van ${digest.organisatieNaam} die aandacht vragen. Je krijgt het als coördinator ${input.periodeDagen === 7 ? 'elke week' : `elke ${dagen(input.periodeDagen)}`}, zolang er iets te doen is.`;
  const lines: string[] = ['Beste coördinator,', '', intro];
  for (const section of present) {
    const entries = digest[section.key];
    lines.push('', `${section.kop} (${entries.length})`, section.uitleg);
    for (const entry of entries.slice(0, DIGEST_NAMES_PER_SECTION)) lines.push(`- ${naam(entry)}`);
    if (entries.length > DIGEST_NAMES_PER_SECTION) lines.push(`- en nog ${entries.length - DIGEST_NAMES_PER_SECTION}`);
    lines.push(`Bekijk ze: ${linkFor(section.filter)}`);
  }
  lines.push('', ...SLOT_TEKST);
  return {
    onderwerp,
    tekst: lines.join('\n'),
    html: html(
      <Document titel={onderwerp}>
        <p>Beste coördinator,</p>
        <p>{intro}</p>
        {present.map((section) => {
          const entries = digest[section.key];
          return (
            <>
              <h2 style="font-size:20px;margin:24px 0 8px;">
                {section.kop} ({entries.length})
              </h2>
              <p>{section.uitleg}</p>
              <ul>
                {entries.slice(0, DIGEST_NAMES_PER_SECTION).map((entry) => (
                  <li>{naam(entry)}</li>
                ))}
                {entries.length > DIGEST_NAMES_PER_SECTION && <li>en nog {entries.length - DIGEST_NAMES_PER_SECTION}</li>}
              </ul>
              <p>
                <a href={linkFor(section.filter)} style={LINK_STYLE}>
                  Bekijk: {section.kop.toLowerCase()} ({entries.length})
                </a>
              </p>
            </>
          );
        })}
        <Slot />
      </Document>,
    ),
  };
}
