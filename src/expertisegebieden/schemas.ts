import { z } from 'zod';
import { expertiseCategorieen } from '../../db/schema/index.js';

export const expertisegebiedCode = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,59}$/, 'Een expertisecode bestaat uit kleine letters, cijfers en - (bijvoorbeeld participatiewet).');

export const expertisegebiedSchema = z
  .object({
    code: expertisegebiedCode,
    naam: z.string(),
    categorie: z.enum(expertiseCategorieen).describe('beleidsdomein, wet, thema, methode of bouwsteen (van maatwerk).'),
    parent: expertisegebiedCode.nullable().describe('Het bredere gebied waaronder dit valt.'),
    omschrijving: z.string(),
    synoniemen: z.array(z.string()).describe('Andere namen en afkortingen; zoeken gebruikt ze.'),
  })
  .meta({ id: 'Expertisegebied' });

export const expertisegebiedListQuery = z
  .object({
    categorie: z.enum(expertiseCategorieen).optional().describe('Alleen gebieden van deze categorie.'),
  })
  .strict();

export const expertisegebiedListSchema = z
  .object({ resultaten: z.array(expertisegebiedSchema), totaal: z.number().int() })
  .meta({ id: 'ExpertisegebiedLijst' });
