import { CciSubsector, NetworkKind, NetworkVisibility, OrganisationKind, OrganisationRole } from '@app/contracts';

/**
 * Demo data: the INNOMED-UP project partners as organisations, plus invented demo SMEs and people
 * (marked "(demo)"). Seeded once, on the first start of an empty database, when SEED_DEMO is on.
 */
export const DEMO_PASSWORD = 'innomed-demo-2026';

export const DEMO_ORGANISATIONS = [
  { key: 'ntua', name: 'National Technical University of Athens (NTUA)', kind: OrganisationKind.UNIVERSITY, country: 'GR', city: 'Athens', subsectors: [CciSubsector.ARCHITECTURE, CciSubsector.CULTURAL_HERITAGE], description: 'Lead partner of INNOMED-UP.', website: 'https://www.ntua.gr' },
  { key: 'epem', name: 'Environmental Planning Engineering and Management (EPEM)', kind: OrganisationKind.EXPERT, country: 'GR', city: 'Athens', subsectors: [], description: 'Circular-economy and environmental consultancy.', website: null },
  { key: 'prato', name: 'Comune di Prato', kind: OrganisationKind.MUNICIPALITY, country: 'IT', city: 'Prato', subsectors: [CciSubsector.DESIGN_FASHION, CciSubsector.CULTURAL_HERITAGE], description: 'Municipality of Prato, home of the textile district that regenerates wool from used garments and offcuts.', website: null },
  { key: 'cresm', name: 'Centre for Economic and Social Research for Southern Italy (CRESM)', kind: OrganisationKind.NGO, country: 'IT', city: 'Gibellina', subsectors: [CciSubsector.ARTISTIC_CRAFTS], description: 'Research centre for local development.', website: null },
  { key: 'tunis', name: 'Municipality of Tunis', kind: OrganisationKind.MUNICIPALITY, country: 'TN', city: 'Tunis', subsectors: [CciSubsector.CULTURAL_HERITAGE, CciSubsector.ARTISTIC_CRAFTS], description: 'Hosts the cluster of the Medina of Tunis.', website: null },
  { key: 'bzu', name: 'Birzeit University (BZU)', kind: OrganisationKind.UNIVERSITY, country: 'PS', city: 'Birzeit', subsectors: [CciSubsector.ARCHITECTURE], description: 'University partner in Palestine.', website: null },
  { key: 'fpec', name: "Future Pioneers for Empowering Communities' Members (FPEC)", kind: OrganisationKind.NGO, country: 'JO', city: 'Amman', subsectors: [CciSubsector.ARTISTIC_CRAFTS], description: 'Community empowerment NGO in Jordan.', website: null },
  { key: 'lanificio', name: 'Lanificio Rigenera (demo)', kind: OrganisationKind.SME, country: 'IT', city: 'Prato', subsectors: [CciSubsector.DESIGN_FASHION, CciSubsector.ARTISTIC_CRAFTS], description: 'Demo SME: a wool-regeneration workshop with 2 t/month of offcuts.', website: null },
  { key: 'medina', name: 'Atelier Médina Design (demo)', kind: OrganisationKind.SME, country: 'TN', city: 'Tunis', subsectors: [CciSubsector.DESIGN_PRODUCT, CciSubsector.DESIGN_INTERIOR], description: 'Demo SME: a design studio in the Medina of Tunis.', website: null },
] as const;

export type DemoOrganisationKey = (typeof DEMO_ORGANISATIONS)[number]['key'];

export const DEMO_USERS: { email: string; displayName: string; preferredLanguages: string[]; country: string; timeZone: string; memberships: [DemoOrganisationKey, OrganisationRole][] }[] = [
  { email: 'giulia@demo.innomed.example', displayName: 'Giulia Bianchi (demo)', preferredLanguages: ['it', 'en'], country: 'IT', timeZone: 'Europe/Rome', memberships: [['prato', OrganisationRole.OWNER], ['lanificio', OrganisationRole.ADMIN]] },
  { email: 'marco@demo.innomed.example', displayName: 'Marco Rossi (demo)', preferredLanguages: ['it', 'en'], country: 'IT', timeZone: 'Europe/Rome', memberships: [['lanificio', OrganisationRole.OWNER], ['cresm', OrganisationRole.OWNER]] },
  { email: 'eleni@demo.innomed.example', displayName: 'Eleni Papadopoulou (demo)', preferredLanguages: ['el', 'en'], country: 'GR', timeZone: 'Europe/Athens', memberships: [['ntua', OrganisationRole.OWNER], ['epem', OrganisationRole.OWNER]] },
  { email: 'amira@demo.innomed.example', displayName: 'أميرة بن علي (demo)', preferredLanguages: ['ar', 'fr', 'en'], country: 'TN', timeZone: 'Africa/Tunis', memberships: [['tunis', OrganisationRole.OWNER], ['medina', OrganisationRole.OWNER]] },
  { email: 'yousef@demo.innomed.example', displayName: 'Yousef Khalil (demo)', preferredLanguages: ['ar', 'en'], country: 'PS', timeZone: 'Asia/Hebron', memberships: [['bzu', OrganisationRole.OWNER]] },
  { email: 'rania@demo.innomed.example', displayName: 'Rania Haddad (demo)', preferredLanguages: ['ar', 'en'], country: 'JO', timeZone: 'Asia/Amman', memberships: [['fpec', OrganisationRole.OWNER]] },
];

export const DEMO_NETWORK = {
  kind: NetworkKind.NETWORK,
  name: 'INNOMED-UP Mediterranean Innovation Network',
  description: 'Cross-border network of CCI clusters, experts and municipalities in Greece, Italy, Tunisia, Palestine and Jordan.',
  countries: ['GR', 'IT', 'TN', 'PS', 'JO'],
  subsectors: [CciSubsector.DESIGN_FASHION, CciSubsector.ARTISTIC_CRAFTS, CciSubsector.CULTURAL_HERITAGE, CciSubsector.DESIGN_PRODUCT],
  visibility: NetworkVisibility.PUBLIC,
  city: null,
  host: 'ntua' as DemoOrganisationKey,
};
