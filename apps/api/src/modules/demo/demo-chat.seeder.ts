import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { searchConfigFor } from '@api/platform/database/text-search.js';
import { detectLanguage } from '@api/modules/chat/language-detection.js';

interface DemoMessage {
  from: string;
  body: string;
  minutesAgo: number;
}

/** The network's general channel and one direct conversation, in the partners' languages. */
const GENERAL: DemoMessage[] = [
  { from: 'giulia@demo.innomed.example', body: 'Benvenuti nel canale della rete! Qui coordiniamo il viaggio dei campioni tra Prato e Tunisi.', minutesAgo: 180 },
  { from: 'amira@demo.innomed.example', body: 'Merci Giulia ! Les artisans de la Médina sont prêts à tester les fils régénérés la semaine prochaine.', minutesAgo: 170 },
  { from: 'eleni@demo.innomed.example', body: 'We can share the EPEM material-flow template for the canvases before the Tunis workshop.', minutesAgo: 120 },
  { from: 'yousef@demo.innomed.example', body: 'نحن في جامعة بيرزيت مهتمون بتجربة إعادة استخدام الحجر في الترميم', minutesAgo: 60 },
];
const DIRECT: DemoMessage[] = [
  { from: 'marco@demo.innomed.example', body: 'Amira, we have 200 kg of regenerated wool yarn in indigo and madder: would the atelier like a sample box?', minutesAgo: 90 },
  { from: 'amira@demo.innomed.example', body: 'Oui, avec plaisir ! Envoyez-la à l’atelier, nous vous enverrons des photos des premiers tapis.', minutesAgo: 80 },
];

@Injectable()
export class DemoChatSeeder {
  async seed(manager: EntityManager, ids: { users: Map<string, string>; networks: Map<string, string> }): Promise<void> {
    const [general] = await manager.query(`INSERT INTO chat_channels (kind, network_id) VALUES ('NETWORK_GENERAL', $1) RETURNING id`, [ids.networks.get('network')]);
    await this.messages(manager, general.id, GENERAL, ids.users);
    const marco = ids.users.get('marco@demo.innomed.example')!;
    const amira = ids.users.get('amira@demo.innomed.example')!;
    const [direct] = await manager.query(`INSERT INTO chat_channels (kind, direct_key) VALUES ('DIRECT', $1) RETURNING id`, [[marco, amira].sort().join(':')]);
    await manager.query('INSERT INTO chat_channel_members (channel_id, user_id) VALUES ($1, $2), ($1, $3)', [direct.id, marco, amira]);
    await this.messages(manager, direct.id, DIRECT, ids.users);
  }

  /** Stored as the send path stores them: seq and revision 1, 2, 3…, the channel's counters at the last. */
  private async messages(manager: EntityManager, channelId: string, messages: DemoMessage[], users: Map<string, string>): Promise<void> {
    for (const [i, message] of messages.entries()) {
      const language = detectLanguage(message.body);
      await manager.query(
        `INSERT INTO chat_messages (channel_id, seq, revision, author_id, client_id, body, language, search_document, created_at)
         VALUES ($1, $2, $2, $3, $4, $5, $6, to_tsvector($7::regconfig, $5) || to_tsvector('simple', $5), now() - make_interval(mins => $8))`,
        [channelId, i + 1, users.get(message.from), `demo-${channelId.slice(0, 8)}-${i + 1}`, message.body, language, searchConfigFor(language ?? 'simple'), message.minutesAgo],
      );
    }
    await manager.query(`UPDATE chat_channels SET last_seq = $2, revision = $2, last_message_at = now() - make_interval(mins => $3) WHERE id = $1`, [
      channelId,
      messages.length,
      messages[messages.length - 1]!.minutesAgo,
    ]);
  }
}
