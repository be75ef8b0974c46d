/** "Vorige pagina · Pagina n van m · Volgende pagina" under a list; nothing when everything fits on one page. */
export function Paginering({ pagina, laatste, href }: { pagina: number; laatste: number; href: (pagina: number) => string }) {
  if (laatste <= 1) return null;
  return (
    <nav class="mr-paginering" aria-label="Paginering">
      <ul>
        {pagina > 1 && (
          <li>
            <a class="utrecht-link" href={href(pagina - 1)} rel="prev">
              Vorige pagina
            </a>
          </li>
        )}
        <li>
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
