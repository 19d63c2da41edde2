/**
 * The heartbeat loop's encoder and decoder, made anew when the group, password or encryption
 * change. The sequence carries on across that: restarting it under the same boot id would make
 * peers drop our heartbeats as replays. The rejection counters carry on too.
 */
import type { HaSettings } from '../config/ha-settings.js';
import { HeartbeatDecoder } from './wire/decoder.js';
import { HeartbeatEncoder } from './wire/encoder.js';
import { deriveKeys } from './wire/keys.js';

export class HbCodec {
  encoder!: HeartbeatEncoder;
  decoder!: HeartbeatDecoder;

  constructor(
    private readonly serial: string,
    bootId: number,
    /** The next persisted boot id (boot-ids.ts), for when the encoder's sequences run out. */
    private readonly nextBootId: () => number,
    settings: HaSettings,
  ) {
    this.#make(settings, bootId, 0);
  }

  configure(s: HaSettings): void {
    const counters = this.decoder.counters;
    this.#make(s, this.encoder.bootId, this.encoder.lastSeq);
    Object.assign(this.decoder.counters, counters);
  }

  #make(s: HaSettings, bootId: number, lastSeq: number): void {
    const keys = deriveKeys(s.password);
    const serial = this.serial;
    this.encoder = new HeartbeatEncoder({
      serial,
      groupId: s.groupId,
      keys,
      encryption: s.encryption,
      bootId,
      lastSeq,
      nextBootId: this.nextBootId,
    });
    this.decoder = new HeartbeatDecoder({ ownSerial: serial, groupId: s.groupId, keys, encryption: s.encryption });
  }
}
