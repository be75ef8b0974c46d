import type { SyntheticEntry } from '../../../db/seed/synthetic.js';

/**
 * The relevance fixture: the people a judged query should find, written out so a reader can check the judgements.
 * `fillers.ts` adds a few hundred realistic distractors at other organisations. When a user reports a miss, add the
 * entry they expected here and the query to judgements.ts.
 */

type Entry = SyntheticEntry & { geverifieerdOp?: Date | null; afwezigTot?: string | null };

const p = (
  key: string,
  organisatie: string,
  naam: string,
  functie: string,
  rolniveau: Entry['rolniveau'],
  expertisegebieden: string[],
  extra: Partial<Entry> = {},
): Entry => ({
  soort: 'persoon',
  naam,
  functie,
  afdeling: null,
  organisatie,
  rolniveau,
  expertisegebieden,
  trefwoorden: [],
  werkgebied: [],
  email: `${key}@relevantie.example`,
  telefoon: '+31201234567',
  bereikbaarheid: null,
  overMij: null,
  zichtbaarheid: 'alle-professionals',
  escalatiecontact: false,
  ...extra,
});

const team = (key: string, organisatie: string, naam: string, expertisegebieden: string[], extra: Partial<Entry> = {}): Entry =>
  p(key, organisatie, naam, 'Functioneel contactpunt maatwerk', 'coordinatie', expertisegebieden, { soort: 'team', escalatiecontact: true, ...extra });

export const targetEntries: Entry[] = [
  // Tilburg
  p('eva-tilburg', 'gm0855', 'Eva de Boer', 'Schuldhulpverlener', 'specialist', ['schulden', 'wgs'], { afdeling: 'Schuldhulpverlening', trefwoorden: ['vroegsignalering', 'huisbezoek'] }),
  p('mark-tilburg', 'gm0855', 'Mark van Gestel', 'Consulent werk en inkomen', 'uitvoering', ['participatiewet'], { afdeling: 'Werk en Inkomen' }),
  team('maatwerk-tilburg', 'gm0855', 'Maatwerkteam Tilburg', ['multiproblematiek', 'doorbraakmethode']),
  // Rotterdam
  p('pieter-rotterdam', 'gm0599', 'Pieter Jansen', 'Klantmanager bijstand', 'uitvoering', ['participatiewet', 'minimaregelingen']),
  p('samira-rotterdam', 'gm0599', 'Samira Bouzid', 'Casusregisseur', 'specialist', ['multiproblematiek', 'schulden'], { overMij: 'Regie bij huishoudens met problemen op meerdere leefgebieden.' }),
  p('henk-rotterdam', 'gm0599', 'Henk Visser', 'Directeur Werk en Inkomen', 'management', ['participatiewet', 'bouwsteen-bestuurlijk']),
  team('escalatie-rotterdam', 'gm0599', 'Escalatieloket Rotterdam', ['escalatieladder', 'multiproblematiek']),
  // Amsterdam
  p('anouk-amsterdam', 'gm0363', 'Anouk Meijer', 'Wmo-consulent', 'uitvoering', ['wmo'], { trefwoorden: ['hulpmiddelen', 'mantelzorg'] }),
  p('youssef-amsterdam', 'gm0363', 'Youssef El Khatib', 'Jeugdconsulent', 'specialist', ['jeugdwet', 'huiselijk-geweld']),
  p('marloes-amsterdam', 'gm0363', 'Marloes Dekker', 'Regisseur dakloosheid', 'specialist', ['dakloosheid', 'brp-briefadres'], { trefwoorden: ['briefadres', 'nachtopvang'] }),
  // Utrecht
  p('ruud-utrecht', 'gm0344', 'Ruud de Wit', 'Beleidsadviseur inburgering', 'specialist', ['inburgering'], { trefwoorden: ['statushouders'] }),
  p('lotte-utrecht', 'gm0344', 'Lotte Verbeek', 'Leerplichtambtenaar', 'uitvoering', ['leerplicht']),
  // Den Haag
  p('fatima-denhaag', 'gm0518', 'Fatima Ouali', 'Schuldhulpverlener', 'uitvoering', ['schulden', 'budgetbeheer'], { trefwoorden: ['bewindvoering'] }),
  p('jeroen-denhaag', 'gm0518', 'Jeroen Kok', 'Teamleider Wmo', 'coordinatie', ['wmo', 'ggz']),
  // Groningen
  p('wietske-groningen', 'gm0014', 'Wietske Hoekstra', 'Consulent minimabeleid', 'uitvoering', ['minimaregelingen'], { trefwoorden: ['kwijtschelding', 'energietoeslag'] }),
  p('sjoerd-groningen', 'gm0014', 'Sjoerd Dijkstra', 'Coördinator sociaal wijkteam', 'coordinatie', ['multiproblematiek', 'wmo']),
  // Almere
  p('chantal-almere', 'gm0034', 'Chantal Mulder', 'Consulent Bbz', 'specialist', ['bbz'], { trefwoorden: ['ondernemers', 'zzp'] }),
  // Eindhoven
  p('bram-eindhoven', 'gm0772', 'Bram Verhoeven', 'Schulddienstverlener', 'specialist', ['schulden', 'beslag-bvv']),
  // Nijmegen
  p('inge-nijmegen', 'gm0268', 'Inge Peters', 'Adviseur huisvesting', 'specialist', ['wonen', 'urgentie']),
  // Arnhem
  p('koen-arnhem', 'gm0202', 'Koen Brouwer', 'Nazorgcoördinator', 'coordinatie', ['nazorg-detentie'], { overMij: 'Aanspreekpunt voor ex-gedetineerden die terugkeren naar Arnhem.' }),
  // Zwolle
  p('femke-zwolle', 'gm0193', 'Femke Bos', 'Jeugdhulpregisseur', 'specialist', ['jeugdwet']),
  // Leeuwarden
  p('hylke-leeuwarden', 'gm0080', 'Hylke Zijlstra', 'Consulent werk', 'uitvoering', ['participatiewet'], { werkgebied: ['Fryslân'] }),
  // 's-Hertogenbosch
  p('noor-denbosch', 'gm0796', 'Noor van der Heijden', 'Vroegsignaleerder schulden', 'uitvoering', ['vroegsignalering', 'schulden']),
  // Breda
  p('dewi-breda', 'gm0758', 'Dewi Sewnarain', 'Wijkcoach', 'uitvoering', ['multiproblematiek', 'lvb']),
  // Maastricht
  p('rene-maastricht', 'gm0935', 'René Janssen', 'Casemanager huiselijk geweld', 'specialist', ['huiselijk-geweld']),
  // Enschede
  p('hatice-enschede', 'gm0153', 'Hatice Yılmaz', 'Consulent inburgering', 'uitvoering', ['inburgering']),
  // Leiden
  p('maarten-leiden', 'gm0546', 'Maarten de Graaf', 'Beleidsmedewerker armoede', 'specialist', ['minimaregelingen', 'bouwsteen-monitoren']),
  // Haarlem
  p('sanne-haarlem', 'gm0392', 'Sanne Willems', 'Consulent bijzondere bijstand', 'uitvoering', ['participatiewet']),
  // Apeldoorn
  p('gijs-apeldoorn', 'gm0200', 'Gijs Kramer', 'Wethouder sociaal domein', 'bestuur', ['bouwsteen-bestuurlijk', 'multiproblematiek']),
  // Delft
  p('lieke-delft', 'gm0503', 'Lieke Groenewegen', 'Studentadviseur', 'uitvoering', ['studiefinanciering']),
  // Deventer
  p('wouter-deventer', 'gm0150', 'Wouter Postma', 'Specialist beschermd wonen', 'specialist', ['wmo', 'ggz'], { trefwoorden: ['beschermd wonen'] }),

  // UWV
  p('sanne-uwv', 'zb000117', 'Sanne Visser', 'Arbeidsdeskundige', 'specialist', ['wia', 'ziektewet']),
  p('peter-uwv', 'zb000117', 'Peter de Haan', 'Adviseur maatwerk WW', 'specialist', ['ww', 'hardheden']),
  p('esther-uwv', 'zb000117', 'Esther Vos', 'Teamleider Wajong', 'coordinatie', ['wajong']),
  team('maatwerk-uwv', 'zb000117', 'Maatwerkteam UWV', ['escalatieladder', 'hardheden', 'terugvordering']),
  // SVB
  p('karin-svb', 'zb000143', 'Karin Smits', 'Specialist AOW en AIO', 'specialist', ['aow']),
  p('tom-svb', 'zb000143', 'Tom Prins', 'Klantadviseur kinderbijslag', 'uitvoering', ['kinderbijslag']),
  p('els-svb', 'zb000143', 'Els Blom', 'Coördinator Anw', 'coordinatie', ['anw']),
  // CAK
  p('joelle-cak', 'zb000211', 'Joëlle Bakker', 'Specialist wanbetalersregeling', 'specialist', ['wanbetalersregeling', 'zorgverzekering'], { trefwoorden: ['premieachterstand', 'bronheffing'] }),
  p('hans-cak', 'zb000211', 'Hans Koster', 'Adviseur eigen bijdrage Wlz', 'specialist', ['wlz']),
  // CIZ
  p('mirjam-ciz', 'zb000207', 'Mirjam van Dam', 'Indicatiesteller', 'specialist', ['wlz']),
  // DUO
  p('priya-duo', 'oorg10148', 'Priya Ramdin', 'Specialist studieschuld', 'specialist', ['studiefinanciering'], { trefwoorden: ['draagkracht', 'terugbetalen'] }),
  p('levi-duo', 'oorg10148', 'Levi Schouten', 'Teamleider klantcontact', 'coordinatie', ['studiefinanciering', 'een-overheid']),
  // Belastingdienst
  p('ayse-belastingdienst', 'oorg12368', 'Ayşe Öztürk', 'Medewerker invordering', 'uitvoering', ['belastingen', 'kwijtscheldingsroute'], { trefwoorden: ['betalingsregeling', 'uitstel van betaling'] }),
  p('arjen-belastingdienst', 'oorg12368', 'Arjen Maas', 'Adviseur persoonlijke aanpak', 'specialist', ['belastingen', 'hardheden']),
  // Dienst Toeslagen
  p('nadia-toeslagen', 'dienst-toeslagen', 'Nadia Boukhari', 'Persoonlijk zaakbehandelaar', 'specialist', ['kinderopvangtoeslag'], { overMij: 'Ik begeleid ouders in de hersteloperatie kinderopvangtoeslag.' }),
  p('stefan-toeslagen', 'dienst-toeslagen', 'Stefan van Leeuwen', 'Specialist huurtoeslag', 'specialist', ['huurtoeslag', 'zorgtoeslag']),
  p('ilse-toeslagen', 'dienst-toeslagen', 'Ilse Hendriks', 'Manager terugvorderingen', 'management', ['toeslagen', 'terugvordering']),
  // CJIB
  p('rachid-cjib', 'oorg10111', 'Rachid Amrani', 'Specialist betalingsregelingen boetes', 'specialist', ['boetes-cjib'], { trefwoorden: ['verkeersboete', 'Wahv'] }),
  // LBIO
  p('annelies-lbio', 'zb000179', 'Annelies Vermeulen', 'Medewerker inning alimentatie', 'uitvoering', ['onderhoudsbijdragen']),
  // IND
  p('hamza-ind', 'ind', 'Hamza Benali', 'Beslismedewerker verblijf', 'uitvoering', ['verblijfsrecht']),
  // PMM
  team('pmm-desk', 'pmm', 'PMM Escalatiedesk', ['multiproblematiek', 'escalatieladder', 'doorbraakmethode'], { overMij: 'Voor casussen die vastlopen tussen organisaties.' }),
  // Ministries
  p('olga-szw', 'mnre1073', 'Olga Hoekstra', 'Programmamanager maatwerk', 'management', ['hardheden', 'bouwsteen-leren'], { afdeling: 'Directie Participatie en Decentrale Voorzieningen' }),
  p('cees-bzk', 'mnre1034', 'Cees Bosman', 'Senior beleidsadviseur gegevensdeling', 'specialist', ['gegevensdeling']),
];
