import type { SearchFilters } from '../../../src/search/port.js';

/**
 * Judged queries: what people type, and whom they should find (keys of entries.ts). A query succeeds when one of
 * its relevant entries is in the top three. Each matching rule of the search issue has queries here.
 *
 * Every query is judged for the register it runs in, with or without the demo data beside the fixture (measure.ts):
 * besides the fixture entries it was written for, `ookRelevant` says by a rule which other entries are right answers
 * too — anyone at that organisation with that expertise, anyone with that name at that organisation — so a demo
 * entry that answers the question as well as the fixture entry is not counted as a miss. Expertise rules go by the
 * taxonomy's own definitions (db/seed/expertisegebieden.ts: "Budgetbeheer en bewindvoering" answers
 * "bewindvoering"; wgs includes vroegsignalering), never by a parent node alone ("Wonen, huisvesting en
 * dakloosheid" does not answer "dakloos"). Every entry in the top 3 of the register and of its peers was judged
 * (`npm run bench:relevance -- --details` shows them). Queries marked `competing` have other right answers in the
 * demo data; the benchmark names any that turn out not to.
 */

/**
 * Who else is a right answer: an entry that meets every condition given here. A list: any of its rules. "Anyone at
 * that organisation with that expertise" is `{ organisatie: [...], expertisegebied: [...] }`.
 */
export interface Also {
  /** At one of these organisations (codes). */
  organisatie?: string[];
  /** With one of these expertise areas, or a descendant. */
  expertisegebied?: string[];
  functie?: RegExp;
  naam?: RegExp;
  /** At an organisation of one of these types (ministerie, gemeente, …). */
  organisatieType?: string[];
  afdeling?: RegExp;
  /** With a keyword like this. */
  trefwoord?: RegExp;
}

export interface Judgement {
  zoekterm: string;
  filters?: SearchFilters;
  /** Keys of entries.ts that are right answers. */
  relevant: string[];
  /** Which other entries (demo data, fillers, generated ones) are right answers too. */
  ookRelevant?: Also | Also[];
  /** Which rule the query exercises. */
  regel: string;
  /** Written for the competition: the demo data holds other right answers, each judged by `ookRelevant`. */
  competing?: boolean;
}

export const judgements: Judgement[] = [
  // ── Written for the fixture; re-judged with the demo data beside it ─────────────────────────────────────────────
  { zoekterm: 'schuldhulp tilburg', relevant: ['eva-tilburg'], ookRelevant: [{ organisatie: ['gm0855'], expertisegebied: ['schulden'] }, { organisatie: ['gm0855'], functie: /schuld/i }], regel: 'compound part + organisation', competing: true },
  // "Zorgverzekering en zorgpremie" is the taxonomy's node for premium arrears (synonyms zorgpremie, premieachterstand).
  { zoekterm: 'zorgpremie achterstand', relevant: ['joelle-cak'], ookRelevant: { expertisegebied: ['zorgverzekering'] }, regel: 'taxonomy synonyms + compound part', competing: true },
  { zoekterm: 'Pw bijstand rotterdam', relevant: ['pieter-rotterdam', 'henk-rotterdam'], ookRelevant: { organisatie: ['gm0599'], expertisegebied: ['participatiewet'] }, regel: 'abbreviation + synonym + organisation', competing: true },
  // The demo data has its own Joëlle Bakker at the CAK (the showcase): a person would accept either.
  { zoekterm: 'Joelle CAK', relevant: ['joelle-cak'], ookRelevant: { organisatie: ['zb000211'], naam: /^Joëlle\b/ }, regel: 'diacritics + organisation', competing: true },
  // A first name alone: every Joëlle is as good an answer as the next.
  { zoekterm: 'Joëlle', relevant: ['joelle-cak'], ookRelevant: { naam: /^Joëlle\b/ }, regel: 'name with diacritics', competing: true },
  { zoekterm: 'wanbetalers', relevant: ['joelle-cak'], ookRelevant: { expertisegebied: ['wanbetalersregeling'] }, regel: 'function / taxonomy' },
  { zoekterm: 'Wmo amsterdam', relevant: ['anouk-amsterdam'], ookRelevant: [{ organisatie: ['gm0363'], expertisegebied: ['wmo'] }, { organisatie: ['gm0363'], functie: /wmo/i }], regel: 'abbreviation + organisation' },
  { zoekterm: 'wet maatschappelijke ondersteuning den haag', relevant: ['jeroen-denhaag'], ookRelevant: { organisatie: ['gm0518'], expertisegebied: ['wmo'] }, regel: 'synonym phrase + organisation', competing: true },
  // Arbeidsongeschiktheid is WIA's synonym and Wajong's subject; arbeidsdeskundigen and verzekeringsartsen assess it.
  {
    zoekterm: 'UWV arbeidsongeschiktheid',
    relevant: ['sanne-uwv'],
    ookRelevant: [{ organisatie: ['zb000117'], expertisegebied: ['wia', 'wajong'] }, { organisatie: ['zb000117'], functie: /arbeidsdeskundige|verzekeringsarts/i }],
    regel: 'organisation abbreviation + synonym',
    competing: true,
  },
  { zoekterm: 'WIA', relevant: ['sanne-uwv'], ookRelevant: { expertisegebied: ['wia'] }, regel: 'law abbreviation' },
  { zoekterm: 'uitvoeringsinstituut ww', relevant: ['peter-uwv'], ookRelevant: { organisatie: ['zb000117'], expertisegebied: ['ww'] }, regel: 'organisation name + law', competing: true },
  { zoekterm: 'wajong', relevant: ['esther-uwv'], ookRelevant: { expertisegebied: ['wajong'] }, regel: 'law' },
  { zoekterm: 'kinderbijslag', relevant: ['tom-svb'], ookRelevant: { expertisegebied: ['kinderbijslag'] }, regel: 'law' },
  { zoekterm: 'AOW', relevant: ['karin-svb'], ookRelevant: { expertisegebied: ['aow'] }, regel: 'law abbreviation' },
  { zoekterm: 'nabestaanden', relevant: ['els-svb'], ookRelevant: { expertisegebied: ['anw'] }, regel: 'synonym' },
  { zoekterm: 'studieschuld', relevant: ['priya-duo'], ookRelevant: { expertisegebied: ['studiefinanciering'] }, regel: 'taxonomy + function' },
  { zoekterm: 'DUO stufi', relevant: ['priya-duo', 'levi-duo'], ookRelevant: { organisatie: ['oorg10148'], expertisegebied: ['studiefinanciering'] }, regel: 'organisation abbreviation + colloquial synonym', competing: true },
  // Betalingsregelingen are part of "Belastingen en invordering" and the subject of "Betalingsregelingen over organisaties heen".
  {
    zoekterm: 'belastingdienst betalingsregeling',
    relevant: ['ayse-belastingdienst'],
    ookRelevant: [
      { organisatie: ['oorg12368'], expertisegebied: ['belastingen', 'kwijtscheldingsroute'] },
      { organisatie: ['oorg12368'], functie: /betalingsregeling/i },
      { organisatie: ['oorg12368'], trefwoord: /betalingsregeling/i },
    ],
    regel: 'organisation + keyword',
    competing: true,
  },
  // Kinderopvangtoeslag includes the hersteloperatie (its description and synonyms).
  { zoekterm: 'kinderopvangtoeslag hersteloperatie', relevant: ['nadia-toeslagen'], ookRelevant: { expertisegebied: ['kinderopvangtoeslag'] }, regel: 'law + free text', competing: true },
  { zoekterm: 'huurtoeslag', relevant: ['stefan-toeslagen'], ookRelevant: { expertisegebied: ['huurtoeslag'] }, regel: 'law' },
  {
    zoekterm: 'toeslagen terugvordering',
    relevant: ['ilse-toeslagen'],
    ookRelevant: [
      { organisatie: ['dienst-toeslagen'], expertisegebied: ['terugvordering'] },
      { organisatie: ['dienst-toeslagen'], functie: /terugvorder/i },
      { expertisegebied: ['toeslagen'], trefwoord: /terugvorder/i },
    ],
    regel: 'organisation + theme',
  },
  { zoekterm: 'CJIB verkeersboete', relevant: ['rachid-cjib'], ookRelevant: [{ organisatie: ['oorg10111'], expertisegebied: ['boetes-cjib'] }, { trefwoord: /verkeersboete/i }], regel: 'organisation abbreviation + keyword', competing: true },
  { zoekterm: 'alimentatie', relevant: ['annelies-lbio'], ookRelevant: { expertisegebied: ['onderhoudsbijdragen'] }, regel: 'synonym' },
  // An organisation alone: anyone there.
  { zoekterm: 'LBIO', relevant: ['annelies-lbio'], ookRelevant: { organisatie: ['zb000179'] }, regel: 'organisation abbreviation', competing: true },
  { zoekterm: 'verblijfsvergunning', relevant: ['hamza-ind'], ookRelevant: { expertisegebied: ['verblijfsrecht'] }, regel: 'synonym' },
  { zoekterm: 'escalatie PMM', relevant: ['pmm-desk'], ookRelevant: { organisatie: ['pmm'] }, regel: 'theme + organisation' },
  { zoekterm: 'briefadres amsterdam', relevant: ['marloes-amsterdam'], ookRelevant: { organisatie: ['gm0363'], expertisegebied: ['brp-briefadres'] }, regel: 'keyword + organisation', competing: true },
  { zoekterm: 'dakloos', relevant: ['marloes-amsterdam'], ookRelevant: { expertisegebied: ['dakloosheid'] }, regel: 'synonym' },
  { zoekterm: 'inburgering utrecht', relevant: ['ruud-utrecht'], ookRelevant: { organisatie: ['gm0344'], expertisegebied: ['inburgering'] }, regel: 'law + organisation', competing: true },
  { zoekterm: 'leerplicht', relevant: ['lotte-utrecht'], ookRelevant: { expertisegebied: ['leerplicht'] }, regel: 'law' },
  { zoekterm: 'BVV eindhoven', relevant: ['bram-eindhoven'], ookRelevant: { organisatie: ['gm0772'], expertisegebied: ['beslag-bvv'] }, regel: 'abbreviation + organisation', competing: true },
  { zoekterm: 'beslagvrije voet', relevant: ['bram-eindhoven'], ookRelevant: { expertisegebied: ['beslag-bvv'] }, regel: 'taxonomy phrase' },
  { zoekterm: 'bewindvoering den haag', relevant: ['fatima-denhaag'], ookRelevant: [{ organisatie: ['gm0518'], expertisegebied: ['budgetbeheer'] }, { organisatie: ['gm0518'], trefwoord: /bewindvoering/i }], regel: 'keyword + organisation', competing: true },
  { zoekterm: 'kwijtschelding groningen', relevant: ['wietske-groningen'], ookRelevant: [{ organisatie: ['gm0014'], expertisegebied: ['minimaregelingen'] }, { organisatie: ['gm0014'], trefwoord: /kwijtschelding/i }], regel: 'keyword + organisation', competing: true },
  { zoekterm: 'zzp ondernemer almere', relevant: ['chantal-almere'], ookRelevant: [{ organisatie: ['gm0034'], expertisegebied: ['bbz'] }, { organisatie: ['gm0034'], trefwoord: /ondernemer|zzp/i }], regel: 'stemming (ondernemers) + organisation', competing: true },
  { zoekterm: 'urgentieverklaring', relevant: ['inge-nijmegen'], ookRelevant: { expertisegebied: ['urgentie'] }, regel: 'synonym' },
  { zoekterm: 'ex-gedetineerden', relevant: ['koen-arnhem'], ookRelevant: { expertisegebied: ['nazorg-detentie'] }, regel: 'hyphenated synonym' },
  { zoekterm: 'jeugdhulp zwolle', relevant: ['femke-zwolle'], ookRelevant: { organisatie: ['gm0193'], expertisegebied: ['jeugdwet'] }, regel: 'compound part + organisation', competing: true },
  // The Wgs includes vroegsignalering (its synonym).
  { zoekterm: 'vroegsignalering hertogenbosch', relevant: ['noor-denbosch'], ookRelevant: [{ organisatie: ['gm0796'], expertisegebied: ['vroegsignalering', 'wgs'] }, { organisatie: ['gm0796'], trefwoord: /vroegsignalering/i }], regel: 'method + part of hyphenated name', competing: true },
  { zoekterm: 'lvb breda', relevant: ['dewi-breda'], ookRelevant: { organisatie: ['gm0758'], expertisegebied: ['lvb'] }, regel: 'abbreviation + organisation' },
  { zoekterm: 'huiselijk geweld maastricht', relevant: ['rene-maastricht'], ookRelevant: { organisatie: ['gm0935'], expertisegebied: ['huiselijk-geweld'] }, regel: 'theme + organisation' },
  { zoekterm: 'inburgering enschede', relevant: ['hatice-enschede'], ookRelevant: { organisatie: ['gm0153'], expertisegebied: ['inburgering'] }, regel: 'law + organisation' },
  { zoekterm: 'armoede leiden', relevant: ['maarten-leiden'], ookRelevant: { organisatie: ['gm0546'], expertisegebied: ['minimaregelingen'] }, regel: 'function word + organisation' },
  { zoekterm: 'bijzondere bijstand haarlem', relevant: ['sanne-haarlem'], ookRelevant: { organisatie: ['gm0392'], expertisegebied: ['participatiewet'] }, regel: 'synonym phrase + organisation' },
  { zoekterm: 'wethouder', relevant: ['gijs-apeldoorn'], ookRelevant: { functie: /wethouder/i }, regel: 'function' },
  { zoekterm: 'studiefinanciering delft', relevant: ['lieke-delft'], ookRelevant: { organisatie: ['gm0503'], expertisegebied: ['studiefinanciering'] }, regel: 'law + organisation' },
  { zoekterm: 'beschermd wonen', relevant: ['wouter-deventer'], ookRelevant: [{ trefwoord: /beschermd wonen/i }, { functie: /beschermd wonen/i }], regel: 'keyword phrase' },
  { zoekterm: 'Wlz indicatie', relevant: ['mirjam-ciz'], ookRelevant: { organisatie: ['zb000207'], expertisegebied: ['wlz'] }, regel: 'law + compound part (indicatiesteller)' },
  // The CAK collects the Wlz eigen bijdrage (the node's description): anyone there with Wlz expertise.
  { zoekterm: 'eigen bijdrage wlz', relevant: ['hans-cak'], ookRelevant: { organisatie: ['zb000211'], expertisegebied: ['wlz'] }, regel: 'function words + law', competing: true },
  { zoekterm: 'gegevensdeling AVG', relevant: ['cees-bzk'], ookRelevant: { expertisegebied: ['gegevensdeling'] }, regel: 'theme + abbreviation', competing: true },
  { zoekterm: 'hardheden ministerie', relevant: ['olga-szw'], ookRelevant: { organisatieType: ['ministerie'], expertisegebied: ['hardheden'] }, regel: 'theme + organisation type word', competing: true },
  { zoekterm: 'schuldhulpverlner', relevant: ['eva-tilburg', 'fatima-denhaag'], ookRelevant: { functie: /schuldhulpverlener/i }, regel: 'typo (deletion) in a long word' },
  { zoekterm: 'arbeidsdeskundge', relevant: ['sanne-uwv'], ookRelevant: { functie: /arbeidsdeskundige/i }, regel: 'typo' },
  { zoekterm: 'kinderbijslg', relevant: ['tom-svb'], ookRelevant: { expertisegebied: ['kinderbijslag'] }, regel: 'typo' },
  { zoekterm: 'wanbet', relevant: ['joelle-cak'], ookRelevant: { expertisegebied: ['wanbetalersregeling'] }, regel: 'prefix while typing' },
  { zoekterm: 'leerpl', relevant: ['lotte-utrecht'], ookRelevant: [{ expertisegebied: ['leerplicht'] }, { functie: /leerplicht/i }], regel: 'prefix while typing' },
  { zoekterm: 'Hatice Yilmaz', relevant: ['hatice-enschede'], ookRelevant: { naam: /^Hatice Yılmaz$/ }, regel: 'dotless ı = i' },
  // The demo data has an Ayşe Öztürk of its own (Castricum).
  { zoekterm: 'Ayse Ozturk', relevant: ['ayse-belastingdienst'], ookRelevant: { naam: /^Ayşe Öztürk$/ }, regel: 'diacritics (ş, ö)', competing: true },
  { zoekterm: 'casusregisseur rotterdam', relevant: ['samira-rotterdam'], ookRelevant: { organisatie: ['gm0599'], functie: /casusregisseur/i }, regel: 'function + organisation' },
  // UWV's maatwerkteam, or someone in its Maatwerkteam department.
  { zoekterm: 'maatwerkteam uwv', relevant: ['maatwerk-uwv'], ookRelevant: [{ organisatie: ['zb000117'], naam: /^Maatwerkteam\b/ }, { organisatie: ['zb000117'], afdeling: /^Maatwerkteam$/ }], regel: 'team entry', competing: true },
  { zoekterm: 'schulden', filters: { organisatie: ['gm0518'] }, relevant: ['fatima-denhaag'], ookRelevant: [{ expertisegebied: ['schulden'] }, { functie: /schuld/i }], regel: 'text + organisation filter', competing: true },
  { zoekterm: 'participatiewet', filters: { provincie: ['Fryslân'] }, relevant: ['hylke-leeuwarden'], ookRelevant: { expertisegebied: ['participatiewet'] }, regel: 'text + province filter via werkgebied', competing: true },

  // ── Written for competition: entries that name the words in several fields (function, keywords, own text) beside
  //    entries that name them in one; those marked `competing` have other right answers in the demo data ───────────
  { zoekterm: 'schuldhulpverlener tilburg', relevant: ['eva-tilburg'], ookRelevant: [{ organisatie: ['gm0855'], functie: /schuldhulpverlener/i }, { organisatie: ['gm0855'], expertisegebied: ['schulden'] }], regel: 'function + organisation, competing', competing: true },
  { zoekterm: 'huisbezoek schulden tilburg', relevant: ['eva-tilburg'], ookRelevant: [{ organisatie: ['gm0855'], expertisegebied: ['schulden'] }, { organisatie: ['gm0855'], functie: /schuld/i }], regel: 'keyword + theme + organisation, competing', competing: true },
  { zoekterm: 'bijstand rotterdam', relevant: ['pieter-rotterdam', 'henk-rotterdam'], ookRelevant: { organisatie: ['gm0599'], expertisegebied: ['participatiewet'] }, regel: 'synonym + organisation, competing', competing: true },
  { zoekterm: 'zorgpremie CAK', relevant: ['joelle-cak'], ookRelevant: { organisatie: ['zb000211'], expertisegebied: ['zorgverzekering'] }, regel: 'synonym + organisation, competing', competing: true },
  {
    zoekterm: 'persoonlijke aanpak belastingdienst',
    relevant: ['arjen-belastingdienst'],
    ookRelevant: [
      { organisatie: ['oorg12368'], functie: /persoonlijke aanpak/i },
      { organisatie: ['oorg12368'], afdeling: /persoonlijke aanpak/i },
      { organisatie: ['oorg12368'], trefwoord: /persoonlijke aanpak/i },
    ],
    regel: 'function phrase + organisation, competing',
    competing: true,
  },
  { zoekterm: 'arbeidsdeskundige UWV', relevant: ['sanne-uwv'], ookRelevant: { organisatie: ['zb000117'], functie: /arbeidsdeskundige/i }, regel: 'function + organisation, competing', competing: true },
  { zoekterm: 'teamleider klantcontact DUO', relevant: ['levi-duo'], ookRelevant: { organisatie: ['oorg10148'], functie: /teamleider/i }, regel: 'function phrase + organisation' },
  { zoekterm: 'schulden den haag', relevant: ['fatima-denhaag'], ookRelevant: [{ organisatie: ['gm0518'], expertisegebied: ['schulden'] }, { organisatie: ['gm0518'], functie: /schuld/i }], regel: 'theme + organisation, competing', competing: true },
  { zoekterm: 'wmo consulent amsterdam', relevant: ['anouk-amsterdam'], ookRelevant: [{ organisatie: ['gm0363'], functie: /wmo/i }, { organisatie: ['gm0363'], expertisegebied: ['wmo'] }], regel: 'function + organisation' },
  { zoekterm: 'leerplichtambtenaar utrecht', relevant: ['lotte-utrecht'], ookRelevant: [{ organisatie: ['gm0344'], functie: /leerplicht/i }, { organisatie: ['gm0344'], expertisegebied: ['leerplicht'] }], regel: 'function + organisation, competing', competing: true },
  { zoekterm: 'inburgering statushouders utrecht', relevant: ['ruud-utrecht'], ookRelevant: { organisatie: ['gm0344'], expertisegebied: ['inburgering'] }, regel: 'law + keyword + organisation, competing', competing: true },
  { zoekterm: 'jeugdconsulent amsterdam', relevant: ['youssef-amsterdam'], ookRelevant: [{ organisatie: ['gm0363'], functie: /jeugd/i }, { organisatie: ['gm0363'], expertisegebied: ['jeugdwet'] }], regel: 'function + organisation' },
  { zoekterm: 'schuldhulpverlening eindhoven', relevant: ['bram-eindhoven'], ookRelevant: [{ organisatie: ['gm0772'], expertisegebied: ['schulden'] }, { organisatie: ['gm0772'], functie: /schuld/i }], regel: 'synonym + organisation, competing', competing: true },
  { zoekterm: 'escalatieloket rotterdam', relevant: ['escalatie-rotterdam'], ookRelevant: { organisatie: ['gm0599'], naam: /^Escalatieloket\b/ }, regel: 'team name + organisation' },

  { zoekterm: 'regisseur dakloosheid amsterdam', relevant: ['marloes-amsterdam'], ookRelevant: { organisatie: ['gm0363'], expertisegebied: ['dakloosheid'] }, regel: 'function + theme + organisation' },
  { zoekterm: 'beleidsadviseur inburgering utrecht', relevant: ['ruud-utrecht'], ookRelevant: { organisatie: ['gm0344'], expertisegebied: ['inburgering'] }, regel: 'function + law + organisation, competing', competing: true },
  { zoekterm: 'specialist AOW SVB', relevant: ['karin-svb'], ookRelevant: { organisatie: ['zb000143'], expertisegebied: ['aow'] }, regel: 'function + law + organisation, competing', competing: true },
  { zoekterm: 'klantadviseur kinderbijslag', relevant: ['tom-svb'], ookRelevant: { expertisegebied: ['kinderbijslag'] }, regel: 'function + law, competing', competing: true },
  { zoekterm: 'adviseur huisvesting nijmegen', relevant: ['inge-nijmegen'], ookRelevant: { organisatie: ['gm0268'], expertisegebied: ['wonen'] }, regel: 'function + synonym + organisation, competing', competing: true },
  { zoekterm: 'nazorg detentie arnhem', relevant: ['koen-arnhem'], ookRelevant: { organisatie: ['gm0202'], expertisegebied: ['nazorg-detentie'] }, regel: 'theme words + organisation' },
  { zoekterm: 'casemanager huiselijk geweld', relevant: ['rene-maastricht'], ookRelevant: { expertisegebied: ['huiselijk-geweld'] }, regel: 'function + theme, competing', competing: true },
  { zoekterm: 'consulent bbz almere', relevant: ['chantal-almere'], ookRelevant: { organisatie: ['gm0034'], expertisegebied: ['bbz'] }, regel: 'function + law + organisation, competing', competing: true },
  { zoekterm: 'teamleider wajong uwv', relevant: ['esther-uwv'], ookRelevant: { organisatie: ['zb000117'], expertisegebied: ['wajong'] }, regel: 'function + law + organisation, competing', competing: true },
  { zoekterm: 'coordinator anw svb', relevant: ['els-svb'], ookRelevant: { organisatie: ['zb000143'], expertisegebied: ['anw'] }, regel: 'function without diacritics + law + organisation, competing', competing: true },
  // Invordering is the department, the function and half of the "Belastingen en invordering" node.
  {
    zoekterm: 'medewerker invordering belastingdienst',
    relevant: ['ayse-belastingdienst'],
    ookRelevant: [{ organisatie: ['oorg12368'], functie: /invordering/i }, { organisatie: ['oorg12368'], afdeling: /invordering/i }, { organisatie: ['oorg12368'], expertisegebied: ['belastingen'] }],
    regel: 'function + organisation, competing',
    competing: true,
  },
  { zoekterm: 'programmamanager maatwerk szw', relevant: ['olga-szw'], ookRelevant: { organisatie: ['mnre1073'], functie: /programmamanager/i }, regel: 'function + organisation abbreviation' },
  { zoekterm: 'indicatiesteller ciz', relevant: ['mirjam-ciz'], ookRelevant: { organisatie: ['zb000207'] }, regel: 'function + organisation' },
  { zoekterm: 'nachtopvang amsterdam', relevant: ['marloes-amsterdam'], ookRelevant: { organisatie: ['gm0363'], expertisegebied: ['dakloosheid'] }, regel: 'keyword and synonym + organisation, competing', competing: true },
  { zoekterm: 'statushouders utrecht', relevant: ['ruud-utrecht'], ookRelevant: [{ organisatie: ['gm0344'], expertisegebied: ['inburgering'] }, { organisatie: ['gm0344'], trefwoord: /statushouders/i }], regel: 'keyword and synonym + organisation, competing', competing: true },
  { zoekterm: 'energietoeslag groningen', relevant: ['wietske-groningen'], ookRelevant: { organisatie: ['gm0014'], trefwoord: /energietoeslag/i }, regel: 'keyword + organisation, competing', competing: true },
  { zoekterm: 'bronheffing', relevant: ['joelle-cak'], ookRelevant: { expertisegebied: ['wanbetalersregeling'] }, regel: 'keyword and synonym, competing', competing: true },
  { zoekterm: 'premieachterstand', relevant: ['joelle-cak'], ookRelevant: { expertisegebied: ['zorgverzekering'] }, regel: 'keyword and synonym, competing', competing: true },
  { zoekterm: 'draagkracht DUO', relevant: ['priya-duo'], ookRelevant: [{ organisatie: ['oorg10148'], expertisegebied: ['studiefinanciering'] }, { organisatie: ['oorg10148'], trefwoord: /draagkracht/i }], regel: 'keyword and synonym + organisation, competing', competing: true },
  { zoekterm: 'wahv', relevant: ['rachid-cjib'], ookRelevant: { expertisegebied: ['boetes-cjib'] }, regel: 'law abbreviation as keyword and synonym, competing', competing: true },
  { zoekterm: 'uitstel van betaling', relevant: ['ayse-belastingdienst'], ookRelevant: { trefwoord: /uitstel van betaling/i }, regel: 'keyword phrase with a stop word' },
  // A casusregisseur is the function for multiproblematiek (its synonym casusregie).
  { zoekterm: 'multiproblematiek tilburg', relevant: ['maatwerk-tilburg'], ookRelevant: [{ organisatie: ['gm0855'], expertisegebied: ['multiproblematiek'] }, { organisatie: ['gm0855'], functie: /casusregisseur/i }], regel: 'theme + organisation, competing', competing: true },
  { zoekterm: 'doorbraakmethode tilburg', relevant: ['maatwerk-tilburg'], ookRelevant: { organisatie: ['gm0855'], expertisegebied: ['doorbraakmethode'] }, regel: 'method + organisation, competing', competing: true },
  { zoekterm: 'escalatieladder uwv', relevant: ['maatwerk-uwv'], ookRelevant: { organisatie: ['zb000117'], expertisegebied: ['escalatieladder'] }, regel: 'method + organisation, competing', competing: true },
  { zoekterm: 'terugvordering uwv', relevant: ['maatwerk-uwv'], ookRelevant: [{ organisatie: ['zb000117'], expertisegebied: ['terugvordering'] }, { organisatie: ['zb000117'], trefwoord: /terugvordering/i }], regel: 'theme + organisation, competing', competing: true },
  { zoekterm: 'hardheden uwv', relevant: ['peter-uwv', 'maatwerk-uwv'], ookRelevant: { organisatie: ['zb000117'], expertisegebied: ['hardheden'] }, regel: 'theme + organisation, competing', competing: true },
  { zoekterm: 'ggz den haag', relevant: ['jeroen-denhaag'], ookRelevant: { organisatie: ['gm0518'], expertisegebied: ['ggz'] }, regel: 'abbreviation + organisation, competing', competing: true },
  { zoekterm: 'mantelzorg', relevant: ['anouk-amsterdam'], ookRelevant: { trefwoord: /mantelzorg/i }, regel: 'keyword' },
  { zoekterm: 'regie huishoudens rotterdam', relevant: ['samira-rotterdam'], ookRelevant: [{ organisatie: ['gm0599'], expertisegebied: ['multiproblematiek'] }, { organisatie: ['gm0599'], functie: /casusregisseur/i }], regel: 'synonym + free text + organisation' },
  // "ouders" also stems like "ouderen" (an AOW synonym): SVB entries that list hersteloperatie as a keyword compete.
  { zoekterm: 'hersteloperatie ouders', relevant: ['nadia-toeslagen'], ookRelevant: { expertisegebied: ['kinderopvangtoeslag'] }, regel: 'free text + synonym: evidence in several fields, competing', competing: true },
  { zoekterm: 'vastlopen tussen organisaties', relevant: ['pmm-desk'], regel: 'free text (stemmed: vastlopen ~ vastgelopen)' },
  { zoekterm: 'Sjoerd Dijkstra', relevant: ['sjoerd-groningen'], regel: 'full name beside namesakes' },
  { zoekterm: 'Koen Brouwer', relevant: ['koen-arnhem'], regel: 'full name beside namesakes' },
  { zoekterm: 'Mark van Gestel', relevant: ['mark-tilburg'], regel: 'full name with a particle' },
  { zoekterm: 'dijkstra groningen', relevant: ['sjoerd-groningen'], ookRelevant: { organisatie: ['gm0014'], naam: /Dijkstra$/ }, regel: 'surname + organisation' },
  { zoekterm: 'de boer tilburg', relevant: ['eva-tilburg'], ookRelevant: { organisatie: ['gm0855'], naam: /de Boer$/ }, regel: 'surname with a particle + organisation' },
  { zoekterm: 'visser uwv', relevant: ['sanne-uwv'], ookRelevant: { organisatie: ['zb000117'], naam: /Visser$/ }, regel: 'surname + organisation' },
  { zoekterm: 'bakker cak', relevant: ['joelle-cak'], ookRelevant: { organisatie: ['zb000211'], naam: /Bakker$/ }, regel: 'surname + organisation, competing', competing: true },
  // A surname alone: every Hoekstra is as good an answer as the next.
  { zoekterm: 'hoekstra', relevant: ['wietske-groningen', 'olga-szw'], ookRelevant: { naam: /Hoekstra$/ }, regel: 'surname, competing', competing: true },
  { zoekterm: 'jansen rotterdam', relevant: ['pieter-rotterdam'], ookRelevant: { organisatie: ['gm0599'], naam: /Jansen$/ }, regel: 'surname + organisation' },
  { zoekterm: 'schuldhulpverlening tilburg vroegsignalering huisbezoek', relevant: ['eva-tilburg'], ookRelevant: { organisatie: ['gm0855'], expertisegebied: ['schulden'] }, regel: 'four words in four fields, competing', competing: true },
  { zoekterm: 'wmo amsterdam mantelzorg hulpmiddelen', relevant: ['anouk-amsterdam'], ookRelevant: { organisatie: ['gm0363'], expertisegebied: ['wmo'] }, regel: 'four words in three fields' },
];
