import type { SearchFilters } from '../../../src/search/port.js';

/**
 * Judged queries: what people type, and whom they should find (keys of entries.ts). A query succeeds when one of
 * its relevant entries is in the top three. Each matching rule of the search issue has queries here.
 */
export interface Judgement {
  zoekterm: string;
  filters?: SearchFilters;
  relevant: string[];
  /** For topic queries: anyone with this expertise (or a descendant) or a function like this is relevant too. */
  ookRelevant?: { expertisegebied?: string[]; functie?: RegExp };
  /** Which rule the query exercises. */
  regel: string;
}

export const judgements: Judgement[] = [
  { zoekterm: 'schuldhulp tilburg', relevant: ['eva-tilburg'], regel: 'compound part + organisation' },
  { zoekterm: 'zorgpremie achterstand', relevant: ['joelle-cak'], regel: 'taxonomy synonyms + compound part' },
  { zoekterm: 'Pw bijstand rotterdam', relevant: ['pieter-rotterdam', 'henk-rotterdam'], regel: 'abbreviation + synonym + organisation' },
  { zoekterm: 'Joelle CAK', relevant: ['joelle-cak'], regel: 'diacritics + organisation' },
  { zoekterm: 'Joëlle', relevant: ['joelle-cak'], regel: 'name with diacritics' },
  { zoekterm: 'wanbetalers', relevant: ['joelle-cak'], ookRelevant: { expertisegebied: ['wanbetalersregeling'] }, regel: 'function / taxonomy' },
  { zoekterm: 'Wmo amsterdam', relevant: ['anouk-amsterdam'], regel: 'abbreviation + organisation' },
  { zoekterm: 'wet maatschappelijke ondersteuning den haag', relevant: ['jeroen-denhaag'], regel: 'synonym phrase + organisation' },
  { zoekterm: 'UWV arbeidsongeschiktheid', relevant: ['sanne-uwv'], regel: 'organisation abbreviation + synonym' },
  { zoekterm: 'WIA', relevant: ['sanne-uwv'], ookRelevant: { expertisegebied: ['wia'] }, regel: 'law abbreviation' },
  { zoekterm: 'uitvoeringsinstituut ww', relevant: ['peter-uwv'], regel: 'organisation name + law' },
  { zoekterm: 'wajong', relevant: ['esther-uwv'], ookRelevant: { expertisegebied: ['wajong'] }, regel: 'law' },
  { zoekterm: 'kinderbijslag', relevant: ['tom-svb'], ookRelevant: { expertisegebied: ['kinderbijslag'] }, regel: 'law' },
  { zoekterm: 'AOW', relevant: ['karin-svb'], ookRelevant: { expertisegebied: ['aow'] }, regel: 'law abbreviation' },
  { zoekterm: 'nabestaanden', relevant: ['els-svb'], ookRelevant: { expertisegebied: ['anw'] }, regel: 'synonym' },
  { zoekterm: 'studieschuld', relevant: ['priya-duo'], ookRelevant: { expertisegebied: ['studiefinanciering'] }, regel: 'taxonomy + function' },
  { zoekterm: 'DUO stufi', relevant: ['priya-duo', 'levi-duo'], regel: 'organisation abbreviation + colloquial synonym' },
  { zoekterm: 'belastingdienst betalingsregeling', relevant: ['ayse-belastingdienst'], regel: 'organisation + keyword' },
  { zoekterm: 'kinderopvangtoeslag hersteloperatie', relevant: ['nadia-toeslagen'], regel: 'law + free text' },
  { zoekterm: 'huurtoeslag', relevant: ['stefan-toeslagen'], ookRelevant: { expertisegebied: ['huurtoeslag'] }, regel: 'law' },
  { zoekterm: 'toeslagen terugvordering', relevant: ['ilse-toeslagen'], regel: 'organisation + theme' },
  { zoekterm: 'CJIB verkeersboete', relevant: ['rachid-cjib'], regel: 'organisation abbreviation + keyword' },
  { zoekterm: 'alimentatie', relevant: ['annelies-lbio'], ookRelevant: { expertisegebied: ['onderhoudsbijdragen'] }, regel: 'synonym' },
  { zoekterm: 'LBIO', relevant: ['annelies-lbio'], regel: 'organisation abbreviation' },
  { zoekterm: 'verblijfsvergunning', relevant: ['hamza-ind'], ookRelevant: { expertisegebied: ['verblijfsrecht'] }, regel: 'synonym' },
  { zoekterm: 'escalatie PMM', relevant: ['pmm-desk'], regel: 'theme + organisation' },
  { zoekterm: 'briefadres amsterdam', relevant: ['marloes-amsterdam'], regel: 'keyword + organisation' },
  { zoekterm: 'dakloos', relevant: ['marloes-amsterdam'], ookRelevant: { expertisegebied: ['dakloosheid'] }, regel: 'synonym' },
  { zoekterm: 'inburgering utrecht', relevant: ['ruud-utrecht'], regel: 'law + organisation' },
  { zoekterm: 'leerplicht', relevant: ['lotte-utrecht'], ookRelevant: { expertisegebied: ['leerplicht'] }, regel: 'law' },
  { zoekterm: 'BVV eindhoven', relevant: ['bram-eindhoven'], regel: 'abbreviation + organisation' },
  { zoekterm: 'beslagvrije voet', relevant: ['bram-eindhoven'], ookRelevant: { expertisegebied: ['beslag-bvv'] }, regel: 'taxonomy phrase' },
  { zoekterm: 'bewindvoering den haag', relevant: ['fatima-denhaag'], regel: 'keyword + organisation' },
  { zoekterm: 'kwijtschelding groningen', relevant: ['wietske-groningen'], regel: 'keyword + organisation' },
  { zoekterm: 'zzp ondernemer almere', relevant: ['chantal-almere'], regel: 'stemming (ondernemers) + organisation' },
  { zoekterm: 'urgentieverklaring', relevant: ['inge-nijmegen'], ookRelevant: { expertisegebied: ['urgentie'] }, regel: 'synonym' },
  { zoekterm: 'ex-gedetineerden', relevant: ['koen-arnhem'], regel: 'hyphenated synonym' },
  { zoekterm: 'jeugdhulp zwolle', relevant: ['femke-zwolle'], regel: 'compound part + organisation' },
  { zoekterm: 'vroegsignalering hertogenbosch', relevant: ['noor-denbosch'], regel: 'method + part of hyphenated name' },
  { zoekterm: 'lvb breda', relevant: ['dewi-breda'], regel: 'abbreviation + organisation' },
  { zoekterm: 'huiselijk geweld maastricht', relevant: ['rene-maastricht'], regel: 'theme + organisation' },
  { zoekterm: 'inburgering enschede', relevant: ['hatice-enschede'], regel: 'law + organisation' },
  { zoekterm: 'armoede leiden', relevant: ['maarten-leiden'], regel: 'function word + organisation' },
  { zoekterm: 'bijzondere bijstand haarlem', relevant: ['sanne-haarlem'], regel: 'synonym phrase + organisation' },
  { zoekterm: 'wethouder', relevant: ['gijs-apeldoorn'], ookRelevant: { functie: /wethouder/i }, regel: 'function' },
  { zoekterm: 'studiefinanciering delft', relevant: ['lieke-delft'], regel: 'law + organisation' },
  { zoekterm: 'beschermd wonen', relevant: ['wouter-deventer'], regel: 'keyword phrase' },
  { zoekterm: 'Wlz indicatie', relevant: ['mirjam-ciz'], regel: 'law + compound part (indicatiesteller)' },
  { zoekterm: 'eigen bijdrage wlz', relevant: ['hans-cak'], regel: 'function words + law' },
  { zoekterm: 'gegevensdeling AVG', relevant: ['cees-bzk'], regel: 'theme + abbreviation' },
  { zoekterm: 'hardheden ministerie', relevant: ['olga-szw'], regel: 'theme + organisation type word' },
  { zoekterm: 'schuldhulpverlner', relevant: ['eva-tilburg', 'fatima-denhaag'], ookRelevant: { functie: /schuldhulpverlener/i }, regel: 'typo (deletion) in a long word' },
  { zoekterm: 'arbeidsdeskundge', relevant: ['sanne-uwv'], ookRelevant: { functie: /arbeidsdeskundige/i }, regel: 'typo' },
  { zoekterm: 'kinderbijslg', relevant: ['tom-svb'], ookRelevant: { expertisegebied: ['kinderbijslag'] }, regel: 'typo' },
  { zoekterm: 'wanbet', relevant: ['joelle-cak'], ookRelevant: { expertisegebied: ['wanbetalersregeling'] }, regel: 'prefix while typing' },
  { zoekterm: 'leerpl', relevant: ['lotte-utrecht'], ookRelevant: { expertisegebied: ['leerplicht'], functie: /leerplicht/i }, regel: 'prefix while typing' },
  { zoekterm: 'Hatice Yilmaz', relevant: ['hatice-enschede'], regel: 'dotless ı = i' },
  { zoekterm: 'Ayse Ozturk', relevant: ['ayse-belastingdienst'], regel: 'diacritics (ş, ö)' },
  { zoekterm: 'casusregisseur rotterdam', relevant: ['samira-rotterdam'], regel: 'function + organisation' },
  { zoekterm: 'maatwerkteam uwv', relevant: ['maatwerk-uwv'], regel: 'team entry' },
  { zoekterm: 'schulden', filters: { organisatie: ['gm0518'] }, relevant: ['fatima-denhaag'], regel: 'text + organisation filter' },
  { zoekterm: 'participatiewet', filters: { provincie: ['Fryslân'] }, relevant: ['hylke-leeuwarden'], regel: 'text + province filter via werkgebied' },
];
