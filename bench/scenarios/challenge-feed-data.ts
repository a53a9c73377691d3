/**
 * Data for the challenge-feed scenario, written straight into the hub's tables with set-based SQL
 * (`INSERT … SELECT … generate_series`) once the hub has applied its migrations: 200 organisations in
 * 5 countries, 10 networks (2 private), 400 authors, 10,000 challenges in Italian, Greek, French,
 * Arabic and English, 40,000 answers with their votes, and follows. Everything is derived from
 * md5 of fixed keys, so every seeding produces the same rows with the same ids; a marker on the
 * database (plus row counts) tells a later run that the data is already there.
 *
 * The search documents are built with the hub's own SQL expression (`searchDocumentSql`) and
 * language mapping (`searchConfigFor`), so the searches the scenario measures hit the same vectors
 * the hub would have written.
 */
import pg from 'pg';
import { CciSubsector, ResolveLever } from '../../libs/contracts/src/domain.js';
import { searchConfigFor, searchDocumentSql } from '../../apps/api/src/platform/database/text-search.js';

export const FEED_DATA = {
  organisations: 200,
  networks: 10,
  authors: 400,
  challenges: 10_000,
  answers: 40_000,
  authorFollows: 20_000,
} as const;

/** Bump when the generated data changes: the next run then wipes and reseeds. */
const SEED_VERSION = 1;
const MARKER = `innomed-bench challenge-feed seed v${SEED_VERSION}`;
/** The benchmark's viewer accounts; removed before each run registers a fresh one. */
export const VIEWER_EMAIL_PREFIX = 'feed-viewer-';
export const VIEWER_EMAIL_DOMAIN = 'bench.example.org';

/** A deterministic non-negative integer below 2^28 from a SQL text expression. */
const h = (expr: string): string => `(('x' || substr(md5(${expr}), 1, 7))::bit(28)::int)`;
/** A deterministic version-4-shaped UUID (the hub's validators check version and variant) from a kind and a SQL expression. */
const uuid = (kind: string, expr: string): string => `(overlay(overlay(md5('innomed-bench:${kind}:' || (${expr})) placing '4' from 13) placing '8' from 17)::uuid)`;

const COUNTRIES = ['IT', 'GR', 'TN', 'PS', 'JO'] as const;
type Country = (typeof COUNTRIES)[number];
const KINDS = ['SME', 'EXPERT', 'MUNICIPALITY', 'UNIVERSITY', 'NGO'] as const;
type Kind = (typeof KINDS)[number];

const CITIES: Record<Country, string[]> = {
  IT: ['Prato', 'Matera', 'Napoli', 'Gibellina', 'Firenze', 'Bari', 'Palermo', 'Torino'],
  GR: ['Athens', 'Thessaloniki', 'Patras', 'Heraklion', 'Volos', 'Chania', 'Ioannina', 'Rhodes'],
  TN: ['Tunis', 'Sfax', 'Sousse', 'Kairouan', 'Nabeul', 'Bizerte', 'Gabès', 'Djerba'],
  PS: ['Bethlehem', 'Birzeit', 'Nablus', 'Hebron', 'Ramallah', 'Jericho', 'Jenin', 'Tulkarm'],
  JO: ['Amman', 'Irbid', 'Salt', 'Madaba', 'Zarqa', 'Aqaba', 'Karak', 'Jerash'],
};

const ORGANISATION_NAMES: Record<Country, Record<Kind, string>> = {
  IT: { SME: 'Atelier Circolare {city}', EXPERT: 'Studio Riuso {city}', MUNICIPALITY: 'Comune di {city}', UNIVERSITY: 'Laboratorio universitario di {city}', NGO: 'Associazione Ecomuseo {city}' },
  GR: { SME: '{city} Design Lab', EXPERT: '{city} Circular Consultants', MUNICIPALITY: 'Municipality of {city}', UNIVERSITY: 'University Lab of {city}', NGO: '{city} Heritage Society' },
  TN: { SME: 'Atelier {city} Design', EXPERT: 'Bureau d’études {city}', MUNICIPALITY: 'Municipalité de {city}', UNIVERSITY: 'Institut supérieur des arts de {city}', NGO: 'Association Patrimoine {city}' },
  PS: { SME: '{city} Crafts Workshop', EXPERT: '{city} Engineering Office', MUNICIPALITY: '{city} Municipality', UNIVERSITY: '{city} University College', NGO: '{city} Cultural Centre' },
  JO: { SME: '{city} Upcycling Studio', EXPERT: '{city} Sustainability Advisors', MUNICIPALITY: '{city} Municipality', UNIVERSITY: '{city} Applied Arts Lab', NGO: '{city} Community Association' },
};

const KIND_DESCRIPTIONS: Record<Kind, string> = {
  SME: 'Small workshop turning local waste streams into products.',
  EXPERT: 'Consultancy for circular-economy pilots in the cultural and creative industries.',
  MUNICIPALITY: 'Local authority hosting the city cluster.',
  UNIVERSITY: 'Research group on materials, design and heritage.',
  NGO: 'Community organisation working on heritage and reuse.',
};

const PEOPLE: Record<Country, { first: string[]; last: string[]; languages: string[]; timeZone: string }> = {
  IT: { first: ['Giulia', 'Marco', 'Chiara', 'Luca', 'Francesca', 'Paolo', 'Elena', 'Davide'], last: ['Bianchi', 'Rossi', 'Esposito', 'Romano', 'Greco', 'Conti', 'Ferri', 'Galli'], languages: ['it', 'en'], timeZone: 'Europe/Rome' },
  GR: { first: ['Eleni', 'Nikos', 'Maria', 'Giorgos', 'Katerina', 'Dimitris', 'Sofia', 'Kostas'], last: ['Papadopoulou', 'Georgiou', 'Nikolaou', 'Ioannou', 'Vlachou', 'Karras', 'Pappas', 'Lambrou'], languages: ['el', 'en'], timeZone: 'Europe/Athens' },
  TN: { first: ['Amira', 'Sami', 'Leila', 'Karim', 'Ines', 'Mehdi', 'Sonia', 'Hichem'], last: ['Ben Ali', 'Trabelsi', 'Gharbi', 'Jaziri', 'Mansour', 'Hamdi', 'Ayari', 'Bouazizi'], languages: ['fr', 'ar-TN'], timeZone: 'Africa/Tunis' },
  PS: { first: ['Yousef', 'Lina', 'Omar', 'Rana', 'Khaled', 'Dina', 'Sami', 'Maha'], last: ['Khalil', 'Nassar', 'Saleh', 'Hamdan', 'Awad', 'Qasem', 'Barghouti', 'Shahin'], languages: ['ar', 'en'], timeZone: 'Asia/Hebron' },
  JO: { first: ['Rania', 'Zaid', 'Noor', 'Hani', 'Sara', 'Faris', 'Layla', 'Tareq'], last: ['Haddad', 'Majali', 'Khoury', 'Zoubi', 'Tamimi', 'Nsour', 'Abbadi', 'Shami'], languages: ['ar', 'en'], timeZone: 'Asia/Amman' },
};

/** Languages challenges are written in, per posting country (picked evenly from the four slots). */
const CHALLENGE_LANGUAGES: Record<Country, [string, string, string, string]> = {
  IT: ['it', 'it', 'it', 'en'],
  GR: ['el', 'el', 'el', 'en'],
  TN: ['fr', 'fr', 'ar-TN', 'en'],
  PS: ['ar', 'ar', 'ar', 'en'],
  JO: ['ar', 'ar', 'en', 'en'],
};

interface Lexicon {
  openers: string[];
  objects: string[];
  contexts: string[];
  sentences: string[];
  proposals: string[];
}

/** Title = opener + object + context; description and answers from whole sentences. */
const LEXICON: Record<'it' | 'el' | 'fr' | 'ar' | 'en', Lexicon> = {
  it: {
    openers: ['Come riutilizzare', 'Rigenerare', 'Valorizzare', 'Ridurre', 'Riciclare', 'Trasformare', 'Recuperare', 'Condividere'],
    objects: ['gli scarti tessili', 'la lana rigenerata', 'gli sfridi di marmo', 'la plastica marina', 'i residui di potatura degli ulivi', 'gli scarti ceramici', 'il vetro di recupero', 'la carta da macero', 'le reti da pesca dismesse', 'i materiali da demolizione'],
    contexts: ['nel distretto di Prato', 'nei laboratori artigiani', 'nel centro storico di Matera', 'per il design di prodotto', 'nei cantieri di restauro', 'per i festival estivi', 'nelle botteghe di Napoli', 'per l’editoria indipendente'],
    sentences: [
      'Cerchiamo partner per un progetto pilota entro sei mesi.',
      'Il volume disponibile è di circa due tonnellate al mese.',
      'Serve una soluzione sostenibile e replicabile in altri distretti.',
      'Abbiamo già testato un prototipo con risultati promettenti.',
      'Il comune mette a disposizione uno spazio per la sperimentazione.',
      'Sono benvenute proposte da università, esperti e piccole imprese.',
      'Oggi questi materiali finiscono in discarica a costi crescenti.',
    ],
    proposals: [
      'Proponiamo un laboratorio condiviso per selezionare e lavare il materiale.',
      'Possiamo trasformare gli scarti in pannelli decorativi per interni.',
      'Suggeriamo una piattaforma di scambio tra le botteghe del distretto.',
      'Il nostro gruppo di ricerca può caratterizzare il materiale in tre settimane.',
      'Abbiamo esperienza con un progetto simile in Toscana.',
    ],
  },
  el: {
    openers: ['Πώς να αξιοποιήσουμε', 'Πώς να ανακυκλώσουμε', 'Πώς να μειώσουμε', 'Πώς να ανακτήσουμε', 'Πώς να μεταποιήσουμε', 'Πώς να μοιραστούμε'],
    objects: ['τα υπολείμματα μαρμάρου', 'τα υφασμάτινα απόβλητα', 'τα πλαστικά της θάλασσας', 'τα κλαδέματα ελιάς', 'τα κεραμικά θραύσματα', 'το ανακυκλωμένο γυαλί', 'τα παλιά δίχτυα ψαρέματος', 'τα απόβλητα κατεδαφίσεων', 'το χαρτί συσκευασίας'],
    contexts: ['στο ιστορικό κέντρο της Αθήνας', 'στα εργαστήρια χειροτεχνίας', 'για τον σχεδιασμό προϊόντων', 'στα νησιά του Αιγαίου', 'στα μουσεία της Θεσσαλονίκης', 'για τα καλοκαιρινά φεστιβάλ'],
    sentences: [
      'Αναζητούμε συνεργάτες για πιλοτικό έργο διάρκειας έξι μηνών.',
      'Ο διαθέσιμος όγκος είναι περίπου δύο τόνοι τον μήνα.',
      'Χρειαζόμαστε μια βιώσιμη λύση που μπορεί να εφαρμοστεί και αλλού.',
      'Έχουμε ήδη δοκιμάσει ένα πρωτότυπο με ενθαρρυντικά αποτελέσματα.',
      'Ο δήμος διαθέτει χώρο για πειραματισμό.',
      'Ευπρόσδεκτες είναι προτάσεις από πανεπιστήμια, ειδικούς και μικρές επιχειρήσεις.',
      'Σήμερα αυτά τα υλικά καταλήγουν σε χωματερή με αυξανόμενο κόστος.',
    ],
    proposals: [
      'Προτείνουμε ένα κοινό εργαστήριο για τη διαλογή του υλικού.',
      'Μπορούμε να μετατρέψουμε τα υπολείμματα σε διακοσμητικά πάνελ.',
      'Προτείνουμε μια πλατφόρμα ανταλλαγής ανάμεσα στα εργαστήρια.',
      'Η ερευνητική μας ομάδα μπορεί να αναλύσει το υλικό σε τρεις εβδομάδες.',
    ],
  },
  fr: {
    openers: ['Comment réutiliser', 'Valoriser', 'Recycler', 'Réduire', 'Transformer', 'Récupérer', 'Partager'],
    objects: ['les chutes de tissu', 'les déchets de céramique', 'le plastique marin', 'les grignons d’olive', 'le verre de récupération', 'les filets de pêche usagés', 'les déchets de chantier', 'les chutes de cuir', 'le papier d’emballage'],
    contexts: ['dans la médina de Tunis', 'dans les ateliers d’artisanat', 'pour le design de produit', 'à Sfax et Sousse', 'pour les festivals d’été', 'dans les musées de Carthage', 'pour l’édition indépendante'],
    sentences: [
      'Nous cherchons des partenaires pour un projet pilote de six mois.',
      'Le volume disponible est d’environ deux tonnes par mois.',
      'Il faut une solution durable et reproductible dans d’autres villes.',
      'Un premier prototype a donné des résultats encourageants.',
      'La municipalité met un espace à disposition pour les essais.',
      'Les propositions des universités, experts et PME sont les bienvenues.',
      'Aujourd’hui ces matériaux partent en décharge à un coût croissant.',
    ],
    proposals: [
      'Nous proposons un atelier partagé pour trier et nettoyer la matière.',
      'Nous pouvons transformer ces chutes en panneaux décoratifs.',
      'Nous suggérons une plateforme d’échange entre les ateliers de la médina.',
      'Notre laboratoire peut caractériser le matériau en trois semaines.',
    ],
  },
  ar: {
    openers: ['كيف نعيد استخدام', 'إعادة تدوير', 'تثمين', 'الحد من', 'تحويل', 'استرجاع'],
    objects: ['بقايا الأقمشة', 'نفايات الخزف', 'البلاستيك البحري', 'مخلفات الزيتون', 'الزجاج المسترجع', 'شباك الصيد القديمة', 'مخلفات البناء', 'بقايا الجلود', 'ورق التغليف'],
    contexts: ['في المدينة العتيقة بتونس', 'في ورش الحرف اليدوية', 'لتصميم المنتجات', 'في البلدة القديمة في نابلس', 'في عمّان والسلط', 'للمهرجانات الصيفية', 'في متاحف القدس'],
    sentences: [
      'نبحث عن شركاء لمشروع تجريبي مدته ستة أشهر.',
      'الكمية المتوفرة حوالي طنين شهريا.',
      'نحتاج إلى حل مستدام يمكن تطبيقه في مدن أخرى.',
      'جربنا نموذجا أوليا بنتائج مشجعة.',
      'تضع البلدية مساحة للتجريب.',
      'نرحب بمقترحات الجامعات والخبراء والمؤسسات الصغيرة.',
      'اليوم تنتهي هذه المواد في المكبات بتكلفة متزايدة.',
    ],
    proposals: [
      'نقترح ورشة مشتركة لفرز المواد وتنظيفها.',
      'يمكننا تحويل البقايا إلى ألواح زخرفية.',
      'نقترح منصة لتبادل المواد بين الورش.',
      'يستطيع فريقنا البحثي تحليل المادة خلال ثلاثة أسابيع.',
    ],
  },
  en: {
    openers: ['How to reuse', 'Regenerating', 'Upcycling', 'Reducing', 'Recovering', 'Sharing', 'Turning around'],
    objects: ['textile offcuts', 'ceramic waste', 'marine plastic', 'olive pomace', 'recovered glass', 'discarded fishing nets', 'construction rubble', 'leather scraps', 'packaging paper', 'marble sludge'],
    contexts: ['in historic city centres', 'for craft workshops', 'for product design', 'across Mediterranean clusters', 'for summer festivals', 'in museum exhibitions', 'for independent publishers'],
    sentences: [
      'We are looking for partners for a six-month pilot.',
      'About two tonnes a month are available.',
      'The solution must be sustainable and replicable in other cities.',
      'A first prototype gave encouraging results.',
      'The municipality offers a space for trials.',
      'Proposals from universities, experts and small businesses are welcome.',
      'Today these materials go to landfill at a rising cost.',
    ],
    proposals: [
      'We propose a shared workshop to sort and clean the material.',
      'We can turn the offcuts into decorative wall panels.',
      'We suggest an exchange platform between the workshops of the cluster.',
      'Our lab can characterise the material within three weeks.',
      'We ran a similar pilot in Valencia last year.',
    ],
  },
};

const MATERIALS = ['wool', 'textile', 'marble', 'ceramic', 'glass', 'plastic', 'olive-pomace', 'fishing-nets', 'rubble', 'leather', 'paper', 'wood'];
const EFFORTS = ['3 months, 2 people', '6 weeks, 1 person', '1 year, a team of 4', '2 months and a small grant'];

export interface NetworkSeed {
  kind: 'CLUSTER' | 'NETWORK';
  name: string;
  city: string | null;
  countries: Country[];
  visibility: 'PUBLIC' | 'PRIVATE';
}

/** Index 8 is private and shared with the viewer's organisations, index 9 private and not. */
export const NETWORKS: NetworkSeed[] = [
  { kind: 'NETWORK', name: 'INNOMED-UP Mediterranean Network', city: null, countries: ['IT', 'GR', 'TN', 'PS', 'JO'], visibility: 'PUBLIC' },
  { kind: 'CLUSTER', name: 'Prato Textile Cluster', city: 'Prato', countries: ['IT'], visibility: 'PUBLIC' },
  { kind: 'CLUSTER', name: 'Medina of Tunis Cluster', city: 'Tunis', countries: ['TN'], visibility: 'PUBLIC' },
  { kind: 'CLUSTER', name: 'Athens Creative Heritage Cluster', city: 'Athens', countries: ['GR'], visibility: 'PUBLIC' },
  { kind: 'CLUSTER', name: 'Amman Crafts Cluster', city: 'Amman', countries: ['JO'], visibility: 'PUBLIC' },
  { kind: 'CLUSTER', name: 'Bethlehem Old City Cluster', city: 'Bethlehem', countries: ['PS'], visibility: 'PUBLIC' },
  { kind: 'NETWORK', name: 'Circular Design Mediterranean', city: null, countries: ['IT', 'GR', 'TN'], visibility: 'PUBLIC' },
  { kind: 'NETWORK', name: 'Levant Makers Network', city: null, countries: ['PS', 'JO'], visibility: 'PUBLIC' },
  { kind: 'NETWORK', name: 'Marble & Stone Working Group', city: null, countries: ['IT', 'GR'], visibility: 'PRIVATE' },
  { kind: 'NETWORK', name: 'Festival Sustainability Circle', city: null, countries: ['IT', 'TN', 'JO'], visibility: 'PRIVATE' },
];

/** Ids of the seeded rows, computed the way the seed computes them (for the scenario's filters). */
export const networkIdSql = (index: number): string => uuid('network', String(index));

export interface SeedOutcome {
  seeded: boolean;
  seconds: number;
  counts: Record<string, number>;
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function counts(client: pg.Client): Promise<Record<string, number>> {
  const result = await client.query<Record<string, number>>(`
    SELECT (SELECT count(*) FROM organisations)::int AS organisations,
           (SELECT count(*) FROM networks)::int AS networks,
           (SELECT count(*) FROM network_memberships)::int AS "networkMemberships",
           (SELECT count(*) FROM users WHERE email LIKE 'feed-author-%')::int AS authors,
           (SELECT count(*) FROM challenges)::int AS challenges,
           (SELECT count(*) FROM challenge_answers)::int AS answers,
           (SELECT count(*) FROM answer_votes)::int AS votes,
           (SELECT count(*) FROM challenge_follows)::int AS follows`);
  return result.rows[0]!;
}

async function marker(client: pg.Client): Promise<string | null> {
  const result = await client.query<{ comment: string | null }>("SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = current_database()");
  return result.rows[0]?.comment ?? null;
}

function isComplete(found: Record<string, number>): boolean {
  return (
    found.organisations === FEED_DATA.organisations &&
    found.networks === FEED_DATA.networks &&
    found.authors === FEED_DATA.authors &&
    found.challenges === FEED_DATA.challenges &&
    found.answers === FEED_DATA.answers
  );
}

/** Seeds the scenario's database unless the same version of the data is already there. */
export async function ensureFeedData(url: string, log: (message: string) => void): Promise<SeedOutcome> {
  const started = Date.now();
  return withClient(url, async (client) => {
    const existing = await counts(client);
    const found = await marker(client);
    if (found?.startsWith(`${MARKER} (`) && isComplete(existing)) {
      return { seeded: false, seconds: 0, counts: existing };
    }
    log(found ? `data marker "${found}" is not "${MARKER}" or rows are missing; reseeding` : 'no benchmark data yet; seeding');
    await client.query('BEGIN');
    try {
      await seed(client, log);
      const database = (await client.query<{ name: string }>('SELECT current_database() AS name')).rows[0]!.name;
      await client.query(`COMMENT ON DATABASE "${database.replaceAll('"', '""')}" IS '${MARKER} (${new Date().toISOString()})'`);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
    log('vacuum analyze');
    await client.query('VACUUM ANALYZE');
    const after = await counts(client);
    if (!isComplete(after)) throw new Error(`seeding left unexpected row counts: ${JSON.stringify(after)}`);
    return { seeded: true, seconds: Math.round((Date.now() - started) / 100) / 10, counts: after };
  });
}

async function seed(client: pg.Client, log: (message: string) => void): Promise<void> {
  const step = async (label: string, sql: string, params: unknown[] = []): Promise<void> => {
    const t0 = Date.now();
    const result = await client.query(sql, params);
    log(`  ${label}: ${result.rowCount ?? 0} rows, ${Date.now() - t0} ms`);
  };

  // Everything in this database is the benchmark's own; start from empty tables.
  await step('truncate', 'TRUNCATE users, organisations, networks CASCADE');

  const organisations = Array.from({ length: FEED_DATA.organisations }, (_, i) => {
    const country = COUNTRIES[i % 5]!;
    const kind = KINDS[Math.floor(i / 5) % 5]!;
    const city = CITIES[country][Math.floor(i / 25) % 8]!;
    const subsectors = Object.values(CciSubsector);
    return {
      country,
      kind,
      city,
      name: ORGANISATION_NAMES[country][kind].replace('{city}', city),
      description: KIND_DESCRIPTIONS[kind],
      website: i % 3 === 0 ? `https://example.org/organisations/${i}` : null,
      subsectors: `{${[subsectors[i % subsectors.length], ...(i % 2 ? [subsectors[(i * 7 + 3) % subsectors.length]] : [])].filter((v, n, all) => all.indexOf(v) === n).join(',')}}`,
    };
  });
  await step(
    'organisations',
    `INSERT INTO organisations (id, name, kind, country, city, subsectors, description, website, created_at, updated_at)
     SELECT ${uuid('org', 't.n - 1')}, t.name, t.kind::organisation_kind, t.country, t.city, t.subsectors::text[], t.description, t.website,
            now() - make_interval(days => (800 - t.n)::int), now() - make_interval(days => (800 - t.n)::int)
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) WITH ORDINALITY
            AS t(name, kind, country, city, subsectors, description, website, n)`,
    [
      organisations.map((o) => o.name),
      organisations.map((o) => o.kind),
      organisations.map((o) => o.country),
      organisations.map((o) => o.city),
      organisations.map((o) => o.subsectors),
      organisations.map((o) => o.description),
      organisations.map((o) => o.website),
    ],
  );

  // Two people per organisation: user 2i owns organisation i, user 2i+1 is a member.
  const authors = Array.from({ length: FEED_DATA.authors }, (_, j) => {
    const country = COUNTRIES[Math.floor(j / 2) % 5]!;
    const people = PEOPLE[country];
    return {
      displayName: `${people.first[j % people.first.length]} ${people.last[Math.floor(j / 8) % people.last.length]}`,
      country,
      languages: `{${people.languages.join(',')}}`,
      timeZone: people.timeZone,
    };
  });
  await step(
    'authors',
    `INSERT INTO users (id, email, password_hash, display_name, preferred_languages, country, time_zone, created_at, updated_at)
     SELECT ${uuid('user', 't.n - 1')}, 'feed-author-' || (t.n - 1) || '@${VIEWER_EMAIL_DOMAIN}', '!', t.display_name, t.languages::text[], t.country, t.time_zone,
            now() - make_interval(days => 700), now() - make_interval(days => 700)
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS t(display_name, country, languages, time_zone, n)`,
    [authors.map((a) => a.displayName), authors.map((a) => a.country), authors.map((a) => a.languages), authors.map((a) => a.timeZone)],
  );
  await step(
    'organisation memberships',
    `INSERT INTO organisation_memberships (organisation_id, user_id, role, created_at)
     SELECT ${uuid('org', 'j / 2')}, ${uuid('user', 'j')}, (CASE WHEN j % 2 = 0 THEN 'OWNER' ELSE 'MEMBER' END)::organisation_role, now() - make_interval(days => 700)
       FROM generate_series(0, ${FEED_DATA.authors - 1}) AS j`,
  );

  await step(
    'networks',
    `INSERT INTO networks (id, kind, name, description, city, countries, subsectors, visibility, created_at, updated_at)
     SELECT ${uuid('network', 't.n - 1')}, t.kind::network_kind, t.name, 'Benchmark network: ' || t.name || '.', t.city, t.countries::text[], '{}', t.visibility::network_visibility,
            now() - make_interval(days => 750), now() - make_interval(days => 750)
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS t(kind, name, city, countries, visibility, n)`,
    [NETWORKS.map((n) => n.kind), NETWORKS.map((n) => n.name), NETWORKS.map((n) => n.city), NETWORKS.map((n) => `{${n.countries.join(',')}}`), NETWORKS.map((n) => n.visibility)],
  );
  // Each organisation joins 1–3 of the networks that cover its country; the first member of each network administers it.
  await step(
    'network memberships',
    `INSERT INTO network_memberships (network_id, organisation_id, role, created_at)
     SELECT network_id, organisation_id,
            (CASE WHEN organisation_id = first_value(organisation_id) OVER (PARTITION BY network_id ORDER BY organisation_id) THEN 'ADMIN' ELSE 'MEMBER' END)::network_role,
            now() - make_interval(days => 740)
       FROM (SELECT n.id AS network_id, o.id AS organisation_id,
                    row_number() OVER (PARTITION BY o.id ORDER BY md5(o.id::text || n.id::text)) AS pick,
                    1 + ${h("'nets:' || o.id::text")} % 3 AS wanted
               FROM organisations o JOIN networks n ON o.country = ANY (n.countries)) AS candidates
      WHERE pick <= wanted`,
  );
  await step(
    'network creators',
    `UPDATE networks n SET created_by_organisation_id = m.organisation_id FROM network_memberships m WHERE m.network_id = n.id AND m.role = 'ADMIN'`,
  );

  const languages = [...new Set(Object.values(CHALLENGE_LANGUAGES).flat())];
  const configs = Object.fromEntries(languages.map((language) => [language, searchConfigFor(language)]));
  const lexicon = { words: LEXICON, languages: CHALLENGE_LANGUAGES, configs };
  // `w -> lang -> list ->> (hash % length)`: one entry of a word list of the text's language.
  const word = (list: keyof Lexicon, key: string): string => `(w -> t.lang -> '${list}' ->> (${h(key)} % jsonb_array_length(w -> t.lang -> '${list}')))`;
  const sentence = (key: string, offset: number): string =>
    `(w -> t.lang -> 'sentences' ->> ((${h(key)} + ${offset}) % jsonb_array_length(w -> t.lang -> 'sentences')))`;
  const levers = Object.values(ResolveLever);
  const subsectors = Object.values(CciSubsector);
  // A non-empty subset of a list: the element picked by `key`, plus each other one with probability 1/`oneIn`.
  const subset = (param: string, size: number, key: string, oneIn: number): string =>
    `ARRAY(SELECT v FROM unnest(${param}::text[]) WITH ORDINALITY AS s(v, k) WHERE k = 1 + ${h(key)} % ${size} OR ${h(`${key} || ':' || k`)} % ${oneIn} = 0 ORDER BY k)`;

  // Challenge i is posted by a random (network, member organisation) pair, by one of that
  // organisation's two people, one every ~78 minutes going back ~540 days, in a language of its country.
  await step(
    'challenges',
    `WITH lex AS (SELECT $1::jsonb AS lex),
          members AS (
            SELECT o.i AS org, m.network_id, org.country,
                   (row_number() OVER (ORDER BY m.network_id, o.i) - 1)::int AS k
              FROM generate_series(0, ${FEED_DATA.organisations - 1}) AS o(i)
              JOIN network_memberships m ON m.organisation_id = ${uuid('org', 'o.i')}
              JOIN organisations org ON org.id = m.organisation_id),
          member_count AS (SELECT count(*)::int AS total FROM network_memberships),
          posted AS (
            SELECT g.i, m.org, m.network_id, m.country,
                   lex.lex -> 'languages' -> m.country ->> (${h("'lang:' || g.i")} % 4) AS language,
                   date_trunc('second', now()) - make_interval(secs => g.i * 4665 + ${h("'t:' || g.i")} % 4000) - (${h("'us:' || g.i")} % 1000000) * interval '1 microsecond' AS created_at
              FROM generate_series(0, ${FEED_DATA.challenges - 1}) AS g(i)
              CROSS JOIN member_count
              JOIN members m ON m.k = ${h("'c:' || g.i")} % member_count.total
              CROSS JOIN lex),
          t AS (
            SELECT p.*, split_part(p.language, '-', 1) AS lang, lex.lex -> 'configs' ->> p.language AS cfg, lex.lex -> 'words' AS w
              FROM posted p CROSS JOIN lex),
          texts AS (
            SELECT t.*,
                   ${word('openers', "'o:' || t.i")} || ' ' || ${word('objects', "'b:' || t.i")} || ' ' || ${word('contexts', "'x:' || t.i")} AS title,
                   ${sentence("'s:' || t.i", 0)} || ' ' || ${sentence("'s:' || t.i", 1)} || E'\\n\\n- ' || ${sentence("'s:' || t.i", 3)} || E'\\n- ' || ${sentence("'s:' || t.i", 5)} AS description
              FROM t)
     INSERT INTO challenges (id, network_id, organisation_id, author_id, title, description, levers, materials, subsectors, language, deadline, attachments,
                             status, answer_count, vote_score, last_activity_at, search_document, created_at, updated_at)
     SELECT ${uuid('challenge', 'x.i')}, x.network_id, ${uuid('org', 'x.org')}, ${uuid('user', `x.org * 2 + ${h("'au:' || x.i")} % 2`)}, x.title, x.description,
            ${subset('$2', levers.length, "'lv:' || x.i", 4)}, ${subset('$3', MATERIALS.length, "'mt:' || x.i", 8)}, ${subset('$4', subsectors.length, "'ss:' || x.i", 12)},
            x.language,
            CASE WHEN ${h("'d:' || x.i")} % 10 < 4 THEN x.created_at + make_interval(days => 30 + ${h("'dd:' || x.i")} % 90) END,
            CASE WHEN ${h("'a:' || x.i")} % 10 = 0 THEN jsonb_build_array(jsonb_build_object('title', 'Technical sheet', 'url', 'https://example.org/challenges/' || x.i || '/sheet.pdf')) ELSE '[]'::jsonb END,
            (CASE WHEN ${h("'st:' || x.i")} % 100 < 6 THEN 'DRAFT' WHEN ${h("'st:' || x.i")} % 100 < 84 THEN 'OPEN' WHEN ${h("'st:' || x.i")} % 100 < 92 THEN 'IN_PROGRESS'
                  WHEN ${h("'st:' || x.i")} % 100 < 98 THEN 'SOLVED' ELSE 'CLOSED' END)::challenge_status,
            0, 0, x.created_at,
            ${searchDocumentSql('x.cfg', 'x.title', 'x.description')},
            x.created_at, x.created_at
       FROM texts x`,
    [JSON.stringify(lexicon), levers, MATERIALS, subsectors],
  );
  await step(
    'transitions',
    `INSERT INTO challenge_transitions (challenge_id, from_status, to_status, actor_id, at)
     SELECT id, NULL::challenge_status_from, 'DRAFT'::challenge_status_to, author_id, created_at FROM challenges
     UNION ALL
     SELECT id, 'DRAFT'::challenge_status_from, status::text::challenge_status_to, author_id, created_at + interval '1 hour' FROM challenges WHERE status <> 'DRAFT'`,
  );

  // Answers go to published challenges, skewed so that a few get many: challenge ⌊n·u^1.5⌋ for uniform u.
  // The answering organisation is a member of the challenge's network; the author one of its people.
  await step(
    'answers',
    `WITH lex AS (SELECT $1::jsonb AS w),
          published AS (
            SELECT c.id, c.network_id, c.created_at, split_part(c.language, '-', 1) AS lang,
                   (row_number() OVER (ORDER BY c.id) - 1)::int AS k
              FROM challenges c WHERE c.status <> 'DRAFT'),
          published_count AS (SELECT count(*)::int AS total FROM challenges WHERE status <> 'DRAFT'),
          members AS (
            SELECT o.i AS org, m.network_id,
                   (row_number() OVER (PARTITION BY m.network_id ORDER BY o.i) - 1)::int AS k, (count(*) OVER (PARTITION BY m.network_id))::int AS total
              FROM generate_series(0, ${FEED_DATA.organisations - 1}) AS o(i)
              JOIN network_memberships m ON m.organisation_id = ${uuid('org', 'o.i')}),
          t AS (
            SELECT g.j, c.id AS challenge_id, c.created_at AS challenge_created_at, c.lang, m.org, lex.w
              FROM generate_series(0, ${FEED_DATA.answers - 1}) AS g(j)
              CROSS JOIN published_count p
              JOIN published c ON c.k = least(p.total - 1, floor(p.total * power(${h("'ac:' || g.j")} / 268435456.0, 1.5))::int)
              JOIN members m ON m.network_id = c.network_id AND m.k = ${h("'ao:' || g.j")} % m.total
              CROSS JOIN lex)
     INSERT INTO challenge_answers (id, challenge_id, author_id, organisation_id, body, levers, effort_estimate, score, accepted_at, created_at, updated_at)
     SELECT ${uuid('answer', 't.j')}, t.challenge_id, ${uuid('user', `t.org * 2 + ${h("'aa:' || t.j")} % 2`)}, ${uuid('org', 't.org')},
            (w -> t.lang -> 'proposals' ->> (${h("'p:' || t.j")} % jsonb_array_length(w -> t.lang -> 'proposals'))) || E'\\n\\n' ||
            (w -> t.lang -> 'sentences' ->> (${h("'ps:' || t.j")} % jsonb_array_length(w -> t.lang -> 'sentences'))),
            ${subset('$2', levers.length, "'al:' || t.j", 6)},
            CASE WHEN ${h("'e:' || t.j")} % 3 = 0 THEN ($3::text[])[1 + ${h("'ee:' || t.j")} % ${EFFORTS.length}] END,
            0, NULL,
            t.challenge_created_at + (now() - t.challenge_created_at) * (${h("'at:' || t.j")} / 268435456.0),
            t.challenge_created_at + (now() - t.challenge_created_at) * (${h("'at:' || t.j")} / 268435456.0)
       FROM t`,
    [JSON.stringify(LEXICON), levers, EFFORTS],
  );
  // 0–6 votes per answer from distinct people (stride 37 is coprime with 400), four in five up.
  await step(
    'votes',
    `INSERT INTO answer_votes (answer_id, user_id, value, updated_at)
     SELECT a.id, ${uuid('user', `(${h("'v:' || a.id::text")} + v.k * 37) % ${FEED_DATA.authors}`)},
            CASE WHEN ${h("'vv:' || a.id::text || ':' || v.k")} % 5 = 0 THEN -1 ELSE 1 END,
            least(now(), a.created_at + v.k * interval '5 hours')
       FROM challenge_answers a
      CROSS JOIN LATERAL generate_series(1, ${h("'n:' || a.id::text")} % 7) AS v(k)`,
  );
  await step(
    'answer scores',
    `UPDATE challenge_answers a SET score = v.score, updated_at = v.last
       FROM (SELECT answer_id, sum(value)::int AS score, max(updated_at) AS last FROM answer_votes GROUP BY answer_id) AS v
      WHERE v.answer_id = a.id`,
  );
  await step(
    'accepted answers',
    `UPDATE challenge_answers a SET accepted_at = a.created_at + interval '2 days'
       FROM (SELECT DISTINCT ON (x.challenge_id) x.id FROM challenge_answers x JOIN challenges c ON c.id = x.challenge_id
              WHERE c.status = 'SOLVED' ORDER BY x.challenge_id, x.score DESC, x.id) AS best
      WHERE best.id = a.id`,
  );
  // The counters the feed shows, as the hub keeps them: answers, the sum of the answers' votes, last activity.
  await step(
    'challenge counters',
    `UPDATE challenges c SET answer_count = x.answers, vote_score = x.score, last_activity_at = greatest(c.created_at, x.last)
       FROM (SELECT challenge_id, count(*)::int AS answers, sum(score)::int AS score, max(greatest(created_at, updated_at)) AS last
               FROM challenge_answers GROUP BY challenge_id) AS x
      WHERE x.challenge_id = c.id`,
  );
  await step(
    'follows',
    `WITH published AS (SELECT id, created_at, (row_number() OVER (ORDER BY id) - 1)::int AS k FROM challenges WHERE status <> 'DRAFT'),
          published_count AS (SELECT count(*)::int AS total FROM challenges WHERE status <> 'DRAFT')
     INSERT INTO challenge_follows (challenge_id, user_id, created_at)
     SELECT c.id, ${uuid('user', `${h("'fu:' || g.j")} % ${FEED_DATA.authors}`)}, c.created_at + interval '1 day'
       FROM generate_series(0, ${FEED_DATA.authorFollows - 1}) AS g(j)
       CROSS JOIN published_count p
       JOIN published c ON c.k = ${h("'fc:' || g.j")} % p.total
     ON CONFLICT DO NOTHING`,
  );
}

export interface Viewer {
  userId: string;
  organisationIds: string[];
  follows: number;
  /** Network the viewer sees only through membership (private). */
  privateVisibleNetworkId: string;
  /** Private network none of the viewer's organisations belongs to. */
  privateHiddenNetworkId: string;
}

/** Removes the viewer accounts of earlier runs (their memberships and follows go with them). */
export async function removeViewers(url: string): Promise<number> {
  return withClient(url, async (client) => {
    const result = await client.query(`DELETE FROM users WHERE email LIKE '${VIEWER_EMAIL_PREFIX}%@${VIEWER_EMAIL_DOMAIN}'`);
    return result.rowCount ?? 0;
  });
}

/**
 * Makes the freshly registered viewer a member of five organisations: two that belong to the first
 * private network, three others, none in the second private network. So the viewer sees every public
 * network, one private network, and the drafts of five organisations; and follows one in fifteen of
 * the published challenges it can see.
 */
export async function prepareViewer(url: string, userId: string): Promise<Viewer> {
  const visible = NETWORKS.findIndex((n) => n.visibility === 'PRIVATE');
  const hidden = NETWORKS.findIndex((n, i) => n.visibility === 'PRIVATE' && i !== visible);
  return withClient(url, async (client) => {
    const ids = await client.query<{ visible: string; hidden: string }>(`SELECT ${networkIdSql(visible)}::text AS visible, ${networkIdSql(hidden)}::text AS hidden`);
    const { visible: visibleId, hidden: hiddenId } = ids.rows[0]!;
    const candidates = await client.query<{ id: string; in_visible: boolean }>(
      `SELECT o.id, EXISTS (SELECT 1 FROM network_memberships m WHERE m.organisation_id = o.id AND m.network_id = $1) AS in_visible
         FROM organisations o
        WHERE NOT EXISTS (SELECT 1 FROM network_memberships m WHERE m.organisation_id = o.id AND m.network_id = $2)
        ORDER BY md5(o.id::text)`,
      [visibleId, hiddenId],
    );
    const chosen = [...candidates.rows.filter((row) => row.in_visible).slice(0, 2), ...candidates.rows.filter((row) => !row.in_visible).slice(0, 3)].map((row) => row.id);
    if (chosen.length < 5) throw new Error('the seeded data has too few organisations for the viewer');
    await client.query('BEGIN');
    try {
      await client.query(
        `INSERT INTO organisation_memberships (organisation_id, user_id, role) SELECT unnest($1::uuid[]), $2, 'MEMBER'`,
        [chosen, userId],
      );
      const follows = await client.query(
        `INSERT INTO challenge_follows (challenge_id, user_id)
         SELECT c.id, $1 FROM challenges c WHERE c.status <> 'DRAFT' AND c.network_id <> $2 AND ${h("'vf:' || c.id::text")} % 15 = 0`,
        [userId, hiddenId],
      );
      await client.query('COMMIT');
      await client.query('ANALYZE organisation_memberships, challenge_follows');
      return { userId, organisationIds: chosen, follows: follows.rowCount ?? 0, privateVisibleNetworkId: visibleId, privateHiddenNetworkId: hiddenId };
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  });
}

/** How many rows a filter matches for the viewer, counted with plain SQL (to check a workload is not trivial). */
export async function countVisible(url: string, viewerId: string, where: string, params: unknown[]): Promise<number> {
  return withClient(url, async (client) => {
    const result = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM challenges c JOIN networks n ON n.id = c.network_id
        WHERE (n.visibility = 'PUBLIC' OR c.network_id IN (SELECT nm.network_id FROM network_memberships nm JOIN organisation_memberships om ON om.organisation_id = nm.organisation_id WHERE om.user_id = $1))
          AND (c.status <> 'DRAFT' OR c.organisation_id IN (SELECT organisation_id FROM organisation_memberships WHERE user_id = $1))
          AND ${where}`,
      [viewerId, ...params],
    );
    return result.rows[0]!.n;
  });
}
