import { readFileSync } from 'node:fs';
import path from 'node:path';
import t from 'tap';
import { parse } from 'yaml';
import { z } from 'zod';
import { ROOT } from '../helpers/processes.js';

/**
 * The public-code files a Dutch government repository needs (Standard for Public Code, publiccode.yml, EUPL).
 * publiccode.yml is checked against the field rules of the standard v0.4 (docs/standard/schema.core.rst at tag v0.4.0
 * of github.com/publiccodeyml/publiccode.yml), written out here as a schema: no validator for it ships on npm.
 */

const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

// docs/standard/categories-list.rst and scope-list.rst of v0.4.0.
const categories = `accounting agile-project-management applicant-tracking application-development appointment-scheduling backup
billing-and-invoicing blog budgeting business-intelligence business-process-management cad call-center-management cloud-management
collaboration communications compliance-management contact-management content-management crm customer-service-and-support
data-analytics data-collection data-visualization design design-system digital-asset-management digital-citizenship
document-management donor-management e-commerce e-signature educational-content email-management email-marketing
employee-management enterprise-project-management enterprise-social-networking erp event-management facility-management
feedback-and-reviews-management financial-reporting fleet-management fundraising gamification geographic-information-systems
grant-management graphic-design help-desk hr ide identity-management instant-messaging integrated-library-system
inventory-management it-asset-management it-development it-management it-security it-service-management knowledge-management
learning-management-system marketing mind-mapping mobile-marketing mobile-payment network-management office online-booking
online-community payment-gateway payroll predictive-analysis procurement productivity-suite project-collaboration
project-management property-management real-estate-management regulations-and-directives remote-support resource-management
sales-management seo service-desk social-media-management survey talent-management task-management taxes-management
test-management time-management time-tracking translation video-conferencing video-editing visitor-management voip
warehouse-management web-collaboration web-conferencing website-builder whistleblowing workflow-management`.split(/\s+/);
const scopes = `agriculture culture defence education emergency-services employment energy environment finance-and-economic-development
foreign-affairs government healthcare infrastructures justice local-authorities manufacturing research science-and-technology
security society sport tourism transportation welfare`.split(/\s+/);

const bcp47 = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 tag with its primary language subtag');
const dependency = z.object({ name: z.string().min(1), versionMin: z.string().optional(), versionMax: z.string().optional(), version: z.string().optional(), optional: z.boolean().optional() }).strict();
const contact = z.object({ name: z.string().min(1), email: z.email().optional(), phone: z.string().optional(), affiliation: z.string().optional() }).strict();
const description = z
  .object({
    localisedName: z.string().optional(),
    shortDescription: z.string().min(1).max(150).refine((text) => !text.includes('\n'), 'a single line'),
    longDescription: z.string().min(150).max(10_000),
    documentation: z.url().optional(),
    apiDocumentation: z.url().optional(),
    features: z.array(z.string().min(1)).min(1),
    screenshots: z.array(z.string()).optional(),
    videos: z.array(z.url()).optional(),
    awards: z.array(z.string()).optional(),
  })
  .strict();

const publiccodeV04 = z
  .object({
    publiccodeYmlVersion: z.literal('0.4'),
    name: z.string().min(1),
    applicationSuite: z.string().optional(),
    url: z.url(),
    landingURL: z.url().optional(),
    isBasedOn: z.union([z.string(), z.array(z.string())]).optional(),
    softwareVersion: z.string().optional(),
    releaseDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    logo: z.string().optional(),
    platforms: z.union([z.string(), z.array(z.string()).min(1)]),
    categories: z.array(z.enum(categories as [string, ...string[]])).min(1),
    usedBy: z.array(z.string()).optional(),
    roadmap: z.string().optional(),
    developmentStatus: z.enum(['concept', 'development', 'beta', 'stable', 'obsolete']),
    softwareType: z.enum(['standalone/mobile', 'standalone/iot', 'standalone/desktop', 'standalone/web', 'standalone/backend', 'standalone/other', 'addon', 'library', 'configurationFiles']),
    intendedAudience: z
      .object({ countries: z.array(z.string().regex(/^[a-z]{2}$/)).optional(), unsupportedCountries: z.array(z.string()).optional(), scope: z.array(z.enum(scopes as [string, ...string[]])).optional() })
      .strict()
      .optional(),
    description: z.record(bcp47, description).refine((d) => Object.keys(d).length > 0, 'at least one language'),
    legal: z.object({ license: z.string().min(1), mainCopyrightOwner: z.string().optional(), repoOwner: z.string().optional(), authorsFile: z.string().optional() }).strict(),
    maintenance: z
      .object({
        type: z.enum(['internal', 'contract', 'community', 'none']),
        contractors: z.array(z.object({ name: z.string().min(1), until: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), email: z.email().optional(), website: z.url().optional() }).strict()).optional(),
        contacts: z.array(contact).optional(),
      })
      .strict()
      .refine((m) => m.type !== 'contract' || (m.contractors?.length ?? 0) > 0, 'contractors are mandatory for type contract')
      .refine((m) => !['internal', 'community'].includes(m.type) || (m.contacts?.length ?? 0) > 0, 'contacts are mandatory for type internal or community'),
    localisation: z.object({ localisationReady: z.boolean(), availableLanguages: z.array(bcp47).min(1) }).strict(),
    dependsOn: z.object({ open: z.array(dependency).optional(), proprietary: z.array(dependency).optional(), hardware: z.array(dependency).optional() }).strict().optional(),
  })
  .strict();

t.test('publiccode.yml follows the standard v0.4, in Dutch and English', async (t) => {
  const document = parse(read('publiccode.yml'));
  const result = publiccodeV04.safeParse(document);
  t.ok(result.success, result.success ? 'valid' : result.error.issues.map((i) => `${i.path.join('/')}: ${i.message}`).join('; '));
  if (!result.success) return;
  t.same(Object.keys(result.data.description).sort(), ['en', 'nl'], 'descriptions in Dutch and English');
  t.equal(result.data.legal.license, JSON.parse(read('package.json')).license, 'the licence package.json declares');
  t.ok(result.data.localisation.availableLanguages.includes('nl'), 'the interface is Dutch');
});

t.test('the schema rejects what the standard rejects (so the check above can fail)', async (t) => {
  const document = parse(read('publiccode.yml'));
  // The parsed YAML is changed freely, field by field, to break one rule at a time.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const broken = (change: (d: any) => void) => {
    const copy = structuredClone(document);
    change(copy);
    return publiccodeV04.safeParse(copy).success;
  };
  t.notOk(broken((d) => (d.description.nl.shortDescription = 'x'.repeat(151))), 'short description over 150 characters');
  t.notOk(broken((d) => (d.description.en.longDescription = 'too short')), 'long description under 150 characters');
  t.notOk(broken((d) => (d.categories = ['registers'])), 'a category outside the list');
  t.notOk(broken((d) => delete d.url), 'no url');
  t.notOk(broken((d) => (d.maintenance = { type: 'internal' })), 'internal maintenance without contacts');
  t.notOk(broken((d) => (d.publiccodeYmlVersion = '0.2')), 'another version of the standard');
});

t.test('LICENSE is the full EUPL-1.2 text, and the other public-code files are present', async (t) => {
  const license = read('LICENSE');
  t.match(license, /^EUROPEAN UNION PUBLIC LICENCE v\. 1\.2\n/, 'starts with the licence title');
  for (let article = 1; article <= 15; article++) t.match(license, new RegExp(`^${article}\\. `, 'm'), `article ${article}`);
  t.match(license, /^Appendix$/m, 'with the appendix of compatible licences');
  t.match(license, /All other changes or additions to this Appendix require the production of a new\nEUPL version\.\n$/, 'to its last sentence');
  t.match(read('SECURITY.md'), /security\.txt/, 'SECURITY.md points at security.txt');
  t.match(read('CONTRIBUTING.md'), /npm test/, 'CONTRIBUTING.md says how to run the tests');
});
