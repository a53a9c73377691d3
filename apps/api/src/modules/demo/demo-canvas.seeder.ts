import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import * as Y from 'yjs';
import { applyTemplate, changedBlocks } from '@api/modules/canvases/document/index.js';
import type { DemoOrganisationKey } from './demo-data.js';

/**
 * "Wool loop Prato–Tunis": a canvas of the network owned by the Lanificio, started from the textile
 * take-back template, stored as its first update like any other.
 */
@Injectable()
export class DemoCanvasSeeder {
  async seed(manager: EntityManager, ids: { users: Map<string, string>; organisations: Map<DemoOrganisationKey, string>; networks: Map<string, string> }): Promise<void> {
    const author = ids.users.get('marco@demo.innomed.example')!;
    const [canvas] = await manager.query(
      `INSERT INTO canvases (network_id, owner_organisation_id, title, created_by_id, last_seq) VALUES ($1, $2, $3, $4, 1) RETURNING id`,
      [ids.networks.get('network'), ids.organisations.get('lanificio'), 'Wool loop Prato–Tunis', author],
    );
    const doc = new Y.Doc();
    applyTemplate(doc, 'TEXTILE_TAKE_BACK', author);
    const update = Y.encodeStateAsUpdate(doc);
    const blocks = changedBlocks(new Y.Doc(), update);
    doc.destroy();
    await manager.query('INSERT INTO canvas_updates (canvas_id, seq, data, user_id, blocks) VALUES ($1, 1, $2, $3, $4::text[])', [canvas.id, Buffer.from(update), author, blocks]);
    // The medina atelier edits with the lanificio.
    await manager.query(`INSERT INTO canvas_access (canvas_id, organisation_id, role) VALUES ($1, $2, 'EDITOR')`, [canvas.id, ids.organisations.get('medina')]);
  }
}
