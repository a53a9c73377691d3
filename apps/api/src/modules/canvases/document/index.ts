/** The canvas document model: pure functions over a `Y.Doc` and plain data, no I/O. */
export type * from './types.js';
export type { CardMap, NewCard } from './schema.js';
export type { CanvasTemplate, TemplateOptions, TemplateOrigin } from './templates.js';
export type { RestoreOrigin } from './restore.js';
export type { CircularityReport, OpenFlow } from './circularity.js';
export type { CanvasJsonExport } from './export.js';
export type { HistoryEntry, HistoryGroup } from './changes.js';
export type { UpdateInspection, UpdateLimits } from './validate-update.js';
export { BLOCK_NAMES, CANVAS_BLOCKS, CLASSIC_BLOCKS, LEVER_NAMES, RESOLVE_LEVERS } from './names.js';
export {
  BLOCK_ROOT_PREFIX,
  CARD_KEYS,
  FLOW_KEYS,
  addCard,
  addFlow,
  blockOf,
  blockOfRootName,
  canHoldBlock,
  existingBlock,
  findCard,
  removeCard,
  rootNameOf,
  setCardLevers,
  updateCardText,
} from './schema.js';
export { DEFAULT_CARD_COLOUR, readContent } from './content.js';
export { CANVAS_TEMPLATES, applyTemplate } from './templates.js';
export { restoreVersion } from './restore.js';
export { CIRCULARITY_POINTS, MAX_GAPS, checkCircularity, materialKey } from './circularity.js';
export { CANVAS_JSON_FORMAT, escapeMarkdown, toJson, toJsonExport, toMarkdown } from './export.js';
export { HISTORY_WINDOW_MS, changedBlocks, groupHistory } from './changes.js';
export { inspectUpdate } from './validate-update.js';
