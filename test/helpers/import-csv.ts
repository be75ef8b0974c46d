/** A realistic import file of `count` rows for one organisation (deterministic). */
export function importFile(count: number, options: { domain?: string; badRow?: number; functie?: string } = {}): string {
  const domain = options.domain ?? 'amsterdam.nl';
  const lines = ['naam,functie,email,telefoon,rolniveau,expertisegebieden,soort,zichtbaarheid,trefwoorden,werkgebied'];
  const levels = ['uitvoering', 'specialist', 'coordinatie', 'management'];
  const domains = ['schulden;wgs', 'participatiewet', 'wmo;zorg-ondersteuning', 'jeugdwet', 'toeslagen;huurtoeslag'];
  for (let i = 1; i <= count; i++) {
    const email = i === options.badRow ? 'geen-e-mailadres' : `medewerker${i}@${domain}`;
    lines.push(
      [
        `"Medewerker ${i}, afdeling ${i % 17}"`,
        options.functie ?? 'Consulent',
        email,
        `020 ${String(1_000_000 + i).slice(1, 4)} ${String(1000 + (i % 9000)).padStart(4, '0')}`,
        levels[i % levels.length],
        domains[i % domains.length],
        'persoon',
        'alle-professionals',
        'maatwerk;inkomen',
        'Noord-Holland',
      ].join(','),
    );
  }
  return lines.join('\n') + '\n';
}
