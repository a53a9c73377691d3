/**
 * Server text as data: a stable code and typed parameters, so a client can word it in any language;
 * the hub also renders it (catalogues for it, el, fr, ar, en). Adding a code is fine; renaming or
 * removing one, or a parameter of one, breaks clients.
 */
export enum ServerTextCode {
  /** A new answer on a challenge of your organisation. Params: challengeTitle. */
  NOTIFICATION_ANSWER_ON_MY_CHALLENGE = 'NOTIFICATION_ANSWER_ON_MY_CHALLENGE',
  /** A new answer on a challenge you follow. Params: challengeTitle. */
  NOTIFICATION_ANSWER_ON_FOLLOWED_CHALLENGE = 'NOTIFICATION_ANSWER_ON_FOLLOWED_CHALLENGE',
  /** Your answer was accepted. Params: challengeTitle. */
  NOTIFICATION_ANSWER_ACCEPTED = 'NOTIFICATION_ANSWER_ACCEPTED',
  /** Your organisation's request to join a network was approved. Params: networkName. */
  NOTIFICATION_JOIN_REQUEST_APPROVED = 'NOTIFICATION_JOIN_REQUEST_APPROVED',
  /** Your organisation's request to join a network was declined. Params: networkName. */
  NOTIFICATION_JOIN_REQUEST_DECLINED = 'NOTIFICATION_JOIN_REQUEST_DECLINED',
  /** A network invites your organisation. Params: networkName. */
  NOTIFICATION_NETWORK_INVITATION = 'NOTIFICATION_NETWORK_INVITATION',
  /** An organisation invites you. Params: organisationName. */
  NOTIFICATION_ORGANISATION_INVITATION = 'NOTIFICATION_ORGANISATION_INVITATION',
  /** Someone mentioned you in a chat message. Params: actorName. */
  NOTIFICATION_CHAT_MENTION = 'NOTIFICATION_CHAT_MENTION',
  /** A symbiosis offer and want of your organisation's were matched. Params: offerTitle, wantTitle. */
  NOTIFICATION_SYMBIOSIS_MATCH = 'NOTIFICATION_SYMBIOSIS_MATCH',
  /** An expert has answered with levers the challenge uses. Params: levers, count. */
  EXPERT_SHARED_LEVERS = 'EXPERT_SHARED_LEVERS',
  /** An expert has worked on materials of the challenge. Params: materials, count. */
  EXPERT_SHARED_MATERIALS = 'EXPERT_SHARED_MATERIALS',
  /** An expert works in subsectors of the challenge. Params: subsectors, count. */
  EXPERT_SHARED_SUBSECTORS = 'EXPERT_SHARED_SUBSECTORS',
  /** An expert has members who speak the challenge's language. Params: language. */
  EXPERT_SPEAKS_LANGUAGE = 'EXPERT_SPEAKS_LANGUAGE',
  /** An expert is based in another country than the challenge's organisation. Params: country. */
  EXPERT_OTHER_COUNTRY = 'EXPERT_OTHER_COUNTRY',
  /** A canvas gap: the take-back system block is empty. No params. */
  CIRCULARITY_NO_TAKE_BACK = 'CIRCULARITY_NO_TAKE_BACK',
  /** A canvas gap: materials go OUT that no card brings back IN. Params: materials (the first three, with their quantities), count (all of them). */
  CIRCULARITY_OPEN_FLOWS = 'CIRCULARITY_OPEN_FLOWS',
  /** A canvas gap: no card records a material flow. No params. */
  CIRCULARITY_NO_FLOWS = 'CIRCULARITY_NO_FLOWS',
  /** A canvas gap: the adoption factors block is empty. No params. */
  CIRCULARITY_NO_ADOPTION_FACTORS = 'CIRCULARITY_NO_ADOPTION_FACTORS',
  /** A canvas gap: ReSOLVE levers no card uses. Params: levers, count. */
  CIRCULARITY_LEVERS_MISSING = 'CIRCULARITY_LEVERS_MISSING',
  /** A canvas gap: classic blocks without a card with text. Params: blocks, count. */
  CIRCULARITY_EMPTY_BLOCKS = 'CIRCULARITY_EMPTY_BLOCKS',
}

/** How to read a parameter's values. */
export enum ServerTextParamType {
  /** Free text written by people (a title, a name, a material), shown as it is. */
  TEXT = 'TEXT',
  /** A whole number, written in decimal digits. */
  COUNT = 'COUNT',
  /** A language, as a BCP 47 primary subtag (`it`). */
  LANGUAGE = 'LANGUAGE',
  /** A country, as an ISO 3166-1 alpha-2 code (`TN`). */
  COUNTRY = 'COUNTRY',
  /** A value of the `ResolveLever` enum. */
  RESOLVE_LEVER = 'RESOLVE_LEVER',
  /** A value of the `CciSubsector` enum. */
  CCI_SUBSECTOR = 'CCI_SUBSECTOR',
  /** A value of the `CanvasBlock` enum. */
  CANVAS_BLOCK = 'CANVAS_BLOCK',
}

export interface ServerTextParam {
  name: string;
  type: ServerTextParamType;
  /** One value, or several for a list (levers, materials, subsectors). */
  values: string[];
}

/** A code with its parameters, as stored and as sent. */
export interface ServerTextData {
  code: ServerTextCode;
  params: ServerTextParam[];
}

/** The languages the hub renders server text in; others fall back to English. */
export const SERVER_TEXT_LANGUAGES = ['it', 'el', 'fr', 'ar', 'en'] as const;
export type ServerTextLanguage = (typeof SERVER_TEXT_LANGUAGES)[number];
