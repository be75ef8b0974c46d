/** "Vorige pagina · Pagina n van m · Volgende pagina" under a list; nothing when everything fits on one page. */
export function Paginering({ pagina, laatste, href, label = 'Paginering' }: { pagina: number; laatste: number; href: (pagina: number) => string; label?: string }) {
  if (laatste <= 1) return null;
  return (
    <nav class="mr-paginering" aria-label={label}>
      <ul>
        {pagina > 1 && (
          <li>
            <a class="utrecht-link" href={href(pagina - 1)} rel="prev">
              Vorige pagina
            </a>
          </li>
        )}
        <li aria-current="page">
          Pagina {pagina} van {laatste}
        </li>
        {pagina < laatste && (
          <li>
            <a class="utrecht-link" href={href(pagina + 1)} rel="next">
              Volgende pagina
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}
