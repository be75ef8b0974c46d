import t from 'tap';
import { loadConfig } from '../src/config.js';

/** Who the privacy and accessibility statements name: per deployment, with defaults that say who is meant. */

t.test('defaults describe the role instead of inventing a name; the contacts fall back to the controller’s', async (t) => {
  const { verklaringen } = loadConfig({});
  t.match(verklaringen.verwerkingsverantwoordelijke, { naam: /organisatie die dit Maatwerkregister beheert/, contact: 'beheer@maatwerkregister.nl', adres: undefined });
  const own = loadConfig({ VERWERKINGSVERANTWOORDELIJKE: 'UWV', VERWERKINGSVERANTWOORDELIJKE_CONTACT: 'privacy@uwv.nl' }).verklaringen;
  t.equal(own.fg.contact, 'privacy@uwv.nl', 'the DPO contact defaults to the controller’s');
  t.equal(own.toegankelijkheid.contact, 'privacy@uwv.nl', 'and so does the accessibility contact');
  t.equal(loadConfig({ FG_CONTACT: 'https://uwv.nl/fg' }).verklaringen.fg.contact, 'https://uwv.nl/fg', 'an https link is a contact too');
});

t.test('a contact that is neither an e-mail address nor an https link stops the start', async (t) => {
  t.throws(() => loadConfig({ FG_CONTACT: 'bel ons' }), /FG_CONTACT: an e-mail address or an https:\/\/ link/);
  t.throws(() => loadConfig({ TOEGANKELIJKHEID_CONTACT: 'javascript:alert(1)' }), /TOEGANKELIJKHEID_CONTACT/);
  t.throws(() => loadConfig({ TOEGANKELIJKHEID_REGISTER_URL: 'http://register.example' }), /TOEGANKELIJKHEID_REGISTER_URL/);
});
