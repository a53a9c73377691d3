import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ListingsRepository } from '@api/modules/symbiosis/listings.repository.js';
import { ListingFrequency, ListingKind, ListingStatus, QuantityUnit } from '@api/modules/symbiosis/symbiosis.enums.js';
import { material } from '@api/modules/symbiosis/taxonomy.js';
import { EWC_BY_CODE } from '@api/modules/symbiosis/data/ewc-codes.data.js';
import type { DemoOrganisationKey } from './demo-data.js';

interface DemoListing {
  by: DemoOrganisationKey;
  author: string;
  kind: ListingKind;
  language: string;
  title: string;
  description: string;
  material: string;
  ewcCode: string | null;
  quantity: number;
  unit: QuantityUnit;
  frequency: ListingFrequency;
  place: keyof typeof PLACES;
  radiusKm: number;
}

const PLACES = {
  prato: { city: 'Prato', country: 'IT', latitude: 43.8777, longitude: 11.1022 },
  gibellina: { city: 'Gibellina', country: 'IT', latitude: 37.8104, longitude: 12.8692 },
  tunis: { city: 'Tunis', country: 'TN', latitude: 36.8065, longitude: 10.1815 },
  athens: { city: 'Athens', country: 'GR', latitude: 37.9838, longitude: 23.7275 },
  amman: { city: 'Amman', country: 'JO', latitude: 31.9539, longitude: 35.9106 },
  birzeit: { city: 'Birzeit', country: 'PS', latitude: 31.9722, longitude: 35.1961 },
} as const;

/** Offers and wants of the partners and demo SMEs, each in its own language; all demo data. */
export const DEMO_LISTINGS: DemoListing[] = [
  {
    by: 'lanificio', author: 'marco@demo.innomed.example', kind: ListingKind.OFFER, language: 'it', place: 'prato', radiusKm: 150,
    title: 'Ritagli di lana cardata (demo)', description: 'Circa 2 t al mese di ritagli di lana dalla cardatura, puliti e divisi per colore. Ritiro a Prato o spedizione su pallet.',
    material: 'TEXTILE_OFFCUTS', ewcCode: '040222', quantity: 2, unit: QuantityUnit.TONNE, frequency: ListingFrequency.MONTHLY,
  },
  {
    by: 'prato', author: 'giulia@demo.innomed.example', kind: ListingKind.OFFER, language: 'it', place: 'prato', radiusKm: 50,
    title: 'Abiti usati dalla raccolta comunale (demo)', description: 'Indumenti usati della raccolta differenziata comunale, non selezionati, da avviare a riuso o rigenerazione.',
    material: 'TEXTILE_POST_CONSUMER', ewcCode: '200110', quantity: 10, unit: QuantityUnit.TONNE, frequency: ListingFrequency.MONTHLY,
  },
  {
    by: 'cresm', author: 'marco@demo.innomed.example', kind: ListingKind.WANT, language: 'it', place: 'gibellina', radiusKm: 1500,
    title: 'Cerchiamo ritagli di pelle per piccola pelletteria (demo)', description: 'Laboratorio di artigianato cerca ritagli di pelle conciata, anche piccoli, per portachiavi e patchwork.',
    material: 'LEATHER_OFFCUTS', ewcCode: '040108', quantity: 200, unit: QuantityUnit.KG, frequency: ListingFrequency.ONE_OFF,
  },
  {
    by: 'medina', author: 'amira@demo.innomed.example', kind: ListingKind.OFFER, language: 'ar', place: 'tunis', radiusKm: 30,
    title: 'قصاصات جلد من ورشة المدينة العتيقة (demo)', description: 'حوالي 300 كغ شهريًا من قصاصات الجلد المدبوغ، مفروزة حسب اللون، من ورشة في مدينة تونس العتيقة.',
    material: 'LEATHER_OFFCUTS', ewcCode: '040108', quantity: 300, unit: QuantityUnit.KG, frequency: ListingFrequency.MONTHLY,
  },
  {
    by: 'medina', author: 'amira@demo.innomed.example', kind: ListingKind.WANT, language: 'fr', place: 'tunis', radiusKm: 2000,
    title: 'Recherche chutes de laine pour feutre (demo)', description: 'Atelier de design de la Médina cherche des chutes de laine propres pour fabriquer du feutre et des panneaux acoustiques.',
    material: 'TEXTILE_OFFCUTS', ewcCode: '040222', quantity: 500, unit: QuantityUnit.KG, frequency: ListingFrequency.MONTHLY,
  },
  {
    by: 'epem', author: 'eleni@demo.innomed.example', kind: ListingKind.WANT, language: 'el', place: 'athens', radiusKm: 300,
    title: 'Ζητούνται θραύσματα γυαλιού για ψηφιδωτά (demo)', description: 'Πιλοτικό έργο ψηφιδωτών για δημόσιους χώρους ζητά καθαρά θραύσματα γυαλιού, κατά προτίμηση χρωματιστά.',
    material: 'GLASS_CULLET', ewcCode: '200102', quantity: 1, unit: QuantityUnit.TONNE, frequency: ListingFrequency.ONE_OFF,
  },
  {
    by: 'ntua', author: 'eleni@demo.innomed.example', kind: ListingKind.OFFER, language: 'el', place: 'athens', radiusKm: 100,
    title: 'Σπασμένα πλακάκια από ανακαίνιση εργαστηρίων (demo)', description: 'Κεραμικά πλακάκια από την ανακαίνιση εργαστηρίων του Πολυτεχνείου, κατάλληλα για ψηφιδωτά ή αδρανή.',
    material: 'CERAMIC_TILES', ewcCode: '170103', quantity: 4, unit: QuantityUnit.TONNE, frequency: ListingFrequency.ONE_OFF,
  },
  {
    by: 'fpec', author: 'rania@demo.innomed.example', kind: ListingKind.WANT, language: 'ar', place: 'amman', radiusKm: 500,
    title: 'نحتاج ملابس مستعملة لورشة إعادة التدوير (demo)', description: 'تعاونية نسائية في عمّان تحتاج إلى ملابس وأقمشة مستعملة لصنع حقائب وسجاد يدوي.',
    material: 'TEXTILE_POST_CONSUMER', ewcCode: '200110', quantity: 800, unit: QuantityUnit.KG, frequency: ListingFrequency.MONTHLY,
  },
  {
    by: 'bzu', author: 'yousef@demo.innomed.example', kind: ListingKind.OFFER, language: 'ar', place: 'birzeit', radiusKm: 80,
    title: 'ورق وكرتون من مباني الجامعة (demo)', description: 'ورق مكتبي وكرتون مفروز من مباني جامعة بيرزيت، متوفر كل شهر.',
    material: 'PAPER_CARD', ewcCode: '200101', quantity: 1.5, unit: QuantityUnit.TONNE, frequency: ListingFrequency.MONTHLY,
  },
  {
    by: 'bzu', author: 'yousef@demo.innomed.example', kind: ListingKind.WANT, language: 'en', place: 'birzeit', radiusKm: 150,
    title: 'Wooden pallets for a furniture design course (demo)', description: 'The architecture studio needs used wooden pallets, untreated, for a furniture-design course.',
    material: 'WOOD_PALLETS', ewcCode: '150103', quantity: 60, unit: QuantityUnit.PIECE, frequency: ListingFrequency.ONE_OFF,
  },
];

/** The demo listings, ACTIVE, shown to the cross-border network, through the same repository as the API. */
@Injectable()
export class DemoSymbiosisSeeder {
  constructor(private readonly listings: ListingsRepository) {}

  async seed(manager: EntityManager, ids: { users: Map<string, string>; organisations: Map<DemoOrganisationKey, string>; networks: Map<string, string> }): Promise<void> {
    const from = new Date();
    const until = new Date(from.getTime() + 365 * 86_400_000);
    for (const demo of DEMO_LISTINGS) {
      const listing = await this.listings.create(
        {
          kind: demo.kind,
          organisationId: ids.organisations.get(demo.by)!,
          authorId: ids.users.get(demo.author) ?? null,
          title: demo.title,
          description: demo.description,
          language: demo.language,
          material: demo.material,
          family: material(demo.material).family,
          ewcCode: demo.ewcCode,
          hazardous: demo.ewcCode ? EWC_BY_CODE.get(demo.ewcCode)!.hazardous : false,
          quantity: demo.quantity,
          unit: demo.unit,
          frequency: demo.frequency,
          condition: '',
          availableFrom: from,
          availableUntil: until,
          ...PLACES[demo.place],
          radiusKm: demo.radiusKm,
          dataSheetUrl: null,
          networkIds: [ids.networks.get('network')!],
        },
        manager,
      );
      await this.listings.setStatus(listing.id, ListingStatus.ACTIVE, manager);
    }
  }
}
