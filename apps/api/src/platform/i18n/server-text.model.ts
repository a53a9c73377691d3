import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ServerTextCode, ServerTextParamType } from '@app/contracts';

registerEnumType(ServerTextCode, {
  name: 'ServerTextCode',
  description: 'What a piece of server text says; word it from the code and its params, or show `text`.',
  valuesMap: {
    NOTIFICATION_ANSWER_ON_MY_CHALLENGE: { description: 'A new answer on a challenge of your organisation. Params: `challengeTitle` (TEXT).' },
    NOTIFICATION_ANSWER_ON_FOLLOWED_CHALLENGE: { description: 'A new answer on a challenge you follow. Params: `challengeTitle` (TEXT).' },
    NOTIFICATION_ANSWER_ACCEPTED: { description: 'Your answer was accepted. Params: `challengeTitle` (TEXT).' },
    NOTIFICATION_JOIN_REQUEST_APPROVED: { description: 'Your organisation’s request to join a network was approved. Params: `networkName` (TEXT).' },
    NOTIFICATION_JOIN_REQUEST_DECLINED: { description: 'Your organisation’s request to join a network was declined. Params: `networkName` (TEXT).' },
    NOTIFICATION_NETWORK_INVITATION: { description: 'A network invites your organisation. Params: `networkName` (TEXT).' },
    NOTIFICATION_ORGANISATION_INVITATION: { description: 'An organisation invites you. Params: `organisationName` (TEXT).' },
    NOTIFICATION_CHAT_MENTION: { description: 'Someone mentioned you in a chat message. Params: `actorName` (TEXT).' },
    NOTIFICATION_SYMBIOSIS_MATCH: { description: 'A listing of your organisation was matched with a counterpart. Params: `offerTitle`, `wantTitle` (TEXT).' },
    EXPERT_SHARED_LEVERS: { description: 'The expert has answered with levers the challenge uses. Params: `levers` (RESOLVE_LEVER, a list), `count` (COUNT).' },
    EXPERT_SHARED_MATERIALS: { description: 'The expert has worked on materials of the challenge. Params: `materials` (TEXT, a list), `count` (COUNT).' },
    EXPERT_SHARED_SUBSECTORS: { description: 'The expert works in subsectors of the challenge. Params: `subsectors` (CCI_SUBSECTOR, a list), `count` (COUNT).' },
    EXPERT_SPEAKS_LANGUAGE: { description: 'The expert has members who speak the challenge’s language. Params: `language` (LANGUAGE).' },
    EXPERT_OTHER_COUNTRY: { description: 'The expert is based in another country than the challenge’s organisation. Params: `country` (COUNTRY).' },
    CIRCULARITY_NO_TAKE_BACK: { description: 'A canvas gap: the take-back system block is empty. No params.' },
    CIRCULARITY_OPEN_FLOWS: { description: 'A canvas gap: materials go OUT that no card brings back IN. Params: `materials` (TEXT, a list of the first three, each with its quantities), `count` (COUNT, all of them).' },
    CIRCULARITY_NO_FLOWS: { description: 'A canvas gap: no card records a material flow. No params.' },
    CIRCULARITY_NO_ADOPTION_FACTORS: { description: 'A canvas gap: the adoption factors block is empty. No params.' },
    CIRCULARITY_LEVERS_MISSING: { description: 'A canvas gap: ReSOLVE levers no card uses. Params: `levers` (RESOLVE_LEVER, a list), `count` (COUNT).' },
    CIRCULARITY_EMPTY_BLOCKS: { description: 'A canvas gap: classic blocks without a card with text. Params: `blocks` (CANVAS_BLOCK, a list), `count` (COUNT).' },
  },
});

registerEnumType(ServerTextParamType, {
  name: 'ServerTextParamType',
  description: 'How to read a parameter’s values.',
  valuesMap: {
    TEXT: { description: 'Text written by people (a title, a name, a material): show it as it is.' },
    COUNT: { description: 'A whole number in decimal digits; choose plural forms by it.' },
    LANGUAGE: { description: 'A language as a BCP 47 primary subtag, e.g. `it`.' },
    COUNTRY: { description: 'A country as an ISO 3166-1 alpha-2 code, e.g. `TN`.' },
    RESOLVE_LEVER: { description: 'A value of the `ResolveLever` enum.' },
    CCI_SUBSECTOR: { description: 'A value of the `CciSubsector` enum.' },
    CANVAS_BLOCK: { description: 'A value of the `CanvasBlock` enum.' },
  },
});

@ObjectType('ServerTextParam', { description: 'One parameter of a piece of server text.' })
export class ServerTextParamModel {
  @Field({ description: 'Its name, as the code’s description lists it.' })
  name: string;

  @Field(() => ServerTextParamType, { description: 'How to read its values.' })
  type: ServerTextParamType;

  @Field(() => [String], { description: 'Its value, or its values in order for a list.' })
  values: string[];
}

@ObjectType('ServerText', { description: 'Text the hub writes (a notification, a reason): a stable code with typed parameters, and the hub’s own wording.' })
export class ServerTextModel {
  @Field(() => ServerTextCode, { description: 'What it says.' })
  code: ServerTextCode;

  @Field(() => [ServerTextParamModel], { description: 'The values it says it with.' })
  params: ServerTextParamModel[];

  @Field({ description: 'The hub’s wording in your preferred language: the first of `User.preferredLanguages` among it, el, fr, ar and en, else English.' })
  text: string;

  @Field({ description: 'The language of `text` (it, el, fr, ar or en).' })
  language: string;
}
