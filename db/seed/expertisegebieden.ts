import type { ExpertiseCategorie } from '../schema/index.js';

/**
 * The curated expertise taxonomy. Codes are stable (they are stored on entries and used in the API); names,
 * descriptions and synonyms may be improved at any time. Synonyms include abbreviations and the words people
 * actually type; search expands them both ways (Pw ⇄ Participatiewet ⇄ bijstand).
 *
 * Order within the list is the display order. A node's parent must appear before it.
 */
export interface ExpertisegebiedNode {
  code: string;
  naam: string;
  categorie: ExpertiseCategorie;
  parent?: string;
  omschrijving: string;
  synoniemen: string[];
}

export const taxonomie: ExpertisegebiedNode[] = [
  // ── Beleidsdomeinen ──────────────────────────────────────────────────────────────────────────────────────
  { code: 'schulden', naam: 'Schulden en schuldhulpverlening', categorie: 'beleidsdomein', omschrijving: 'Problematische schulden, vroegsignalering, schuldregelingen en budgetbeheer.', synoniemen: ['schuldhulp', 'schuldhulpverlening', 'schuldsanering', 'geldzorgen', 'betalingsachterstanden'] },
  { code: 'wgs', naam: 'Wet gemeentelijke schuldhulpverlening', categorie: 'wet', parent: 'schulden', omschrijving: 'De gemeentelijke taak om schuldhulpverlening te bieden, inclusief vroegsignalering.', synoniemen: ['Wgs', 'vroegsignalering'] },
  { code: 'wsnp', naam: 'Wettelijke schuldsanering (Wsnp)', categorie: 'wet', parent: 'schulden', omschrijving: 'De wettelijke schuldsaneringsregeling natuurlijke personen via de rechtbank.', synoniemen: ['WSNP', 'Wet schuldsanering natuurlijke personen', 'schuldsaneringsregeling'] },
  { code: 'beslag-bvv', naam: 'Beslag en beslagvrije voet', categorie: 'thema', parent: 'schulden', omschrijving: 'Loon- en uitkeringsbeslag, verrekening en de berekening van de beslagvrije voet.', synoniemen: ['BVV', 'beslagvrije voet', 'loonbeslag', 'beslaglegging', 'verrekening', 'deurwaarder'] },
  { code: 'budgetbeheer', naam: 'Budgetbeheer en bewindvoering', categorie: 'thema', parent: 'schulden', omschrijving: 'Budgetbeheer, beschermingsbewind en inkomensbeheer.', synoniemen: ['bewindvoering', 'beschermingsbewind', 'inkomensbeheer', 'budgetcoaching'] },

  { code: 'inkomen', naam: 'Inkomen en bestaanszekerheid', categorie: 'beleidsdomein', omschrijving: 'Uitkeringen, inkomensondersteuning en bestaansminimum.', synoniemen: ['bestaanszekerheid', 'inkomensondersteuning', 'minimabeleid'] },
  { code: 'participatiewet', naam: 'Participatiewet en bijstand', categorie: 'wet', parent: 'inkomen', omschrijving: 'Algemene bijstand, bijzondere bijstand, re-integratie en de kostendelersnorm.', synoniemen: ['Pw', 'bijstand', 'bijstandsuitkering', 'PW', 'WWB', 'Wet werk en bijstand', 'kostendelersnorm', 'bijzondere bijstand'] },
  { code: 'ioaw-ioaz', naam: 'IOAW en IOAZ', categorie: 'wet', parent: 'inkomen', omschrijving: 'Inkomensvoorziening voor oudere en gedeeltelijk arbeidsongeschikte werkloze werknemers en zelfstandigen.', synoniemen: ['IOAW', 'IOAZ'] },
  { code: 'bbz', naam: 'Besluit bijstandverlening zelfstandigen (Bbz)', categorie: 'wet', parent: 'inkomen', omschrijving: 'Ondersteuning van zelfstandig ondernemers met inkomens- of bedrijfsproblemen.', synoniemen: ['Bbz', 'zelfstandigen', 'ondernemers', 'zzp'] },
  { code: 'minimaregelingen', naam: 'Minimaregelingen en kwijtschelding', categorie: 'thema', parent: 'inkomen', omschrijving: 'Individuele inkomenstoeslag, kwijtschelding van lokale belastingen en collectieve zorgverzekering.', synoniemen: ['kwijtschelding', 'individuele inkomenstoeslag', 'IIT', 'meedoenregeling', 'minima'] },

  { code: 'toeslagen', naam: 'Toeslagen', categorie: 'beleidsdomein', omschrijving: 'Inkomensafhankelijke toeslagen van Dienst Toeslagen: aanvragen, wijzigen, terugvorderen.', synoniemen: ['Awir', 'toeslag', 'terugvordering toeslag'] },
  { code: 'zorgtoeslag', naam: 'Zorgtoeslag', categorie: 'wet', parent: 'toeslagen', omschrijving: 'Tegemoetkoming in de premie voor de zorgverzekering.', synoniemen: ['Wet op de zorgtoeslag', 'Wzt'] },
  { code: 'huurtoeslag', naam: 'Huurtoeslag', categorie: 'wet', parent: 'toeslagen', omschrijving: 'Bijdrage in de huurkosten.', synoniemen: ['huursubsidie', 'Wet op de huurtoeslag', 'Wht'] },
  { code: 'kinderopvangtoeslag', naam: 'Kinderopvangtoeslag', categorie: 'wet', parent: 'toeslagen', omschrijving: 'Bijdrage in de kosten van kinderopvang, inclusief de hersteloperatie.', synoniemen: ['KOT', 'kinderopvang', 'hersteloperatie', 'toeslagenaffaire', 'UHT', 'herstel toeslagen'] },
  { code: 'kindgebonden-budget', naam: 'Kindgebonden budget', categorie: 'wet', parent: 'toeslagen', omschrijving: 'Bijdrage in de kosten van kinderen voor ouders met een lager inkomen.', synoniemen: ['KGB', 'Wet op het kindgebonden budget', 'WKB'] },

  { code: 'belastingen', naam: 'Belastingen en invordering', categorie: 'beleidsdomein', omschrijving: 'Inkomstenbelasting, aanslagen, betalingsregelingen en invordering door de Belastingdienst en gemeenten.', synoniemen: ['belasting', 'invordering', 'aanslag', 'betalingsregeling', 'inkomstenbelasting', 'IB', 'gemeentelijke belastingen'] },
  { code: 'zorgverzekering', naam: 'Zorgverzekering en zorgpremie', categorie: 'beleidsdomein', omschrijving: 'Basisverzekering, premieachterstanden en de wanbetalersregeling.', synoniemen: ['Zvw', 'Zorgverzekeringswet', 'zorgpremie', 'premieachterstand', 'eigen risico'] },
  { code: 'wanbetalersregeling', naam: 'Wanbetalersregeling', categorie: 'thema', parent: 'zorgverzekering', omschrijving: 'Bestuursrechtelijke premie via het CAK bij een premieachterstand van zes maanden of meer.', synoniemen: ['wanbetalers', 'bestuursrechtelijke premie', 'bronheffing', 'onverzekerden'] },

  { code: 'zorg-ondersteuning', naam: 'Zorg en ondersteuning', categorie: 'beleidsdomein', omschrijving: 'Maatschappelijke ondersteuning, jeugdhulp en langdurige zorg.', synoniemen: ['sociaal domein', 'zorg'] },
  { code: 'wmo', naam: 'Wmo 2015', categorie: 'wet', parent: 'zorg-ondersteuning', omschrijving: 'Maatschappelijke ondersteuning door de gemeente: begeleiding, beschermd wonen, mantelzorg, hulpmiddelen.', synoniemen: ['Wmo', 'WMO', 'Wet maatschappelijke ondersteuning', 'maatschappelijke ondersteuning', 'keukentafelgesprek', 'eigen bijdrage Wmo'] },
  { code: 'jeugdwet', naam: 'Jeugdwet', categorie: 'wet', parent: 'zorg-ondersteuning', omschrijving: 'Jeugdhulp, jeugdbescherming en jeugdreclassering.', synoniemen: ['jeugdhulp', 'jeugdzorg', 'jeugdbescherming', 'Jw'] },
  { code: 'wlz', naam: 'Wet langdurige zorg (Wlz)', categorie: 'wet', parent: 'zorg-ondersteuning', omschrijving: 'Langdurige zorg met een indicatie van het CIZ; eigen bijdrage via het CAK.', synoniemen: ['Wlz', 'WLZ', 'langdurige zorg', 'CIZ-indicatie', 'AWBZ'] },
  { code: 'ggz', naam: 'Geestelijke gezondheidszorg', categorie: 'thema', parent: 'zorg-ondersteuning', omschrijving: 'Psychische problematiek, verslaving en verward gedrag.', synoniemen: ['GGZ', 'psychische problemen', 'verslaving', 'verward gedrag', 'Wvggz', 'Wet verplichte ggz'] },
  { code: 'lvb', naam: 'Licht verstandelijke beperking', categorie: 'thema', parent: 'zorg-ondersteuning', omschrijving: 'Mensen met een licht verstandelijke beperking en beperkte zelfredzaamheid.', synoniemen: ['LVB', 'verstandelijke beperking', 'zelfredzaamheid', 'laaggeletterdheid'] },

  { code: 'werk-sociale-zekerheid', naam: 'Werk en sociale zekerheid', categorie: 'beleidsdomein', omschrijving: 'Werknemersverzekeringen en re-integratie (UWV).', synoniemen: ['sociale zekerheid', 'werknemersverzekeringen', 're-integratie', 'arbeidsmarkt'] },
  { code: 'ww', naam: 'Werkloosheidswet (WW)', categorie: 'wet', parent: 'werk-sociale-zekerheid', omschrijving: 'Werkloosheidsuitkering en de verplichtingen die daarbij horen.', synoniemen: ['WW', 'werkloosheidsuitkering', 'werkloosheid', 'Werkloosheidswet'] },
  { code: 'wia', naam: 'WIA (WGA en IVA)', categorie: 'wet', parent: 'werk-sociale-zekerheid', omschrijving: 'Arbeidsongeschiktheid na twee jaar ziekte: WGA en IVA, inclusief claimbeoordeling.', synoniemen: ['WIA', 'WGA', 'IVA', 'Wet werk en inkomen naar arbeidsvermogen', 'arbeidsongeschiktheid', 'WAO'] },
  { code: 'wajong', naam: 'Wajong', categorie: 'wet', parent: 'werk-sociale-zekerheid', omschrijving: 'Arbeidsongeschiktheidsvoorziening voor jonggehandicapten.', synoniemen: ['Wajong', 'jonggehandicapten', 'arbeidsongeschiktheidsvoorziening jonggehandicapten'] },
  { code: 'ziektewet', naam: 'Ziektewet (ZW)', categorie: 'wet', parent: 'werk-sociale-zekerheid', omschrijving: 'Ziekengeld voor wie geen werkgever (meer) heeft.', synoniemen: ['ZW', 'ziekengeld', 'Ziektewet', 'vangnetters'] },
  { code: 'tw', naam: 'Toeslagenwet (TW)', categorie: 'wet', parent: 'werk-sociale-zekerheid', omschrijving: 'Aanvulling op een uitkering tot het sociaal minimum.', synoniemen: ['TW', 'Toeslagenwet', 'toeslag op uitkering'] },

  { code: 'volksverzekeringen', naam: 'Volksverzekeringen en kinderbijslag', categorie: 'beleidsdomein', omschrijving: 'AOW, Anw en kinderbijslag (SVB).', synoniemen: ['SVB-regelingen', 'volksverzekering'] },
  { code: 'aow', naam: 'AOW', categorie: 'wet', parent: 'volksverzekeringen', omschrijving: 'Algemene ouderdomsuitkering, inclusief de AIO-aanvulling.', synoniemen: ['AOW', 'Algemene Ouderdomswet', 'pensioen', 'AIO', 'aanvullende inkomensvoorziening ouderen'] },
  { code: 'anw', naam: 'Anw', categorie: 'wet', parent: 'volksverzekeringen', omschrijving: 'Nabestaandenuitkering en wezenuitkering.', synoniemen: ['Anw', 'Algemene nabestaandenwet', 'nabestaanden', 'weduwe', 'weduwnaar'] },
  { code: 'kinderbijslag', naam: 'Kinderbijslag', categorie: 'wet', parent: 'volksverzekeringen', omschrijving: 'Bijdrage in de kosten van kinderen, inclusief de tegemoetkoming voor thuiswonende gehandicapte kinderen.', synoniemen: ['AKW', 'Algemene Kinderbijslagwet', 'TOG'] },

  { code: 'onderwijs', naam: 'Onderwijs en studiefinanciering', categorie: 'beleidsdomein', omschrijving: 'Studiefinanciering, studieschuld, leerplicht en voortijdig schoolverlaten.', synoniemen: ['onderwijs', 'school'] },
  { code: 'studiefinanciering', naam: 'Studiefinanciering en studieschuld', categorie: 'wet', parent: 'onderwijs', omschrijving: 'Studiefinanciering, terugbetaling van studieschuld en de draagkrachtregeling bij DUO.', synoniemen: ['stufi', 'studieschuld', 'WSF', 'Wet studiefinanciering', 'draagkracht', 'studielening', 'lesgeld'] },
  { code: 'leerplicht', naam: 'Leerplicht en voortijdig schoolverlaten', categorie: 'wet', parent: 'onderwijs', omschrijving: 'Leerplicht, kwalificatieplicht, verzuim en RMC-trajecten.', synoniemen: ['leerplichtwet', 'leerplichtambtenaar', 'RMC', 'schoolverzuim', 'voortijdig schoolverlaten', 'VSV', 'kwalificatieplicht'] },

  { code: 'wonen', naam: 'Wonen, huisvesting en dakloosheid', categorie: 'beleidsdomein', omschrijving: 'Huisvesting, huurachterstanden, huisuitzetting, dak- en thuisloosheid en briefadressen.', synoniemen: ['huisvesting', 'woning', 'woonruimte', 'huurachterstand', 'huisuitzetting', 'ontruiming'] },
  { code: 'dakloosheid', naam: 'Dak- en thuisloosheid', categorie: 'thema', parent: 'wonen', omschrijving: 'Maatschappelijke opvang, nachtopvang en de weg naar een eigen woning.', synoniemen: ['dakloos', 'thuisloos', 'daklozen', 'maatschappelijke opvang', 'MO', 'nachtopvang'] },
  { code: 'brp-briefadres', naam: 'BRP-inschrijving en briefadres', categorie: 'thema', parent: 'wonen', omschrijving: 'Inschrijving in de Basisregistratie Personen, briefadressen en adresonderzoek.', synoniemen: ['BRP', 'briefadres', 'Basisregistratie Personen', 'adresonderzoek', 'uitschrijving', 'GBA'] },
  { code: 'urgentie', naam: 'Urgentie en woningtoewijzing', categorie: 'thema', parent: 'wonen', omschrijving: 'Urgentieverklaringen, woningtoewijzing en uitstroom uit instellingen.', synoniemen: ['urgentieverklaring', 'woningtoewijzing', 'uitstroom', 'huisvestingsverordening'] },

  { code: 'migratie', naam: 'Migratie en inburgering', categorie: 'beleidsdomein', omschrijving: 'Verblijfsrecht, huisvesting van statushouders en inburgering.', synoniemen: ['migratie', 'vreemdelingen', 'asiel'] },
  { code: 'inburgering', naam: 'Inburgering', categorie: 'wet', parent: 'migratie', omschrijving: 'De Wet inburgering 2021: brede intake, PIP, taal en participatie.', synoniemen: ['Wet inburgering', 'Wi2021', 'inburgeringsplicht', 'statushouders', 'nieuwkomers', 'PIP'] },
  { code: 'verblijfsrecht', naam: 'Verblijfsrecht', categorie: 'thema', parent: 'migratie', omschrijving: 'Verblijfsvergunningen en de gevolgen van verblijfsstatus voor voorzieningen.', synoniemen: ['verblijfsvergunning', 'IND', 'Vreemdelingenwet', 'koppelingswet', 'verblijfsstatus'] },

  { code: 'justitie-inning', naam: 'Justitie, boetes en inning', categorie: 'beleidsdomein', omschrijving: 'Boetes, schadevergoedingsmaatregelen en onderhoudsbijdragen.', synoniemen: ['justitie', 'inning'] },
  { code: 'boetes-cjib', naam: 'Boetes en inning (CJIB)', categorie: 'thema', parent: 'justitie-inning', omschrijving: 'Verkeersboetes (Wahv), strafrechtelijke boetes en betalingsregelingen bij het CJIB.', synoniemen: ['CJIB', 'boete', 'boetes', 'Wahv', 'verkeersboete', 'Mulder', 'schadevergoedingsmaatregel'] },
  { code: 'onderhoudsbijdragen', naam: 'Onderhoudsbijdragen (LBIO)', categorie: 'thema', parent: 'justitie-inning', omschrijving: 'Inning van kinder- en partneralimentatie door het LBIO.', synoniemen: ['LBIO', 'alimentatie', 'kinderalimentatie', 'partneralimentatie', 'onderhoudsbijdrage'] },
  { code: 'nazorg-detentie', naam: 'Nazorg na detentie', categorie: 'thema', parent: 'justitie-inning', omschrijving: 'Re-integratie van (ex-)gedetineerden: ID-bewijs, inkomen, huisvesting, schulden en zorg.', synoniemen: ['ex-gedetineerden', 'detentie', 'nazorg', 'reclassering', 'uitstroom gevangenis'] },

  { code: 'gegevensdeling', naam: 'Gegevensdeling en AVG', categorie: 'thema', omschrijving: 'Rechtmatig gegevens delen tussen organisaties bij multiproblematiek; grondslagen en privacy.', synoniemen: ['AVG', 'privacy', 'gegevens delen', 'grondslag', 'GDPR', 'Wams', 'Wet aanpak meervoudige problematiek sociaal domein'] },
  { code: 'multiproblematiek', naam: 'Multiproblematiek en casusregie', categorie: 'thema', omschrijving: 'Huishoudens met problemen op meerdere leefgebieden; regie over één plan en één aanpak.', synoniemen: ['casusregie', 'meervoudige problematiek', 'complexe casuïstiek', 'regie', 'één gezin één plan', 'escalatie'] },
  { code: 'hardheden', naam: 'Hardheden en stapeling van regels', categorie: 'thema', parent: 'multiproblematiek', omschrijving: 'Onbedoelde effecten van wetgeving en stapeling van terugvorderingen, boetes en kortingen.', synoniemen: ['hardheidsclausule', 'stapeling', 'onbedoelde gevolgen', 'knelpunten', 'hardvochtig'] },
  { code: 'terugvordering', naam: 'Terugvordering en invordering door de overheid', categorie: 'thema', parent: 'multiproblematiek', omschrijving: 'Terugvorderingen van uitkeringen en toeslagen, verrekening en betalingsregelingen over organisaties heen.', synoniemen: ['terugvorderen', 'verrekenen', 'overheidsschulden', 'vordering', 'matiging'] },
  { code: 'huiselijk-geweld', naam: 'Huiselijk geweld en kindermishandeling', categorie: 'thema', omschrijving: 'Veiligheid in huis, meldcode en samenwerking met Veilig Thuis.', synoniemen: ['Veilig Thuis', 'meldcode', 'kindermishandeling', 'partnergeweld', 'HGKM'] },
  { code: 'mensenhandel', naam: 'Uitbuiting en mensenhandel', categorie: 'thema', omschrijving: 'Signalen van arbeidsuitbuiting, seksuele uitbuiting en criminele uitbuiting.', synoniemen: ['uitbuiting', 'arbeidsuitbuiting', 'slachtoffers mensenhandel'] },
  { code: 'identiteit', naam: 'Identiteitsbewijs en DigiD', categorie: 'thema', omschrijving: 'Zonder ID-bewijs, DigiD of bankrekening geen toegang tot voorzieningen; machtigingen.', synoniemen: ['DigiD', 'ID-bewijs', 'identiteitskaart', 'paspoort', 'machtiging', 'bankrekening', 'basisbankrekening'] },

  // ── Methoden ─────────────────────────────────────────────────────────────────────────────────────────────
  { code: 'doorbraakmethode', naam: 'Doorbraakmethode', categorie: 'methode', omschrijving: 'Met een doorbraakteam vastgelopen situaties doorbreken door te handelen naar de bedoeling van de wet.', synoniemen: ['doorbraak', 'doorbraakteam', 'doorbraakaanpak'] },
  { code: 'perspectiefcirkel', naam: 'Perspectiefcirkel', categorie: 'methode', omschrijving: 'Gespreksmethode die uitgaat van het perspectief van de inwoner op alle leefgebieden.', synoniemen: ['leefgebieden', 'perspectief'] },
  { code: 'maatwerktafel', naam: 'Maatwerktafel', categorie: 'methode', omschrijving: 'Overleg waarin professionals van verschillende organisaties samen een casus oplossen.', synoniemen: ['casustafel', 'casusoverleg', 'multidisciplinair overleg', 'MDO'] },
  { code: 'maatwerkplaats', naam: 'Maatwerkplaats', categorie: 'methode', omschrijving: 'Regionale plek waar professionals van gemeenten en uitvoeringsorganisaties samen maatwerk leveren.', synoniemen: ['maatwerkplaatsen', 'regionale maatwerkplaats'] },
  { code: 'escalatieladder', naam: 'Escalatieladder', categorie: 'methode', omschrijving: 'Afspraken over wanneer en bij wie een vastgelopen casus wordt opgeschaald, tot bestuurlijk niveau.', synoniemen: ['opschalen', 'escalatie', 'escalatiemodel', 'opschaling'] },
  { code: 'mens-achter-de-casus', naam: 'Mens achter de casus', categorie: 'methode', omschrijving: 'Leren van individuele casussen door de hele keten te volgen vanuit de inwoner.', synoniemen: ['casusanalyse', 'ketenanalyse', 'klantreis'] },
  { code: 'een-overheid', naam: 'Eén overheid-aanpak', categorie: 'methode', omschrijving: 'Als één overheid optreden naar de inwoner: één contactpersoon, één plan, warme overdracht.', synoniemen: ['warme overdracht', 'één loket', 'no wrong door', 'één aanspreekpunt'] },
  { code: 'kwijtscheldingsroute', naam: 'Betalingsregelingen over organisaties heen', categorie: 'methode', omschrijving: 'Afgestemde betalingsregelingen en pauzeknop bij meerdere overheidsschuldeisers.', synoniemen: ['pauzeknop', 'adempauze', 'schuldenrust', 'saneringskrediet', 'Clearing House'] },
  { code: 'vroegsignalering', naam: 'Vroegsignalering', categorie: 'methode', omschrijving: 'Signalen van betalingsachterstanden bij vaste lasten vroeg oppakken met een huisbezoek of outreachend contact.', synoniemen: ['vroeg eropaf', 'outreachend werken', 'signaalgestuurd', 'vroeg signaleren'] },

  // ── Bouwstenen van maatwerk ──────────────────────────────────────────────────────────────────────────────
  { code: 'bouwsteen-cultuur', naam: 'Cultuur', categorie: 'bouwsteen', omschrijving: 'Een organisatiecultuur die ruimte geeft voor maatwerk en professioneel oordeel.', synoniemen: ['organisatiecultuur', 'ruimte voor de professional', 'handelingsruimte'] },
  { code: 'bouwsteen-signaleren', naam: 'Signaleren', categorie: 'bouwsteen', omschrijving: 'Herkennen wanneer het standaardproces niet leidt tot het beoogde resultaat.', synoniemen: ['signalering', 'herkennen', 'signalen'] },
  { code: 'bouwsteen-afwegen', naam: 'Afwegen', categorie: 'bouwsteen', omschrijving: 'De bedoeling van de wet, de situatie en de mogelijkheden zorgvuldig afwegen.', synoniemen: ['afweging', 'belangenafweging', 'bedoeling van de wet', 'proportionaliteit', 'evenredigheid'] },
  { code: 'bouwsteen-competenties', naam: 'Competenties', categorie: 'bouwsteen', omschrijving: 'Kennis en vaardigheden die professionals nodig hebben om maatwerk te leveren.', synoniemen: ['vaardigheden', 'opleiding', 'deskundigheid'] },
  { code: 'bouwsteen-mensgericht', naam: 'Mensgericht werken', categorie: 'bouwsteen', omschrijving: 'Werken vanuit de leefwereld en het perspectief van de inwoner.', synoniemen: ['mensgericht', 'menselijke maat', 'leefwereld', 'inwonergericht'] },
  { code: 'bouwsteen-samenwerken', naam: 'Samenwerken', categorie: 'bouwsteen', omschrijving: 'Samenwerken over de grenzen van organisaties en domeinen heen.', synoniemen: ['samenwerking', 'ketensamenwerking', 'netwerk'] },
  { code: 'bouwsteen-monitoren', naam: 'Monitoren', categorie: 'bouwsteen', omschrijving: 'Bijhouden waar en hoe vaak maatwerk nodig is en wat het oplevert.', synoniemen: ['monitoring', 'registreren', 'meten'] },
  { code: 'bouwsteen-leren', naam: 'Leren', categorie: 'bouwsteen', omschrijving: 'Leren van casussen en knelpunten terugkoppelen naar beleid en wetgeving.', synoniemen: ['lerend vermogen', 'terugkoppeling', 'signalen naar beleid'] },
  { code: 'bouwsteen-definities', naam: 'Definities', categorie: 'bouwsteen', omschrijving: 'Gedeelde begrippen: wat verstaan organisaties onder maatwerk en wanneer is het nodig.', synoniemen: ['begrippen', 'begripsafbakening', 'definitie maatwerk'] },
  { code: 'bouwsteen-bestuurlijk', naam: 'Bestuurlijk faciliteren', categorie: 'bouwsteen', omschrijving: 'Bestuurlijke steun, mandaat en middelen om maatwerk mogelijk te maken.', synoniemen: ['bestuurlijk', 'mandaat', 'bestuurlijke doorbraak', 'bestuurlijke escalatie'] },
];
