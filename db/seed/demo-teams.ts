import { domainOf, type OrganisationForSynthesis, type SyntheticEntry } from './synthetic.js';

/**
 * One team entry (`soort: 'team'`) for each of the large national organisations that maatwerk cases involve, so
 * the demo's routing can fall back on it (step 3: the organisation's team entries) at every one of them, not only
 * where the synthetic draw happened to make a team. A functional mailbox at the organisation's own mail domain
 * (`domainOf`); the team names are fictitious, as the people are. Keyed by the organisation's name in the register.
 */

interface NationalTeam {
  organisatie: string;
  naam: string;
  expertisegebieden: string[];
  over: string;
}

const teams: NationalTeam[] = [
  { organisatie: 'Sociale Verzekeringsbank', naam: 'Team Maatwerk SVB', expertisegebieden: ['volksverzekeringen', 'aow', 'anw', 'kinderbijslag', 'multiproblematiek'], over: 'AOW, Anw en kinderbijslag' },
  { organisatie: 'Uitvoeringsinstituut Werknemersverzekeringen', naam: 'Team Maatwerk UWV', expertisegebieden: ['werk-sociale-zekerheid', 'ww', 'wia', 'ziektewet', 'multiproblematiek'], over: 'WW, WIA, Ziektewet en Wajong' },
  { organisatie: 'CAK', naam: 'Team Maatwerk CAK', expertisegebieden: ['zorgverzekering', 'wanbetalersregeling', 'wlz', 'multiproblematiek'], over: 'de bestuursrechtelijke premie en eigen bijdragen' },
  { organisatie: 'Dienst Uitvoering Onderwijs', naam: 'Team Maatwerk DUO', expertisegebieden: ['onderwijs', 'studiefinanciering', 'multiproblematiek'], over: 'studiefinanciering en studieschuld' },
  { organisatie: 'Centraal Justitieel Incassobureau', naam: 'Team Maatwerk CJIB', expertisegebieden: ['justitie-inning', 'boetes-cjib', 'multiproblematiek'], over: 'boetes en betalingsregelingen' },
  { organisatie: 'Belastingdienst', naam: 'Team Maatwerk Belastingdienst', expertisegebieden: ['belastingen', 'kwijtscheldingsroute', 'multiproblematiek'], over: 'aanslagen, invordering en betalingsregelingen' },
  { organisatie: 'Dienst Toeslagen', naam: 'Team Maatwerk Dienst Toeslagen', expertisegebieden: ['toeslagen', 'kinderopvangtoeslag', 'multiproblematiek'], over: 'toeslagen en terugvorderingen' },
  { organisatie: 'CIZ', naam: 'Team Maatwerk CIZ', expertisegebieden: ['wlz', 'zorg-ondersteuning', 'multiproblematiek'], over: 'indicaties voor de Wet langdurige zorg' },
];

export function nationalTeamEntries(organisations: OrganisationForSynthesis[]): SyntheticEntry[] {
  return teams.flatMap((team) => {
    const organisation = organisations.find((o) => o.naam === team.organisatie);
    // An organisation renamed in a newer register export: the demo does without its team.
    if (!organisation) return [];
    return [
      {
        soort: 'team' as const,
        naam: team.naam,
        functie: 'Functioneel contactpunt maatwerk',
        afdeling: 'Maatwerk',
        organisatie: organisation.code,
        rolniveau: 'coordinatie' as const,
        expertisegebieden: team.expertisegebieden,
        trefwoorden: ['maatwerk', 'functionele mailbox', 'vastgelopen situatie'],
        werkgebied: [],
        email: `maatwerk@${domainOf(organisation)}`,
        telefoon: null,
        bereikbaarheid: 'ma–vr; de mailbox wordt elke werkdag gelezen',
        overMij: `Het contactpunt voor professionals van gemeenten en andere organisaties als een situatie rond ${team.over} vastloopt. Zet geen gegevens van inwoners in de mail: we bellen je terug.`,
        zichtbaarheid: 'alle-professionals' as const,
        escalatiecontact: false,
      },
    ];
  });
}
