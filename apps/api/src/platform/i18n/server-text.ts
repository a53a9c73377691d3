import { SERVER_TEXT_LANGUAGES, ServerTextParamType, type CanvasBlock, type CciSubsector, type ResolveLever, type ServerTextData, type ServerTextLanguage, type ServerTextParam } from '@app/contracts';
import { formatMessage, parseMessage, type MessagePart } from './icu-message.js';
import { BLOCK_LABELS, CATALOGUE, LEVER_LABELS, SUBSECTOR_LABELS } from './server-text.catalogue.js';

/** Server text for one viewer: the data a client can word itself, and the hub's wording. */
export interface RenderedServerText extends ServerTextData {
  text: string;
  language: ServerTextLanguage;
}

const parsed = new Map<string, MessagePart[]>();
const parse = (source: string) => {
  let parts = parsed.get(source);
  if (!parts) parsed.set(source, (parts = parseMessage(source)));
  return parts;
};

/** The first of the viewer's languages (User.preferredLanguages, in order) the hub has a catalogue for; else English. */
export function viewerLanguage(preferred: readonly string[] | null | undefined): ServerTextLanguage {
  for (const tag of preferred ?? []) {
    const primary = tag.split('-')[0]!.toLowerCase();
    if ((SERVER_TEXT_LANGUAGES as readonly string[]).includes(primary)) return primary as ServerTextLanguage;
  }
  return 'en';
}

const safely = (word: () => string | undefined, fallback: string) => {
  try {
    return word() ?? fallback;
  } catch {
    return fallback;
  }
};

function wordValue(type: ServerTextParamType, value: string, language: ServerTextLanguage): string {
  switch (type) {
    case ServerTextParamType.RESOLVE_LEVER:
      return LEVER_LABELS[value as ResolveLever]?.[language] ?? value;
    case ServerTextParamType.CCI_SUBSECTOR:
      return SUBSECTOR_LABELS[value as CciSubsector]?.[language] ?? value;
    case ServerTextParamType.CANVAS_BLOCK:
      return BLOCK_LABELS[value as CanvasBlock]?.[language] ?? value;
    case ServerTextParamType.LANGUAGE: {
      const name = safely(() => new Intl.DisplayNames([language], { type: 'language' }).of(value), value);
      // Greek writes language names in lower case inside a sentence ("μιλά ιταλικά"); CLDR gives them capitalised.
      return language === 'el' ? name.toLocaleLowerCase('el') : name;
    }
    case ServerTextParamType.COUNTRY:
      return safely(() => new Intl.DisplayNames([language], { type: 'region' }).of(value.toUpperCase()), value);
    case ServerTextParamType.COUNT:
      return new Intl.NumberFormat(language).format(Number(value));
    default:
      return value;
  }
}

function wordParam(param: ServerTextParam, language: ServerTextLanguage): string {
  const words = param.values.map((value) => wordValue(param.type, value, language));
  return words.length > 1 ? new Intl.ListFormat(language, { type: 'conjunction' }).format(words) : (words[0] ?? '');
}

/** Renders server text in one language from the hub's catalogue. */
export function renderServerText(data: ServerTextData, language: ServerTextLanguage): RenderedServerText {
  const values: Record<string, string> = {};
  const numbers: Record<string, number> = {};
  for (const param of data.params) {
    values[param.name] = wordParam(param, language);
    if (param.type === ServerTextParamType.COUNT) numbers[param.name] = Number(param.values[0]);
  }
  const source = CATALOGUE[data.code]?.[language] ?? CATALOGUE[data.code]?.en;
  const text = source ? formatMessage(parse(source), language, values, numbers) : data.code;
  return { code: data.code, params: data.params, text, language };
}

/** Shorthands for building parameters. */
export const param = {
  text: (name: string, value: string): ServerTextParam => ({ name, type: ServerTextParamType.TEXT, values: [value] }),
  list: (name: string, type: ServerTextParamType, values: string[]): ServerTextParam => ({ name, type, values }),
  count: (name: string, value: number): ServerTextParam => ({ name, type: ServerTextParamType.COUNT, values: [String(value)] }),
  one: (name: string, type: ServerTextParamType, value: string): ServerTextParam => ({ name, type, values: [value] }),
};
