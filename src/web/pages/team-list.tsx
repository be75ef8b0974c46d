/** An organisation's team entries (functional contact points) as links, with their e-mail address. */
export function TeamList({ teams }: { teams: { id: string; naam: string; email: string }[] }) {
  return (
    <ul>
      {teams.map((team) => (
        <li>
          <a class="utrecht-link" href={`/professionals/${team.id}`}>
            {team.naam}
          </a>{' '}
          ·{' '}
          <a class="utrecht-link" href={`mailto:${team.email}`}>
            {team.email}
          </a>
        </li>
      ))}
    </ul>
  );
}
