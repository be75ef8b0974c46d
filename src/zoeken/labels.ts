/** Dutch display names for facet values whose code is not readable on its own. */
export const organisatieTypeLabels: Record<string, string> = {
  gemeente: 'Gemeente',
  ministerie: 'Ministerie',
  agentschap: 'Agentschap',
  zbo: 'Zelfstandig bestuursorgaan',
  inspectie: 'Inspectie',
  provincie: 'Provincie',
  waterschap: 'Waterschap',
  samenwerkingsverband: 'Samenwerkingsverband',
};

export const rolniveauLabels: Record<string, string> = {
  uitvoering: 'Uitvoering',
  specialist: 'Specialist',
  coordinatie: 'Coördinatie',
  management: 'Management',
  bestuur: 'Bestuur',
};

/** The taxonomy's kinds, as group titles (plural) and beside a single node (singular). */
export const expertiseCategorieTitels: Record<string, string> = {
  beleidsdomein: 'Beleidsdomeinen',
  wet: 'Wetten en regelingen',
  thema: "Thema's",
  methode: 'Methoden',
  bouwsteen: 'Bouwstenen van maatwerk',
};

export const expertiseCategorieLabels: Record<string, string> = {
  beleidsdomein: 'Beleidsdomein',
  wet: 'Wet of regeling',
  thema: 'Thema',
  methode: 'Methode',
  bouwsteen: 'Bouwsteen van maatwerk',
};
