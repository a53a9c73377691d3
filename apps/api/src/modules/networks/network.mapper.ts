import type { CciSubsector } from '@app/contracts';
import type { NetworkEntity } from './network.entity.js';
import type { Network } from './network.model.js';

export function toNetwork(entity: NetworkEntity): Network {
  return {
    id: entity.id,
    kind: entity.kind,
    name: entity.name,
    description: entity.description,
    countries: entity.countries,
    subsectors: entity.subsectors as CciSubsector[],
    visibility: entity.visibility,
    createdAt: entity.createdAt,
  };
}
