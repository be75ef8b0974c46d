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
