import type { MaterialFamily } from './materials.data.js';

/**
 * Which materials can feed which uses. Two different materials are compatible when one use accepts
 * both: a want of regenerated-wool feedstock is served by wool, offcuts and worn garments alike.
 * A use lists whole families, single materials, or both.
 *
 * Source: written for the hub from the recovery routes named in the issue and in the European
 * Commission's circular-economy material guidance (textile regeneration in Prato, leather offcuts to
 * small leather goods, cullet to glass and mosaics, paper to pulp, polymers recycled by polymer). It is
 * a table to grow with the exchange, not a standard.
 */
export interface MaterialUse {
  code: string;
  description: string;
  families: MaterialFamily[];
  materials: string[];
}

export const MATERIAL_USES: MaterialUse[] = [
  { code: 'FIBRE_REGENERATION', description: 'Mechanical regeneration into fibre and yarn (carded wool, recycled cotton)', families: [], materials: ['TEXTILE_WOOL', 'TEXTILE_COTTON', 'TEXTILE_OFFCUTS', 'TEXTILE_POST_CONSUMER'] },
  { code: 'NONWOVEN_INSULATION', description: 'Felts, padding and insulation panels', families: ['TEXTILES'], materials: ['PACKAGING_TEXTILE'] },
  { code: 'GARMENT_REUSE', description: 'Reuse and upcycling of garments and fabric pieces', families: [], materials: ['TEXTILE_POST_CONSUMER', 'TEXTILE_OFFCUTS', 'TEXTILE_COTTON', 'TEXTILE_WOOL'] },
  { code: 'SMALL_LEATHER_GOODS', description: 'Small leather goods, patchwork, bonded leather', families: ['LEATHER'], materials: [] },
  { code: 'PULP', description: 'Pulping into recycled paper and board', families: ['PAPER'], materials: [] },
  { code: 'PANEL_BOARD', description: 'Particle board, furniture and joinery', families: ['WOOD'], materials: [] },
  { code: 'GLASS_REMELT', description: 'Remelting and glass mosaics', families: ['GLASS'], materials: [] },
  { code: 'AGGREGATE_MOSAIC', description: 'Mosaics, terrazzo and aggregate', families: ['CERAMICS'], materials: ['GLASS_CULLET'] },
  { code: 'METAL_SMELTING', description: 'Smelting by metal', families: [], materials: ['METAL_FERROUS'] },
  { code: 'NON_FERROUS_SMELTING', description: 'Non-ferrous smelting', families: [], materials: ['METAL_ALUMINIUM', 'METAL_COPPER'] },
  { code: 'POLYOLEFIN_RECYCLING', description: 'Mechanical recycling of polyolefins', families: [], materials: ['PLASTIC_HDPE', 'PLASTIC_LDPE', 'PLASTIC_PP'] },
  { code: 'RIGID_PLASTICS_RECYCLING', description: 'Mechanical recycling of rigid polystyrene and PVC, kept apart from other polymers', families: [], materials: ['PLASTIC_PS', 'PLASTIC_PVC'] },
  { code: 'PET_RECYCLING', description: 'PET flakes and fibre', families: [], materials: ['PLASTIC_PET'] },
  { code: 'COMPOST_BIOGAS', description: 'Composting and anaerobic digestion', families: ['ORGANIC'], materials: [] },
  { code: 'PACKAGING_REUSE', description: 'Reuse of packaging and sorting into its materials', families: ['PACKAGING'], materials: ['WOOD_PALLETS', 'PAPER_CARD'] },
  { code: 'ELECTRONICS_REFURBISHING', description: 'Refurbishing and component recovery', families: ['ELECTRONICS'], materials: [] },
];
