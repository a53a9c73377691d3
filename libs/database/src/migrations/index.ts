// Listed explicitly (not globbed) so the same list works from the sources and from the build.
// `npm run migration:generate -- <Name>` adds new files to both lists below.
// migrations: imports
import { SymbiosisChannel1796200000000 } from './1796200000000-SymbiosisChannel.js';
import { TrigramSearch1796185561313 } from './1796185561313-TrigramSearch.js';
import { NotificationText1796181802023 } from './1796181802023-NotificationText.js';
import { Symbiosis1796181271939 } from './1796181271939-Symbiosis.js';
import { ParticipantTimeZone1796180897269 } from './1796180897269-ParticipantTimeZone.js';
import { SearchFolding1795800000000 } from './1795800000000-SearchFolding.js';
import { Canvases1795740855843 } from './1795740855843-Canvases.js';
import { Matchmaking1795740028637 } from './1795740028637-Matchmaking.js';
import { Chat1795739163162 } from './1795739163162-Chat.js';
import { Notifications1795734751611 } from './1795734751611-Notifications.js';
import { Challenges1795734385877 } from './1795734385877-Challenges.js';
import { NetworkMembership1795734089699 } from './1795734089699-NetworkMembership.js';
import { Initial1795730953174 } from './1795730953174-Initial.js';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MIGRATIONS: Function[] = [
  // migrations: list
  SymbiosisChannel1796200000000,
  TrigramSearch1796185561313,
  NotificationText1796181802023,
  Symbiosis1796181271939,
  ParticipantTimeZone1796180897269,
  SearchFolding1795800000000,
  Canvases1795740855843,
  Matchmaking1795740028637,
  Chat1795739163162,
  Notifications1795734751611,
  Challenges1795734385877,
  NetworkMembership1795734089699,
  Initial1795730953174,
];
