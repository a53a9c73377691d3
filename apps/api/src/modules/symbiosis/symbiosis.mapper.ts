import { toOrganisation } from '@api/modules/identity/organisations/organisation.mapper.js';
import { toUser } from '@api/modules/identity/users/user.mapper.js';
import { EWC_BY_CODE, EWC_ENTRIES, EWC_SOURCE, formatEwcCode, type EwcEntry as EwcData } from './data/ewc-codes.data.js';
import { FAMILY_LABELS, MATERIALS, type MaterialFamily } from './data/materials.data.js';
import { IMPACT_SOURCE } from './data/impact-factors.data.js';
import type { ListingView } from './listings.repository.js';
import type { MatchRow } from './matches.repository.js';
import type { Candidate } from './matching.service.js';
import type { ProposalEntity } from './proposal.entity.js';
import type { ShipmentGuidanceResult } from './shipment-guidance.js';
import type { MatchReasonCode, QuantityUnit, ShipmentOutcomeKind } from './symbiosis.enums.js';
import type { EwcEntry, ShipmentGuidance, SymbiosisCandidate, SymbiosisListing, SymbiosisMatch, SymbiosisProposal, SymbiosisTaxonomy } from './symbiosis.model.js';
import { impactFactorOf } from './taxonomy.js';

export function toEwcEntry(entry: EwcData): EwcEntry {
  return { code: entry.code, formatted: formatEwcCode(entry.code), title: entry.title, hazardous: entry.hazardous, greenListEntry: entry.greenList };
}

/** `visibleNetworks`: the networks the viewer may see; others stay unnamed. */
export function toListing(view: ListingView, viewerId: string, visibleNetworks: Set<string>): SymbiosisListing {
  const l = view.listing;
  const ewc = l.ewcCode ? EWC_BY_CODE.get(l.ewcCode) : undefined;
  return {
    id: l.id,
    kind: l.kind,
    status: l.status,
    title: l.title,
    description: l.description,
    language: l.language,
    material: l.material,
    family: l.family,
    ewc: ewc ? toEwcEntry(ewc) : null,
    hazardous: l.hazardous,
    quantity: l.quantity,
    reservedQuantity: l.reservedQuantity,
    unit: l.unit,
    frequency: l.frequency,
    condition: l.condition,
    availableFrom: l.availableFrom,
    availableUntil: l.availableUntil,
    city: l.city,
    country: l.country,
    latitude: l.latitude,
    longitude: l.longitude,
    radiusKm: l.radiusKm,
    dataSheetUrl: l.dataSheetUrl,
    networkIds: l.networkIds.filter((id) => visibleNetworks.has(id)),
    organisation: toOrganisation(view.organisation),
    author: view.author ? toUser(view.author, viewerId) : null,
    viewerCanEdit: view.viewerIsMember,
    distanceKm: view.distanceKm,
    createdAt: l.createdAt,
    updatedAt: l.updatedAt,
  };
}

export function toShipment(g: ShipmentGuidanceResult | null): ShipmentGuidance | null {
  if (!g) return null;
  return {
    originCountry: g.originCountry,
    destinationCountry: g.destinationCountry,
    hazardous: g.hazardous,
    wasteList: g.list,
    greenListEntry: g.greenListEntry,
    outcome: g.outcome as ShipmentOutcomeKind,
    ruleId: g.ruleId,
    summary: g.summary,
    sources: g.sources,
    checkRequired: g.checkRequired,
    disclaimer: g.disclaimer,
  };
}

export function toCandidate(c: Candidate, viewerId: string, visibleNetworks: Set<string>): SymbiosisCandidate {
  return { listing: toListing(c.view, viewerId, visibleNetworks), score: c.match.score, reasons: c.match.reasons, distanceKm: c.match.distanceKm, shipment: toShipment(c.shipment) };
}

export function toMatch(row: MatchRow): SymbiosisMatch {
  return { ...row, reasons: row.reasons.map((r) => ({ code: r.code as MatchReasonCode, points: r.points, detail: r.detail })), createdAt: new Date(row.createdAt) };
}

export function toProposal(p: ProposalEntity, unit: QuantityUnit): SymbiosisProposal {
  return {
    id: p.id,
    listingId: p.listingId,
    counterListingId: p.counterListingId,
    fromOrganisation: toOrganisation(p.fromOrganisation!),
    quantity: p.quantity,
    unit,
    proposedDate: p.proposedDate,
    terms: p.terms,
    status: p.status,
    decidedAt: p.decidedAt,
    exchangedQuantity: p.exchangedQuantity,
    exchangedTonnes: p.exchangedTonnes,
    divertedTonnes: p.divertedTonnes,
    co2eAvoidedTonnes: p.co2eAvoidedTonnes,
    completedAt: p.completedAt,
    createdAt: p.createdAt,
  };
}

export function taxonomy(): SymbiosisTaxonomy {
  return {
    families: Object.entries(FAMILY_LABELS).map(([code, labels]) => ({ code: code as MaterialFamily, labels })),
    materials: MATERIALS.map((m) => ({ code: m.code, family: m.family, labels: m.labels, usualEwcCodes: m.usualEwcCodes, co2eAvoidedPerTonne: impactFactorOf(m.code).co2eAvoidedPerTonne })),
    ewcEntries: EWC_ENTRIES.map(toEwcEntry),
    ewcSource: EWC_SOURCE,
    impactSource: IMPACT_SOURCE,
  };
}
