import { CciSubsector, ChallengeStatus, NetworkKind, NetworkVisibility, OrganisationKind, OrganisationRole, ResolveLever } from '@app/contracts';

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

/** The cross-border network and two city clusters; `members` lists organisations beside the host. */
export const DEMO_NETWORKS: {
  key: 'network' | 'prato' | 'tunis';
  kind: NetworkKind;
  name: string;
  description: string;
  city: string | null;
  countries: string[];
  subsectors: CciSubsector[];
  visibility: NetworkVisibility;
  host: DemoOrganisationKey;
  admins: DemoOrganisationKey[];
  members: DemoOrganisationKey[];
}[] = [
  {
    key: 'network',
    kind: NetworkKind.NETWORK,
    name: 'Mediterranean circular creative network',
    description: 'Cross-border network of CCI clusters, circular-economy experts and municipalities in Greece, Italy, Tunisia, Palestine and Jordan, grown out of INNOMED-UP.',
    city: null,
    countries: ['GR', 'IT', 'TN', 'PS', 'JO'],
    subsectors: [CciSubsector.DESIGN_FASHION, CciSubsector.ARTISTIC_CRAFTS, CciSubsector.CULTURAL_HERITAGE, CciSubsector.DESIGN_PRODUCT],
    visibility: NetworkVisibility.PUBLIC,
    host: 'ntua',
    admins: ['prato', 'tunis'],
    members: ['epem', 'cresm', 'bzu', 'fpec', 'lanificio', 'medina'],
  },
  {
    key: 'prato',
    kind: NetworkKind.CLUSTER,
    name: 'Prato textile cluster',
    description: 'Workshops and designers of the historic centre of Prato, around regenerated wool.',
    city: 'Prato',
    countries: ['IT'],
    subsectors: [CciSubsector.DESIGN_FASHION, CciSubsector.ARTISTIC_CRAFTS],
    visibility: NetworkVisibility.PUBLIC,
    host: 'prato',
    admins: [],
    members: ['lanificio', 'cresm'],
  },
  {
    key: 'tunis',
    kind: NetworkKind.CLUSTER,
    name: 'Medina of Tunis creative cluster',
    description: 'Artisans and designers of the Medina of Tunis.',
    city: 'Tunis',
    countries: ['TN'],
    subsectors: [CciSubsector.ARTISTIC_CRAFTS, CciSubsector.DESIGN_PRODUCT],
    visibility: NetworkVisibility.PUBLIC,
    host: 'tunis',
    admins: [],
    members: ['medina'],
  },
];

export interface DemoChallenge {
  network: 'network' | 'prato' | 'tunis';
  by: DemoOrganisationKey;
  author: string;
  title: string;
  description: string;
  language: string;
  levers: ResolveLever[];
  materials: string[];
  subsectors: CciSubsector[];
  status: ChallengeStatus;
  answers: { by: DemoOrganisationKey; author: string; body: string; levers: ResolveLever[]; effortEstimate?: string; accepted?: boolean; votes: { author: string; value: 1 | -1 }[] }[];
}

export const DEMO_CHALLENGES: DemoChallenge[] = [
  {
    network: 'network',
    by: 'lanificio',
    author: 'marco@demo.innomed.example',
    title: 'Cosa possiamo fare con 2 t/mese di scarti di lana rigenerata?',
    description:
      'Il nostro lanificio a Prato produce circa **2 tonnellate al mese** di ritagli e cascami di lana rigenerata.\n\nCerchiamo prodotti, partner o processi per riportarli in circolo: imbottiture, feltri, pannelli isolanti, filati per artigiani.',
    language: 'it',
    levers: [ResolveLever.LOOP, ResolveLever.REGENERATE],
    materials: ['lana', 'scarti tessili', 'cascami'],
    subsectors: [CciSubsector.DESIGN_FASHION, CciSubsector.ARTISTIC_CRAFTS],
    status: ChallengeStatus.OPEN,
    answers: [
      {
        by: 'epem',
        author: 'eleni@demo.innomed.example',
        body: 'Needle-punched felt panels for acoustic insulation: offcuts are carded, needled and thermo-bonded. Local demand from the building sector in Attica.',
        levers: [ResolveLever.LOOP],
        effortEstimate: '4 months, pilot line',
        accepted: true,
        votes: [{ author: 'giulia@demo.innomed.example', value: 1 }, { author: 'amira@demo.innomed.example', value: 1 }],
      },
      {
        by: 'medina',
        author: 'amira@demo.innomed.example',
        body: 'Nos tisserandes de la Médina peuvent filer les cascames à la main pour des tapis en série limitée, vendus avec leur histoire.',
        levers: [ResolveLever.SHARE, ResolveLever.EXCHANGE],
        effortEstimate: '2 mois',
        votes: [{ author: 'marco@demo.innomed.example', value: 1 }],
      },
    ],
  },
  {
    network: 'network',
    by: 'medina',
    author: 'amira@demo.innomed.example',
    title: 'Valoriser les chutes de cuir et de laiton des ateliers de la Médina',
    description: 'Les ateliers de maroquinerie et de dinanderie jettent chaque semaine des chutes de cuir et de laiton. Quels objets, quels circuits de reprise ?',
    language: 'fr',
    levers: [ResolveLever.LOOP, ResolveLever.SHARE],
    materials: ['cuir', 'laiton'],
    subsectors: [CciSubsector.ARTISTIC_CRAFTS, CciSubsector.DESIGN_PRODUCT],
    status: ChallengeStatus.OPEN,
    answers: [],
  },
  {
    network: 'network',
    by: 'fpec',
    author: 'rania@demo.innomed.example',
    title: 'إعادة استخدام بقايا النسيج في الحرف اليدوية للنساء',
    description: 'نعمل مع نساء في عمّان على التطريز. كيف يمكن تحويل بقايا القماش من المصانع إلى منتجات حرفية تباع في الأسواق؟',
    language: 'ar',
    levers: [ResolveLever.LOOP, ResolveLever.EXCHANGE],
    materials: ['قماش', 'بقايا النسيج'],
    subsectors: [CciSubsector.ARTISTIC_CRAFTS],
    status: ChallengeStatus.OPEN,
    answers: [
      {
        by: 'lanificio',
        author: 'marco@demo.innomed.example',
        body: 'We can ship sorted wool offcuts by colour; a shared catalogue would let your embroiderers plan collections.',
        levers: [ResolveLever.EXCHANGE],
        votes: [{ author: 'rania@demo.innomed.example', value: 1 }],
      },
    ],
  },
  {
    network: 'network',
    by: 'ntua',
    author: 'eleni@demo.innomed.example',
    title: 'Ψηφιακοί δίδυμοι για την επανάχρηση ιστορικών κτιρίων',
    description: 'Αναζητούμε ΜμΕ σχεδιασμού για να δοκιμάσουν ψηφιακούς διδύμους στην επανάχρηση ιστορικών κτιρίων του κέντρου της Αθήνας.',
    language: 'el',
    levers: [ResolveLever.VIRTUALISE, ResolveLever.OPTIMISE],
    materials: ['κτίρια'],
    subsectors: [CciSubsector.ARCHITECTURE, CciSubsector.CULTURAL_HERITAGE],
    status: ChallengeStatus.IN_PROGRESS,
    answers: [],
  },
  {
    network: 'prato',
    by: 'cresm',
    author: 'marco@demo.innomed.example',
    title: 'A shared repair workshop for the historic centre',
    description: 'Draft: a repair café for garments and upholstery, run by the cluster, open to residents.',
    language: 'en',
    levers: [ResolveLever.SHARE, ResolveLever.LOOP],
    materials: ['garments', 'upholstery'],
    subsectors: [CciSubsector.DESIGN_FASHION],
    status: ChallengeStatus.DRAFT,
    answers: [],
  },
];
