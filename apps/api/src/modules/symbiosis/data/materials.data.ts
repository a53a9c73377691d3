/**
 * The shared material taxonomy of the symbiosis exchange: families and the materials in them, with a
 * label in each of the hub's languages (it, el, fr, ar, en) and the List of Waste codes a material is
 * usually declared under. Matching compares these codes, never the words of a listing, so an Arabic
 * WANT and an Italian OFFER of the same material meet.
 *
 * Source: the families follow the list (textiles, leather, paper and card, wood, glass,
 * ceramics, metals, plastics by polymer, organic, packaging, electronics); the usual codes are entries
 * of the European List of Waste (see ewc-codes.data.ts). Labels written for the hub.
 */
export type Language = 'it' | 'el' | 'fr' | 'ar' | 'en';
export type Labels = Record<Language, string>;

export const MATERIAL_FAMILIES = ['TEXTILES', 'LEATHER', 'PAPER', 'WOOD', 'GLASS', 'CERAMICS', 'METALS', 'PLASTICS', 'ORGANIC', 'PACKAGING', 'ELECTRONICS'] as const;
export type MaterialFamily = (typeof MATERIAL_FAMILIES)[number];

export const FAMILY_LABELS: Record<MaterialFamily, Labels> = {
  TEXTILES: { it: 'Tessili', el: 'Υφάσματα', fr: 'Textiles', ar: 'منسوجات', en: 'Textiles' },
  LEATHER: { it: 'Pelle e cuoio', el: 'Δέρμα', fr: 'Cuir', ar: 'جلود', en: 'Leather' },
  PAPER: { it: 'Carta e cartone', el: 'Χαρτί και χαρτόνι', fr: 'Papier et carton', ar: 'ورق وكرتون', en: 'Paper and card' },
  WOOD: { it: 'Legno', el: 'Ξύλο', fr: 'Bois', ar: 'خشب', en: 'Wood' },
  GLASS: { it: 'Vetro', el: 'Γυαλί', fr: 'Verre', ar: 'زجاج', en: 'Glass' },
  CERAMICS: { it: 'Ceramica', el: 'Κεραμικά', fr: 'Céramique', ar: 'سيراميك', en: 'Ceramics' },
  METALS: { it: 'Metalli', el: 'Μέταλλα', fr: 'Métaux', ar: 'معادن', en: 'Metals' },
  PLASTICS: { it: 'Plastiche', el: 'Πλαστικά', fr: 'Plastiques', ar: 'بلاستيك', en: 'Plastics' },
  ORGANIC: { it: 'Organico', el: 'Οργανικά', fr: 'Organique', ar: 'مواد عضوية', en: 'Organic' },
  PACKAGING: { it: 'Imballaggi', el: 'Συσκευασίες', fr: 'Emballages', ar: 'تغليف', en: 'Packaging' },
  ELECTRONICS: { it: 'Elettronica', el: 'Ηλεκτρονικά', fr: 'Électronique', ar: 'إلكترونيات', en: 'Electronics' },
};

export interface MaterialDefinition {
  code: string;
  family: MaterialFamily;
  labels: Labels;
  /** List of Waste codes (six digits, no spaces) a listing of this material is usually declared under. */
  usualEwcCodes: string[];
}

export const MATERIALS: MaterialDefinition[] = [
  { code: 'TEXTILE_WOOL', family: 'TEXTILES', labels: { it: 'Lana', el: 'Μαλλί', fr: 'Laine', ar: 'صوف', en: 'Wool' }, usualEwcCodes: ['040221', '040222', '191208'] },
  { code: 'TEXTILE_COTTON', family: 'TEXTILES', labels: { it: 'Cotone', el: 'Βαμβάκι', fr: 'Coton', ar: 'قطن', en: 'Cotton' }, usualEwcCodes: ['040221', '040222', '191208'] },
  { code: 'TEXTILE_SYNTHETIC_BLEND', family: 'TEXTILES', labels: { it: 'Misti sintetici', el: 'Συνθετικά μείγματα', fr: 'Mélanges synthétiques', ar: 'خلطات صناعية', en: 'Synthetic blends' }, usualEwcCodes: ['040209', '040222', '191208'] },
  { code: 'TEXTILE_OFFCUTS', family: 'TEXTILES', labels: { it: 'Ritagli tessili', el: 'Υπολείμματα υφασμάτων', fr: 'Chutes de tissu', ar: 'قصاصات قماش', en: 'Textile offcuts' }, usualEwcCodes: ['040222', '040221', '200111'] },
  { code: 'TEXTILE_POST_CONSUMER', family: 'TEXTILES', labels: { it: 'Abiti usati', el: 'Μεταχειρισμένα ρούχα', fr: 'Vêtements usagés', ar: 'ملابس مستعملة', en: 'Post-consumer garments' }, usualEwcCodes: ['200110', '200111', '191208'] },
  { code: 'LEATHER_OFFCUTS', family: 'LEATHER', labels: { it: 'Ritagli di pelle', el: 'Υπολείμματα δέρματος', fr: 'Chutes de cuir', ar: 'قصاصات جلد', en: 'Leather offcuts' }, usualEwcCodes: ['040108', '040109', '040199'] },
  { code: 'LEATHER_TANNERY_RESIDUE', family: 'LEATHER', labels: { it: 'Residui di conceria', el: 'Υπολείμματα βυρσοδεψείου', fr: 'Résidus de tannerie', ar: 'مخلفات الدباغة', en: 'Tannery residues' }, usualEwcCodes: ['040101', '040108'] },
  { code: 'PAPER_CARD', family: 'PAPER', labels: { it: 'Carta e cartone', el: 'Χαρτί και χαρτόνι', fr: 'Papier et carton', ar: 'ورق وكرتون', en: 'Paper and card' }, usualEwcCodes: ['200101', '191201', '150101'] },
  { code: 'WOOD_UNTREATED', family: 'WOOD', labels: { it: 'Legno non trattato', el: 'Ακατέργαστο ξύλο', fr: 'Bois non traité', ar: 'خشب غير معالج', en: 'Untreated wood' }, usualEwcCodes: ['030105', '170201', '191207', '200138'] },
  { code: 'WOOD_PALLETS', family: 'WOOD', labels: { it: 'Pallet in legno', el: 'Ξύλινες παλέτες', fr: 'Palettes en bois', ar: 'منصات خشبية', en: 'Wooden pallets' }, usualEwcCodes: ['150103'] },
  { code: 'GLASS_CULLET', family: 'GLASS', labels: { it: 'Rottame di vetro', el: 'Θραύσματα γυαλιού', fr: 'Calcin', ar: 'كسر الزجاج', en: 'Glass cullet' }, usualEwcCodes: ['101112', '170202', '191205', '200102'] },
  { code: 'CERAMIC_TILES', family: 'CERAMICS', labels: { it: 'Piastrelle e ceramiche', el: 'Πλακάκια και κεραμικά', fr: 'Carreaux et céramiques', ar: 'بلاط وخزف', en: 'Tiles and ceramics' }, usualEwcCodes: ['101208', '170103'] },
  { code: 'METAL_FERROUS', family: 'METALS', labels: { it: 'Ferro e acciaio', el: 'Σίδηρος και χάλυβας', fr: 'Fer et acier', ar: 'حديد وفولاذ', en: 'Iron and steel' }, usualEwcCodes: ['170405', '191202', '200140'] },
  { code: 'METAL_ALUMINIUM', family: 'METALS', labels: { it: 'Alluminio', el: 'Αλουμίνιο', fr: 'Aluminium', ar: 'ألومنيوم', en: 'Aluminium' }, usualEwcCodes: ['170402', '191203', '200140'] },
  { code: 'METAL_COPPER', family: 'METALS', labels: { it: 'Rame e ottone', el: 'Χαλκός και ορείχαλκος', fr: 'Cuivre et laiton', ar: 'نحاس', en: 'Copper and brass' }, usualEwcCodes: ['170401', '191203', '170411'] },
  { code: 'PLASTIC_PET', family: 'PLASTICS', labels: { it: 'PET', el: 'PET', fr: 'PET', ar: 'بولي إيثيلين تيريفثالات PET', en: 'PET' }, usualEwcCodes: ['150102', '191204', '200139'] },
  { code: 'PLASTIC_HDPE', family: 'PLASTICS', labels: { it: 'HDPE', el: 'HDPE', fr: 'PEHD', ar: 'بولي إيثيلين عالي الكثافة HDPE', en: 'HDPE' }, usualEwcCodes: ['150102', '191204', '200139'] },
  { code: 'PLASTIC_LDPE', family: 'PLASTICS', labels: { it: 'LDPE (film)', el: 'LDPE (φιλμ)', fr: 'PEBD (film)', ar: 'بولي إيثيلين منخفض الكثافة LDPE', en: 'LDPE (film)' }, usualEwcCodes: ['150102', '191204', '200139'] },
  { code: 'PLASTIC_PP', family: 'PLASTICS', labels: { it: 'Polipropilene', el: 'Πολυπροπυλένιο', fr: 'Polypropylène', ar: 'بولي بروبيلين', en: 'Polypropylene' }, usualEwcCodes: ['150102', '070213', '120105', '200139'] },
  { code: 'PLASTIC_PS', family: 'PLASTICS', labels: { it: 'Polistirene', el: 'Πολυστυρένιο', fr: 'Polystyrène', ar: 'بوليسترين', en: 'Polystyrene' }, usualEwcCodes: ['150102', '170203', '200139'] },
  { code: 'PLASTIC_PVC', family: 'PLASTICS', labels: { it: 'PVC', el: 'PVC', fr: 'PVC', ar: 'بولي فينيل كلوريد PVC', en: 'PVC' }, usualEwcCodes: ['170203', '191204'] },
  { code: 'ORGANIC_FOOD', family: 'ORGANIC', labels: { it: 'Scarti alimentari', el: 'Υπολείμματα τροφίμων', fr: 'Déchets alimentaires', ar: 'مخلفات غذائية', en: 'Food waste' }, usualEwcCodes: ['200108', '020304', '200125'] },
  { code: 'ORGANIC_GREEN', family: 'ORGANIC', labels: { it: 'Sfalci e potature', el: 'Πράσινα απόβλητα', fr: 'Déchets verts', ar: 'مخلفات خضراء', en: 'Green waste' }, usualEwcCodes: ['200201', '020103'] },
  { code: 'PACKAGING_MIXED', family: 'PACKAGING', labels: { it: 'Imballaggi misti', el: 'Μικτές συσκευασίες', fr: 'Emballages mélangés', ar: 'تغليف مختلط', en: 'Mixed packaging' }, usualEwcCodes: ['150106', '150105'] },
  { code: 'PACKAGING_TEXTILE', family: 'PACKAGING', labels: { it: 'Imballaggi tessili', el: 'Υφασμάτινες συσκευασίες', fr: 'Emballages textiles', ar: 'تغليف نسيجي', en: 'Textile packaging' }, usualEwcCodes: ['150109'] },
  { code: 'ELECTRONICS_WEEE', family: 'ELECTRONICS', labels: { it: 'Apparecchiature elettroniche dismesse', el: 'Απόβλητα ηλεκτρονικού εξοπλισμού', fr: 'Équipements électroniques usagés', ar: 'نفايات إلكترونية', en: 'Discarded electronic equipment' }, usualEwcCodes: ['200136', '200135'] },
];

export const MATERIAL_CODES = MATERIALS.map((m) => m.code);
export const MATERIAL_BY_CODE = new Map(MATERIALS.map((m) => [m.code, m]));
