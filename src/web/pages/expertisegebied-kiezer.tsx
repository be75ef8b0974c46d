import { expertiseCategorieLabels, expertiseCategorieTitels } from '../../zoeken/labels.js';
import { Kiezer } from './kiezer.js';

/**
 * The routing page's domain picker. The taxonomy is a tree and routing counts a parent's descendants with it, so
 * without JavaScript the checkboxes are grouped by kind and each parent carries its children in a nested list,
 * saying how many it includes; with JavaScript it is the combobox of kiezer.tsx, where a name, a word of it or a
 * synonym (Pw, Wmo, stufi) finds a domain, and the list says under which parent a child falls. Both send
 * `expertisegebieden=<code>`.
 */

export interface KiezerExpertisegebied {
  code: string;
  naam: string;
  categorie: string;
  parent: string | null;
  synoniemen: string[];
}

export interface ExpertisegebiedKiezerProps {
  taxonomy: KiezerExpertisegebied[];
  gekozen: string[];
  fouten: string[];
}

const MAX = 10;
const omvat = 'Een domein omvat de onderliggende domeinen: wie Toeslagen kiest, vindt ook wie Huurtoeslag of Zorgtoeslag doet.';

export function ExpertisegebiedKiezer({ taxonomy, gekozen, fouten }: ExpertisegebiedKiezerProps) {
  const chosen = new Set(gekozen);
  const byCode = new Map(taxonomy.map((n) => [n.code, n]));
  const children = new Map<string, KiezerExpertisegebied[]>();
  for (const node of taxonomy) if (node.parent && byCode.has(node.parent)) children.set(node.parent, [...(children.get(node.parent) ?? []), node]);
  const descendants = (code: string): number => (children.get(code) ?? []).reduce((sum, child) => sum + 1 + descendants(child.code), 0);
  const roots = taxonomy.filter((n) => !n.parent || !byCode.has(n.parent));

  const Tak = ({ node }: { node: KiezerExpertisegebied }) => {
    const below = descendants(node.code);
    return (
      <li>
        <div class="mr-boom__keuze">
          <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id={`domein-${node.code}`} name="expertisegebieden" value={node.code} checked={chosen.has(node.code)} />
          <label class="utrecht-form-label utrecht-form-label--checkbox" for={`domein-${node.code}`}>
            {node.naam}
            {below > 0 && <span class="mr-hint-inline"> · inclusief de {below === 1 ? 'domein' : `${below} domeinen`} hieronder</span>}
          </label>
        </div>
        {below > 0 && (
          <ul>
            {children.get(node.code)!.map((child) => (
              <Tak node={child} />
            ))}
          </ul>
        )}
      </li>
    );
  };

  const opties = taxonomy.map((node) => {
    const parent = node.parent ? byCode.get(node.parent) : undefined;
    const below = descendants(node.code);
    const soort = expertiseCategorieLabels[node.categorie] ?? node.categorie;
    return {
      code: node.code,
      naam: node.naam,
      kort: '',
      extra: parent ? `onder ${parent.naam}` : below > 0 ? `${soort}, inclusief ${below} onderliggende` : soort,
      zoekwoorden: node.synoniemen,
    };
  });

  return (
    <Kiezer
      veld="expertisegebieden"
      id="domein"
      optieId="domein-optie-"
      legenda={`Domeinen van de casus (1 tot ${MAX})`}
      hint={`Vink aan wat bij de casus hoort. ${omvat}`}
      hintMetScript={`Typ een deel van de naam of een afkorting, bijvoorbeeld schulden, Wmo of Pw, en kies het domein. ${omvat}`}
      fouten={fouten}
      max={MAX}
      opties={opties}
      woorden={{ enkelvoud: 'domein', meervoud: 'domeinen', zoeklabel: 'Domein zoeken en kiezen' }}
    >
      {Object.entries(expertiseCategorieTitels)
        .map(([categorie, titel]) => ({ titel, nodes: roots.filter((n) => n.categorie === categorie) }))
        .filter((group) => group.nodes.length > 0)
        .map((group) => (
          <fieldset class="mr-kiezer__groep">
            <legend>{group.titel}</legend>
            <ul class="mr-boom">
              {group.nodes.map((node) => (
                <Tak node={node} />
              ))}
            </ul>
          </fieldset>
        ))}
    </Kiezer>
  );
}
