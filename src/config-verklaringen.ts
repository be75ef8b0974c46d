import { z } from 'zod';

/**
 * Who stands behind the public statements (the privacy and accessibility statements): the organisation that runs
 * this deployment of the register is its controller under the AVG and the signatory of the accessibility statement,
 * and it has its own data protection officer. These differ per deployment, so they are settings, with defaults that
 * say who is meant rather than inventing a name. `config.ts` merges `verklaringenEnvShape` into its one schema.
 */

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);
const optionalText = z.preprocess(emptyAsUndefined, z.string().trim().min(2).max(200).optional());
/** An e-mail address or an https link: how the statements let people reach someone. */
const contact = z.preprocess(
  emptyAsUndefined,
  z
    .string()
    .trim()
    .regex(/^([^\s@]+@[^\s@]+\.[^\s@]+|https:\/\/\S+)$/, 'an e-mail address or an https:// link')
    .optional(),
);

export const verklaringenEnvShape = {
  VERWERKINGSVERANTWOORDELIJKE: optionalText,
  VERWERKINGSVERANTWOORDELIJKE_ADRES: optionalText,
  VERWERKINGSVERANTWOORDELIJKE_CONTACT: contact,
  FG_NAAM: optionalText,
  FG_CONTACT: contact,
  TOEGANKELIJKHEID_CONTACT: contact,
  /** The statement's page in the register of Digitoegankelijk, once it is published there. */
  TOEGANKELIJKHEID_REGISTER_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^https$/ }).optional()),
};

type VerklaringenEnv = z.infer<z.ZodObject<typeof verklaringenEnvShape>>;

export interface VerklaringenConfig {
  verwerkingsverantwoordelijke: { naam: string; adres: string | undefined; contact: string };
  /** The data protection officer (functionaris gegevensbescherming). */
  fg: { naam: string; contact: string };
  toegankelijkheid: { contact: string; registerUrl: string | undefined };
}

export function readVerklaringenConfig(e: VerklaringenEnv): VerklaringenConfig {
  const contactVerantwoordelijke = e.VERWERKINGSVERANTWOORDELIJKE_CONTACT ?? 'beheer@maatwerkregister.nl';
  return {
    verwerkingsverantwoordelijke: {
      naam: e.VERWERKINGSVERANTWOORDELIJKE ?? 'de organisatie die dit Maatwerkregister beheert',
      adres: e.VERWERKINGSVERANTWOORDELIJKE_ADRES,
      contact: contactVerantwoordelijke,
    },
    fg: { naam: e.FG_NAAM ?? 'de functionaris gegevensbescherming (FG) van die organisatie', contact: e.FG_CONTACT ?? contactVerantwoordelijke },
    toegankelijkheid: { contact: e.TOEGANKELIJKHEID_CONTACT ?? contactVerantwoordelijke, registerUrl: e.TOEGANKELIJKHEID_REGISTER_URL },
  };
}
